package dev.lantu.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import dev.lantu.atlas.AtlasService;
import dev.lantu.atlas.Region;

/** The synthetic registry: deterministic, valid, every record marked synthetic, following the districts' systems. */
@SpringBootTest
class SyntheticRegistryTests {

	@Autowired
	SyntheticRegistry synthetic;

	@Autowired
	EnterpriseService enterprises;

	@Autowired
	AtlasService atlas;

	@Test
	void shouldGiveTheSameRecordsForTheSameSeed() {
		assertThat(synthetic.generate(200, 7)).isEqualTo(synthetic.generate(200, 7));
		assertThat(synthetic.generate(200, 7)).isNotEqualTo(synthetic.generate(200, 8));
	}

	@Test
	void shouldMakeValidMarkedRecordsInTheCitysDistrictsWithRealIndustries() {
		List<EnterpriseRecord> records = synthetic.generate(500, 11);
		Set<String> districts = atlas.districts().stream().map(Region::code).collect(Collectors.toSet());
		assertThat(records.stream().map(EnterpriseRecord::uscc).distinct()).hasSize(500);
		assertThat(records).allSatisfy(r -> {
			assertThat(UnifiedSocialCreditCode.isValid(r.uscc())).as(r.uscc()).isTrue();
			assertThat(new UnifiedSocialCreditCode(r.uscc()).divisionCode()).isEqualTo(r.districtCode());
			assertThat(districts).contains(r.districtCode());
			assertThat(IndustryClassification.bundled().check(r.industryCode()).valid()).isTrue();
			assertThat(r.synthetic()).isTrue();
			assertThat(r.name()).startsWith("（合成）");
			assertThat(r.figures().values()).allMatch(v -> v >= 0);
		});
		// districts hosting more tracks get more enterprises, and every district some
		assertThat(records.stream().map(EnterpriseRecord::districtCode).distinct().count()).isEqualTo(districts.size());
	}

	@Test
	void shouldMapEveryTrackWordToRealClasses() {
		SyntheticRegistry.INDUSTRIES_BY_TRACK_WORD.values().stream().flatMap(List::stream)
			.forEach(code -> assertThat(IndustryClassification.bundled().check(code).valid()).as(code).isTrue());
	}

	@Test
	void shouldLoadOnceAndShowAsSynthetic() {
		int made = synthetic.generateOnce(300, 99);
		assertThat(made).isEqualTo(300);
		assertThat(synthetic.generateOnce(300, 99)).isZero();
		EnterprisePage page = enterprises.search(new EnterpriseFilter(null, null, null, null, true), 0, 10);
		assertThat(page.total()).isEqualTo(300);
		assertThat(page.enterprises()).allMatch(EnterpriseSummary::synthetic);
	}

}
