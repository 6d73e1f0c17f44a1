package dev.lantu.engine.policy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IssuerCapReaderTests {

    private static final String VALID = """
            issuers:
              - issuer: 某区科技局
                cap_per_enterprise_per_year: 2000万元
                reference: 资金管理办法第八条
            """;

    @Test
    void readsEachIssuersCapInFen() {
        IssuerCapReader.Result result = IssuerCapReader.read("issuers.yaml", VALID);
        assertThat(result.errors()).isEmpty();
        assertThat(result.caps()).containsExactly(new IssuerCap("某区科技局", 20_000_000_00L, "资金管理办法第八条"));
    }

    @Test
    void aCapWithoutUnitAnIssuerTwiceAndAMissingReferenceAreErrorsWithPositions() {
        String text = VALID.replace("2000万元", "2000") + """
                  - issuer: 某区科技局
                    cap_per_enterprise_per_year: 1万元
                """;
        assertThat(IssuerCapReader.read("issuers.yaml", text).errors()).extracting(PolicyError::toString)
                .containsExactly(
                        "issuers.yaml:3:34 issuers[0].cap_per_enterprise_per_year: expected money here, found number"
                                + " (multiply by an amount, or write the amount with its unit (元, 万元))",
                        "issuers.yaml:5:13 issuers[1].issuer: the issuer 某区科技局 is capped twice",
                        "issuers.yaml:5:5 issuers[1].reference: missing key reference (add reference: …)");
    }
}
