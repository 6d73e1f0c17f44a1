package dev.lantu.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** GB/T 4754-2017 from the bundled reference file: codes as people write them, with suggestions. */
class IndustryClassificationTests {

	private final IndustryClassification industries = IndustryClassification.bundled();

	@Test
	void shouldHoldTheWholeStandard() {
		long classes = industries.classesUnder("A").size();
		assertThat(classes).isPositive();
		int all = 0;
		for (char section = 'A'; section <= 'T'; section++) {
			all += industries.classesUnder(String.valueOf(section)).size();
		}
		assertThat(all).isEqualTo(1381);
		assertThat(industries.find("C").orElseThrow().name()).isEqualTo("制造业");
	}

	@Test
	void shouldAcceptAClassWithOrWithoutItsSectionLetterAndNormalise() {
		assertThat(industries.check("3612").code()).isEqualTo("3612");
		assertThat(industries.check("C3612").code()).isEqualTo("3612");
		assertThat(industries.check("c 3612").code()).isEqualTo("3612");
		assertThat(industries.check("Ｃ３６１２").code()).isEqualTo("3612");
		assertThat(industries.lineage("3612")).extracting(IndustryClass::name)
			.containsExactly("制造业", "汽车制造业", "汽车整车制造", "新能源车整车制造");
	}

	@Test
	void shouldRepairALeadingZeroExcelDroppedAndSaySo() {
		IndustryClassification.Check check = industries.check("190");
		assertThat(check.code()).isEqualTo("0190");
		assertThat(industries.check("311").valid()).isFalse();
		assertThat(check.note()).contains("leading zero");
	}

	@Test
	void shouldRefuseOtherLevelsAndUnknownCodesWithSuggestions() {
		assertThat(industries.check("361").valid()).isFalse();
		assertThat(industries.check("361").suggestion()).contains("3611 汽柴油车整车制造").contains("3612 新能源车整车制造");
		assertThat(industries.check("36").problem()).contains("division");
		assertThat(industries.check("C").problem()).contains("section");
		assertThat(industries.check("3619").suggestion()).contains("3612");
		assertThat(industries.check("A3612").problem()).contains("section C");
		assertThat(industries.check("汽车").problem()).contains("no GB/T 4754-2017 code");
	}

	@Test
	void shouldReadTheReferenceFileWithoutQuotedFields() throws IOException {
		try (InputStream in = getClass().getResourceAsStream("/reference/gbt4754_2017_industry_classification.csv")) {
			String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			assertThat(text).doesNotContain("\"");
			assertThat(text.lines().skip(1).allMatch(l -> l.split(",", -1).length == 7)).isTrue();
		}
	}

}
