package dev.lantu.engine.policy;

import static dev.lantu.engine.Examples.SCHEMA;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lantu.engine.eval.Value;
import dev.lantu.engine.lang.Position;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class PolicyReaderTests {

    private static final PolicyReader READER = new PolicyReader(SCHEMA);

    /** A small valid policy; line 17 holds the first clause's eligibility, line 18 its award. */
    static final String VALID = """
            id: rd-2025
            title: {zh: 研发投入补助, en: R&D subsidy}
            issuer: 广州市工业和信息化局
            document_number: 穗工信规字〔2024〕3号
            regions: ["440100"]
            effective_from: 2025-01-01
            source: {title: 研发投入补助办法, url: https://example.org/rd}
            cap_per_enterprise_per_year: 1500万元
            parameters:
              subsidy_rate:
                type: number
                values:
                  - {from: 2025-01-01, value: 10%, reference: 第五条}
            clauses:
              - id: rd
                title: 研发投入补助
                eligibility: revenue[last_year] >= 2000万元
                award: rd_expense[last_year] * subsidy_rate
                cap: 150万元
                delivery: proactive
            """;

    private static PolicyReader.Result read(String text) {
        return READER.read("p.yaml", text);
    }

    @Test
    void aValidPolicyReadsIntoADocument() {
        PolicyReader.Result result = read(VALID);
        assertThat(result.errors()).isEmpty();
        PolicyDocument policy = result.document();
        assertThat(policy.id()).isEqualTo("rd-2025");
        assertThat(policy.titleEn()).isEqualTo("R&D subsidy");
        assertThat(policy.documentNumber()).isEqualTo("穗工信规字〔2024〕3号");
        assertThat(policy.regions()).containsExactly("440100");
        assertThat(policy.effectiveFrom()).isEqualTo(LocalDate.of(2025, 1, 1));
        assertThat(policy.effectiveTo()).isNull();
        assertThat(policy.capPerEnterprisePerYear()).isEqualTo(1_500_0000_00L);
        assertThat(policy.budget()).isNull();
        assertThat(policy.parameters().parameter("subsidy_rate").orElseThrow().values().get(0).value())
                .isEqualTo(Value.number("0.1"));
        Clause clause = policy.clause("rd").orElseThrow().clause();
        assertThat(clause.capFen()).isEqualTo(150_0000_00L);
        assertThat(clause.delivery()).isEqualTo(Delivery.WITHOUT_APPLICATION);
        assertThat(policy.clause("rd").orElseThrow().illustrative()).isFalse();
        assertThat(policy.tracks()).isEmpty();
    }

    @Test
    void aPolicyNamesTheTracksItSupportsForSearch() {
        PolicyReader.Result result = read(VALID.replace("regions: [\"440100\"]",
                "regions: [\"440100\"]\ntracks: [gz.cluster.ai, gz.cluster.ic]"));
        assertThat(result.errors()).isEmpty();
        assertThat(result.document().tracks()).containsExactly("gz.cluster.ai", "gz.cluster.ic");
    }

    @Test
    void theHaizhuPolicyReadsWithItsCapsAndIllustrativeClauses() {
        PolicyDocument policy = PolicyCasesTests.policy("haizhu-large-model-2024.yaml");
        assertThat(policy.documentNumber()).isEqualTo("海科工商信规字〔2024〕1号");
        assertThat(policy.regions()).containsExactly("440105");
        assertThat(policy.capPerEnterprisePerYear()).isEqualTo(1000_0000_00L);
        assertThat(policy.budget()).isEqualTo(3_1000_0000_00L);
        assertThat(policy.source().citation()).isEqualTo("S28");
        assertThat(policy.source().confidence()).isEqualTo("medium");
        assertThat(policy.clauses()).extracting(c -> c.clause().id())
                .containsExactly("llm-filing", "algorithm-filing", "model-optimisation", "application-scenario");
        assertThat(policy.clauses()).allSatisfy(c -> {
            assertThat(c.illustrative()).isTrue();
            assertThat(c.note()).contains("S28");
        });
    }

    @Test
    void anErrorInAPlainExpressionIsPlacedAtItsColumnInTheFile() {
        PolicyReader.Result result = read(VALID.replace("revenue[last_year] >= 2000万元", "revenu[last_year] >= 2000万元"));
        assertThat(result.document()).isNull();
        assertThat(result.errors()).singleElement().satisfies(error -> {
            assertThat(error.position()).isEqualTo(new Position(17, 18));
            assertThat(error.path()).isEqualTo("clauses[0].eligibility");
            assertThat(error.suggestion()).isEqualTo("did you mean revenue?");
            assertThat(error.file()).isEqualTo("p.yaml");
        });
    }

    @Test
    void anErrorInsideAnExpressionIsOffsetFromTheScalarsStart() {
        // the unknown name sits 22 characters into the expression, which starts at column 18
        PolicyReader.Result result = read(VALID.replace("revenue[last_year] >= 2000万元", "revenue[last_year] >= threshold"));
        assertThat(result.errors()).singleElement()
                .satisfies(error -> assertThat(error.position()).isEqualTo(new Position(17, 18 + 22)));
    }

    @Test
    void anErrorOnTheSecondLineOfALiteralBlockIsPlacedOnThatLine() {
        String block = VALID.replace("eligibility: revenue[last_year] >= 2000万元", """
                eligibility: |
                      revenue[last_year] >= 2000万元
                        and "高新技术企业" in qualificatons""");
        PolicyReader.Result result = read(block);
        assertThat(result.errors()).singleElement().satisfies(error -> {
            assertThat(error.position()).isEqualTo(new Position(19, 25));
            assertThat(error.suggestion()).isEqualTo("did you mean qualifications?");
        });
    }

    @Test
    void anErrorInAQuotedExpressionSkipsTheQuote() {
        PolicyReader.Result result = read(VALID.replace("award: rd_expense[last_year] * subsidy_rate",
                "award: 'rd_expense[last_year] * subsidy_rat'"));
        assertThat(result.errors()).singleElement().satisfies(error -> {
            assertThat(error.position()).isEqualTo(new Position(18, 12 + 1 + 24));
            assertThat(error.suggestion()).isEqualTo("did you mean subsidy_rate?");
        });
    }

    @Test
    void anUnknownKeyIsAnErrorWithTheClosestKnownKey() {
        PolicyReader.Result result = read(VALID.replace("    cap: 150万元", "    cpa: 150万元"));
        assertThat(result.errors()).singleElement().satisfies(error -> {
            assertThat(error.message()).isEqualTo("unknown key cpa");
            assertThat(error.suggestion()).isEqualTo("did you mean cap?");
            assertThat(error.position()).isEqualTo(new Position(19, 5));
            assertThat(error.path()).isEqualTo("clauses[0].cpa");
        });
    }

    @Test
    void aMissingRequiredKeyIsReportedAtItsMapping() {
        PolicyReader.Result result = read(VALID.replace("    delivery: proactive\n", ""));
        assertThat(result.errors()).singleElement().satisfies(error -> {
            assertThat(error.message()).isEqualTo("missing key delivery");
            assertThat(error.path()).isEqualTo("clauses[0].delivery");
            assertThat(error.position()).isEqualTo(new Position(15, 5));
        });
    }

    @Test
    void anUnknownDeliveryNamesBothKinds() {
        PolicyReader.Result result = read(VALID.replace("delivery: proactive", "delivery: automatic"));
        assertThat(result.errors()).singleElement()
                .satisfies(error -> assertThat(error.suggestion()).contains("application").contains("proactive"));
    }

    @Test
    void aClauseSaysWhetherItPaysAnEnterpriseOrEachProject() {
        assertThat(read(VALID).document().clauses().get(0).perProject()).as("by default, an enterprise").isFalse();
        assertThat(read(VALID + "    per: project\n").document().clauses().get(0).perProject()).isTrue();
        assertThat(read(VALID + "    per: enterprise\n").document().clauses().get(0).perProject()).isFalse();
        PolicyReader.Result result = read(VALID + "    per: team\n");
        assertThat(result.errors()).singleElement().satisfies(error -> {
            assertThat(error.message()).contains("unknown unit team");
            assertThat(error.suggestion()).contains("enterprise").contains("project");
        });
    }

    @Test
    void anIllustrativeClauseNeedsANote() {
        PolicyReader.Result result = read(VALID + "    illustrative: true\n");
        assertThat(result.errors()).singleElement()
                .satisfies(error -> assertThat(error.message()).contains("illustrative clause needs a note"));
        assertThat(read(VALID + "    illustrative: true\n    note: the rate is not in the sources\n").succeeded()).isTrue();
    }

    @Test
    void aParameterValueOfTheWrongTypeIsPlacedAtTheValue() {
        PolicyReader.Result result = read(VALID.replace("value: 10%", "value: 10万元"));
        assertThat(result.errors()).singleElement().satisfies(error -> {
            assertThat(error.path()).isEqualTo("parameters.subsidy_rate.values[0].value");
            assertThat(error.message()).isEqualTo("expected number here, found money");
            assertThat(error.position().line()).isEqualTo(13);
        });
    }

    @Test
    void brokenYamlIsOnePositionedError() {
        PolicyReader.Result result = read(VALID.replace("regions: [\"440100\"]", "regions: [\"440100\""));
        assertThat(result.errors()).singleElement().satisfies(error -> {
            assertThat(error.message()).startsWith("not valid YAML");
            assertThat(error.position().line()).isGreaterThanOrEqualTo(5);
        });
    }

    @Test
    void aRepeatedKeyAndARepeatedClauseIdAreErrors() {
        String twice = VALID.replace("issuer: 广州市工业和信息化局\n", "issuer: 广州市工业和信息化局\nissuer: 别的局\n");
        assertThat(read(twice).errors()).extracting(PolicyError::message).containsExactly("the key issuer appears twice");
        String clause = VALID.substring(VALID.indexOf("  - id: rd"));
        assertThat(read(VALID + clause).errors()).extracting(PolicyError::message)
                .containsExactly("another clause has the id rd");
    }

    @Test
    void everyProblemOfAFileIsReportedInOneRead() {
        String broken = VALID.replace("revenue[last_year]", "revenu[last_year]").replace("cap: 150万元", "cap: 150")
                .replace("delivery: proactive", "delivery: auto").replace("issuer:", "isuer:");
        assertThat(read(broken).errors()).extracting(PolicyError::path).containsExactlyInAnyOrder(
                "isuer", "issuer", "clauses[0].cap", "clauses[0].delivery", "clauses[0].eligibility");
    }

    @Test
    void aRegionIsASixDigitCode() {
        assertThat(read(VALID.replace("regions: [\"440100\"]", "regions: [广州]")).errors()).singleElement()
                .satisfies(error -> assertThat(error.message()).isEqualTo("a region is a six-digit GB/T 2260 code, not 广州"));
    }

    @Test
    void aSchemaReadsFromYamlAndItsMistakesArePositioned() {
        SchemaReader.Result schema = SchemaReader.read("schema.yaml", """
                variables:
                  - {name: revenue, type: money, periodicity: yearly, unit: 元}
                  - {name: district, type: txt, periodicity: static}
                """);
        assertThat(schema.errors()).singleElement().satisfies(error -> {
            assertThat(error.path()).isEqualTo("variables[1].type");
            assertThat(error.suggestion()).isEqualTo("did you mean text?");
            assertThat(error.position()).isEqualTo(new Position(3, 28));
        });
        assertThat(PolicyCasesTests.schema().variable("llm_filing_first_on")).isPresent();
    }

    @Test
    void anErrorReadsAsTheDocumentationShowsIt() {
        assertThat(read(VALID.replace("revenue[last_year] >= 2000万元", "revenu[last_year] >= 2000万元")).errors())
                .extracting(PolicyError::toString)
                .containsExactly("p.yaml:17:18 clauses[0].eligibility: unknown name 'revenu' (did you mean revenue?)");
        assertThat(read(VALID.replace("    cap: 150万元", "    cpa: 150万元")).errors()).extracting(PolicyError::toString)
                .containsExactly("p.yaml:19:5 clauses[0].cpa: unknown key cpa (did you mean cap?)");
    }

    @Test
    void anExpressionThatEndsTooSoonIsReportedRightAfterItsLastCharacter() {
        PolicyReader.Result result = read(VALID.replace("revenue[last_year] >= 2000万元", "revenue[last_year] >="));
        assertThat(result.errors()).singleElement()
                .satisfies(error -> assertThat(error.position()).isEqualTo(new Position(17, 18 + 21)));
    }

    @Test
    void anErrorInAFoldedBlockIsPlacedOnTheLineItCameFrom() {
        String folded = VALID.replace("eligibility: revenue[last_year] >= 2000万元", """
                eligibility: >-
                      revenue[last_year] >= 2000万元
                      and listd""");
        assertThat(read(folded).errors()).singleElement()
                .satisfies(error -> assertThat(error.position()).isEqualTo(new Position(19, 11)));
    }

    @Test
    void aParameterOrVariableCannotBeNamedLikeAWordOfTheLanguage() {
        assertThat(read(VALID.replace("  subsidy_rate:", "  min:")).errors()).extracting(PolicyError::message)
                .contains("min is a word of the language; a parameter needs another name");
        assertThat(SchemaReader.read("schema.yaml", "variables: [{name: last_year, type: money, periodicity: yearly}]")
                .errors()).extracting(PolicyError::toString)
                .containsExactly("schema.yaml:1:20 variables[0].name: last_year is a word of the language, not a variable name");
    }
}
