package dev.lantu.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.lantu.dataset.Confidence;
import dev.lantu.dataset.DatasetReading;

/** The classifier: precedence, provenance, several tracks at once, and district tracks through the alignment. */
class ClassifierTests {

	static final String EAST = "990101";

	static final String WEST = "990102";

	static final String FOOD_MAKER = "91990101100000016P";

	static final String TOY_SELLER = "91990101100000024J";

	/** East's robots track aligns to the city's robots track (medium); West publishes no system. */
	static final Classifier.Alignments ALIGNMENTS = new Classifier.Alignments(
			Map.of(EAST, Map.of("ex.cluster.robots", List.of(new Classifier.AlignedTrack("ex.east.robots", Confidence.MEDIUM)))),
			Map.of("ex.east.robots", EAST, "ex.east.tea", EAST));

	private static Classifier classifier(String yaml) {
		DatasetReading reading = new DatasetReading();
		ClassificationRules rules = new ClassificationReader(reading, ClassificationReaderTests.EXAMPLE_TRACKS,
				IndustryClassification.bundled()).read("rules.yaml", ClassificationReaderTests.HEAD + yaml).orElseThrow();
		assertThat(reading.problems().inconsistent()).isEmpty();
		return new Classifier(rules, ALIGNMENTS, IndustryClassification.bundled());
	}

	private static final Classifier EXAMPLE = classifier("""
			crosswalk:
			  - {code: C34, tracks: [ex.cluster.robots], confidence: medium}
			  - {code: C3491, tracks: [ex.cluster.robots], confidence: high}
			  - {code: C3499, tracks: [], confidence: medium}
			  - {code: C3964, tracks: [ex.cluster.robots, ex.cluster.chips], confidence: low}
			  - {code: C14, tracks: [ex.cluster.food], confidence: high}
			keywords:
			  - {id: robots, words: [机器人], except: [机器人培训], tracks: [ex.cluster.robots], confidence: medium}
			  - {id: chips, words: [芯片], in: [scope], tracks: [ex.cluster.chips], confidence: low}
			  - {id: tea, words: [茶], tracks: [ex.east.tea], confidence: low}
			manual:
			  - {uscc: 91990101100000016P, track: ex.cluster.food, reason: 实地核查, officer: 李明, confidence: high}
			  - {uscc: 91990101100000024J, track: ex.cluster.robots, exclude: true, reason: 只卖玩具, officer: 李明, confidence: high}
			""");

	private static List<TrackAssignment> classify(String uscc, String district, String industry, String name, String scope) {
		return EXAMPLE.classify(new Classifier.Subject(uscc, district, industry, name, scope));
	}

	private static final String SOMEONE = "91990102100000032U";

	@Test
	void shouldUseTheMostSpecificCodeAndKeepItsPrefixAsProvenance() {
		assertThat(classify(SOMEONE, WEST, "3491", "甲公司", null))
			.containsExactly(TrackAssignment.code("ex.cluster.robots", "C3491", Confidence.HIGH));
		assertThat(classify(SOMEONE, WEST, "3441", "乙公司", null))
			.containsExactly(TrackAssignment.code("ex.cluster.robots", "C34", Confidence.MEDIUM));
	}

	@Test
	void shouldLetAnEmptyTrackListCarveACodeOutOfABroaderRule() {
		assertThat(classify(SOMEONE, WEST, "3499", "丙公司", null)).isEmpty();
	}

	@Test
	void shouldPutAnEnterpriseInSeveralTracks() {
		assertThat(classify(SOMEONE, WEST, "3964", "丁公司", "芯片设计")).extracting(TrackAssignment::trackId)
			.containsExactly("ex.cluster.robots", "ex.cluster.chips");
	}

	@Test
	void shouldPreferTheCodeToAKeywordForTheSameTrack() {
		assertThat(classify(SOMEONE, WEST, "3491", "机器人有限公司", null))
			.containsExactly(TrackAssignment.code("ex.cluster.robots", "C3491", Confidence.HIGH));
	}

	@Test
	void shouldMatchKeywordsOnlyInTheirFieldsAndNotWithAnExceptionWord() {
		assertThat(classify(SOMEONE, WEST, "7211", "机器人科技有限公司", null))
			.containsExactly(TrackAssignment.keyword("ex.cluster.robots", "机器人", Confidence.MEDIUM));
		assertThat(classify(SOMEONE, WEST, "7211", "机器人培训中心", null)).isEmpty();
		assertThat(classify(SOMEONE, WEST, "7211", "芯片有限公司", null)).isEmpty();
		assertThat(classify(SOMEONE, WEST, "7211", "某公司", "芯片设计、销售"))
			.containsExactly(TrackAssignment.keyword("ex.cluster.chips", "芯片", Confidence.LOW));
	}

	@Test
	void shouldPreferAManualAssignmentToTheCodeAndKeepOfficerAndReason() {
		assertThat(classify(FOOD_MAKER, EAST, "1491", "某食品公司", null))
			.containsExactly(TrackAssignment.manual("ex.cluster.food", "李明", "实地核查", Confidence.HIGH));
	}

	@Test
	void shouldLetAManualExclusionKeepAnEnterpriseOutOfATrackEveryOtherRuleGivesIt() {
		assertThat(classify(TOY_SELLER, EAST, "3491", "机器人玩具店", null)).isEmpty();
	}

	@Test
	void shouldBringTheDistrictTracksAlignedToACityTrackInTheEnterprisesDistrictOnly() {
		assertThat(classify(SOMEONE, EAST, "3441", "东区装备", null)).containsExactly(
				TrackAssignment.code("ex.cluster.robots", "C34", Confidence.MEDIUM),
				TrackAssignment.aligned("ex.east.robots", "ex.cluster.robots", Confidence.MEDIUM));
		assertThat(classify(SOMEONE, EAST, "3491", "东区机器人", null)).contains(
				TrackAssignment.aligned("ex.east.robots", "ex.cluster.robots", Confidence.MEDIUM));
		assertThat(classify(SOMEONE, WEST, "3491", "西区机器人", null)).extracting(TrackAssignment::trackId)
			.containsExactly("ex.cluster.robots");
	}

	@Test
	void shouldApplyARuleNamingADistrictTrackOnlyInThatDistrict() {
		assertThat(classify(SOMEONE, EAST, "7211", "东区茶叶", null))
			.containsExactly(TrackAssignment.keyword("ex.east.tea", "茶", Confidence.LOW));
		assertThat(classify(SOMEONE, WEST, "7211", "西区茶叶", null)).isEmpty();
	}

	@Test
	void shouldClassifyAnEnterpriseWithoutIndustryByItsWordsAlone() {
		assertThat(classify(SOMEONE, WEST, null, "机器人公司", null)).extracting(TrackAssignment::kind)
			.containsExactly(RuleKind.KEYWORD);
	}

}
