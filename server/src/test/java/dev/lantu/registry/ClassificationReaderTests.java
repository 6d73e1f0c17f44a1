package dev.lantu.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.lantu.dataset.Confidence;
import dev.lantu.dataset.DatasetReading;
import dev.lantu.dataset.Problem;

/** classification.yaml read as a dataset part: good files load, every bad rule is a positioned problem. */
class ClassificationReaderTests {

	static final Set<String> EXAMPLE_TRACKS = Set.of("ex.cluster.robots", "ex.cluster.chips", "ex.cluster.food",
			"ex.east.robots", "ex.east.tea");

	static final String HEAD = """
			statement: {zh: 测试规则, en: test rules}
			sources: [X1]
			""";

	private final DatasetReading reading = new DatasetReading();

	private ClassificationRules read(String text) {
		return new ClassificationReader(reading, EXAMPLE_TRACKS, IndustryClassification.bundled()).read("classification.yaml", text)
			.orElse(null);
	}

	private List<String> problems() {
		return reading.problems().inconsistent().stream().map(Problem::message).toList();
	}

	@Test
	void shouldReadTheExampleCitysRulesWithoutProblems() throws IOException {
		String text = Files.readString(Path.of("src/test/resources/datasets/example-city/classification.yaml"),
				StandardCharsets.UTF_8);
		ClassificationRules rules = read(text);
		assertThat(problems()).isEmpty();
		assertThat(rules.crosswalk()).extracting(ClassificationRules.CodeRule::digits)
			.containsExactly("34", "3491", "3499", "3973", "3964", "14");
		assertThat(rules.crosswalk().get(2).tracks()).isEmpty();
		assertThat(rules.crosswalk().get(1).prefix()).isEqualTo("C3491");
		assertThat(rules.crosswalk().get(1).confidence()).isEqualTo(Confidence.HIGH);
		assertThat(rules.keywords()).extracting(ClassificationRules.KeywordRule::id).containsExactly("robots", "chips");
		assertThat(rules.keywords().get(1).fields()).containsExactly(ClassificationRules.Field.SCOPE);
		assertThat(rules.manual()).hasSize(2);
		assertThat(rules.manual().get(1).exclude()).isTrue();
		assertThat(rules.manual().get(0).officer()).isEqualTo("示例区工信局 李明");
	}

	@Test
	void shouldPositionAnUnknownCodeAndNameTheClassesNearIt() {
		read(HEAD + """
				crosswalk:
				  - {code: C3619, tracks: [ex.cluster.robots], confidence: high}
				""");
		assertThat(problems()).singleElement().asString()
			.startsWith("classification.yaml:4:12 crosswalk[0].code: expected a code of GB/T 4754-2017, found 'C3619'")
			.contains("under 361 (汽车整车制造) are 3611, 3612");
	}

	@Test
	void shouldRefuseASectionLetterThatIsNotTheCodesSection() {
		read(HEAD + """
				crosswalk:
				  - {code: D3612, tracks: [ex.cluster.robots], confidence: high}
				""");
		assertThat(problems()).containsExactly(
				"classification.yaml:4:12 crosswalk[0].code: expected the section letter of 3612 (新能源车整车制造), C, found 'D'");
	}

	@Test
	void shouldSuggestTheTrackMeantByATypo() {
		read(HEAD + """
				crosswalk:
				  - code: "3491"
				    tracks: [ex.cluster.robot]
				    confidence: high
				""");
		assertThat(problems()).containsExactly("classification.yaml:5:14 crosswalk[0].tracks[0]: expected a track id of the "
				+ "dataset's systems, found 'ex.cluster.robot' (did you mean 'ex.cluster.robots'?)");
	}

	@Test
	void shouldRequireEveryRuleToStateItsConfidence() {
		read(HEAD + """
				crosswalk:
				  - {code: C14, tracks: [ex.cluster.food]}
				keywords:
				  - {words: [机器人], tracks: [ex.cluster.robots], confidence: sure}
				""");
		assertThat(problems()).containsExactly(
				"classification.yaml:4:5 crosswalk[0]: expected confidence: high, medium or low (every rule says how sure it is), "
						+ "found no confidence",
				"classification.yaml:6:61 keywords[0].confidence: expected confidence high, medium or low, found 'sure'");
	}

	@Test
	void shouldRefuseACodeMappedTwiceAndAMissingTrackList() {
		read(HEAD + """
				crosswalk:
				  - {code: C14, tracks: [ex.cluster.food], confidence: high}
				  - {code: "14", tracks: [ex.cluster.food], confidence: low}
				  - {code: C13, confidence: low}
				""");
		assertThat(problems()).containsExactly(
				"classification.yaml:5:12 crosswalk[1].code: expected each code once in the crosswalk, found '14' already mapped "
						+ "at classification.yaml:4:12 crosswalk[0].code",
				"classification.yaml:6:5 crosswalk[2]: expected tracks: the track ids this rule assigns ([] to assign none), "
						+ "found no tracks");
	}

	@Test
	void shouldRefuseAManualAssignmentWithAWrongCheckCharacterOrNoReason() {
		read(HEAD + """
				manual:
				  - uscc: 91990101100000016Q
				    track: ex.cluster.food
				    reason: 核查
				    officer: 李明
				    confidence: high
				  - uscc: 91990101100000016P
				    track: ex.cluster.food
				    officer: 李明
				    confidence: high
				""");
		assertThat(problems()).hasSize(2);
		assertThat(problems().get(0)).startsWith("classification.yaml:4:11 manual[0].uscc: expected a unified social credit code "
				+ "(GB 32100-2015), found '91990101100000016Q'");
		assertThat(problems().get(1)).isEqualTo("classification.yaml:9:5 manual[1].reason: expected a value for 'reason', found nothing");
	}

	@Test
	void shouldRefuseUnknownKeysMalformedYamlAndAFileWithoutSources() {
		read("""
				statement: {zh: 测试}
				crosswalk:
				  - {code: C14, trakcs: [ex.cluster.food], confidence: high}
				""");
		assertThat(problems()).contains("classification.yaml:1:1: expected sources: the ids of the sources of the tracks and "
				+ "codes the rules name, found no sources")
			.anyMatch(p -> p.startsWith("classification.yaml:3:25 crosswalk[0].trakcs: expected one of code, tracks")
					&& p.contains("(did you mean 'tracks'?)"));
		DatasetReading broken = new DatasetReading();
		new ClassificationReader(broken, EXAMPLE_TRACKS, IndustryClassification.bundled()).read("classification.yaml",
				"crosswalk:\n  - {code: C14\n");
		assertThat(broken.problems().inconsistent()).singleElement()
			.satisfies(p -> assertThat(p.message()).startsWith("classification.yaml:3:1: expected well-formed YAML"));
	}

}
