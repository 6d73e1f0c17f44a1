package dev.lantu.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.lantu.dataset.CsvTable;
import dev.lantu.dataset.Problems;

/** GB 32100-2015 against published test vectors and real codes seen with company names. */
class UnifiedSocialCreditCodeTests {

	private static List<CsvTable.Row> rows(String file) throws IOException {
		try (InputStream in = UnifiedSocialCreditCodeTests.class.getResourceAsStream("/reference/" + file)) {
			String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			return CsvTable.parse(file, text, List.of(), new Problems()).orElseThrow().rows();
		}
	}

	@Test
	void shouldAgreeWithEveryPublishedTestVector() throws IOException {
		List<CsvTable.Row> vectors = rows("uscc_test_vectors_python_stdnum.csv");
		assertThat(vectors).hasSizeGreaterThan(200);
		for (CsvTable.Row vector : vectors) {
			assertThat(UnifiedSocialCreditCode.isValid(vector.get("code")))
				.as(vector.get("code") + " (" + vector.get("kind") + ")")
				.isEqualTo(Boolean.parseBoolean(vector.get("expected_valid")));
		}
	}

	@Test
	void shouldAcceptRealCodesAndTellTheirParts() throws IOException {
		for (CsvTable.Row example : rows("uscc_named_examples.csv")) {
			UnifiedSocialCreditCode code = UnifiedSocialCreditCode.parse(example.get("uscc"));
			assertThat(code.divisionCode()).isEqualTo(example.get("region_code"));
			assertThat(code.organisationCode()).isEqualTo(example.get("org_code"));
			assertThat(String.valueOf(code.registrationAuthority())).isEqualTo(example.get("registration_authority_code"));
		}
	}

	@Test
	void shouldRefuseCodesThatFailTheCheckCharacterAndNameTheRightOne() throws IOException {
		for (CsvTable.Row rejected : rows("uscc_rejected_failed_checksum.csv")) {
			assertThat(UnifiedSocialCreditCode.problem(rejected.get("code_as_seen")))
				.get()
				.asString()
				.contains("the first 17 characters give '" + rejected.get("computed_check_char") + "'");
		}
	}

	@Test
	void shouldExplainWhatIsWrong() {
		assertThat(UnifiedSocialCreditCode.problem("12345")).get().asString().contains("has 5");
		assertThat(UnifiedSocialCreditCode.problem("9111000060003IOZSV")).get().asString().contains("character 14");
		assertThat(UnifiedSocialCreditCode.problem("B1110000600037341L")).get().asString().contains("first character");
		assertThatThrownBy(() -> UnifiedSocialCreditCode.parse("91440101190671576J"))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("'K'");
		assertThat(UnifiedSocialCreditCode.parse(" 91440101190671576k ").value()).isEqualTo("91440101190671576K");
	}

}
