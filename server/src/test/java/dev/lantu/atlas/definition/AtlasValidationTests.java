package dev.lantu.atlas.definition;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.lantu.dataset.DatasetDirectory;
import dev.lantu.dataset.DatasetReading;
import dev.lantu.dataset.Problem;
import dev.lantu.dataset.Problems;
import dev.lantu.dataset.Source;
import dev.lantu.dataset.SourcesReader;
import dev.lantu.support.TestDataset;

/** Every validation rule, each shown on a copy of the Guangzhou dataset broken in one place. */
class AtlasValidationTests {

	@TempDir
	Path temp;

	TestDataset dataset;

	@BeforeEach
	void copyDataset() {
		dataset = TestDataset.copyOfGuangzhou(temp);
	}

	private Problems check() {
		DatasetDirectory directory = new DatasetDirectory(dataset.location());
		DatasetReading reading = new DatasetReading();
		List<Source> sources = SourcesReader.read(directory, reading);
		new AtlasReader(reading).read(directory);
		reading.checkCitations(sources.stream().map(Source::id).collect(Collectors.toSet()));
		return reading.problems();
	}

	private static List<String> messages(List<Problem> problems) {
		return problems.stream().map(Problem::message).toList();
	}

	@Test
	void shouldFindNoInconsistencyInTheBundledDataset() {
		assertThat(messages(check().inconsistent())).isEmpty();
	}

	@Test
	void shouldReportUnnamedTracksAsIncompleteNotInconsistent() {
		Problems problems = check();
		assertThat(messages(problems.incomplete()))
			.anyMatch(m -> m.startsWith("systems/liwan-1283.yaml:") && m.contains("8 tracks in layer")
					&& m.contains("6 not published"))
			.anyMatch(m -> m.startsWith("systems/huangpu-12136.yaml:") && m.contains("not published"));
	}

	@Test
	void shouldRejectMalformedYamlWithItsLine() {
		dataset.replace("systems/tianhe-12126.yaml", "scope: district\n", "scope: district\n  - broken: [\n");
		assertThat(messages(check().inconsistent()))
			.anyMatch(m -> m.matches("systems/tianhe-12126\\.yaml:\\d+:\\d+: expected well-formed YAML.*"));
	}

	@Test
	void shouldRejectCodeWhoseDigitsDifferFromTheSegments() {
		dataset.replace("systems/tianhe-12126.yaml", "code: \"12126\"", "code: \"12127\"");
		assertThat(messages(check().inconsistent()))
			.anyMatch(m -> m.startsWith("systems/tianhe-12126.yaml:6:7 code") && m.contains("spell the code '12127'")
					&& m.contains("'12126'"));
	}

	@Test
	void shouldRejectLayerCountsThatDoNotAddUpToTheSegment() {
		dataset.replace("systems/tianhe-12126.yaml", "count: 8", "count: 9");
		assertThat(messages(check().inconsistent()))
			.anyMatch(m -> m.contains("add up to 12") && m.contains("gz.tianhe.cluster 9"));
	}

	@Test
	void shouldRejectMoreNamedTracksThanDeclared() {
		dataset.replace("systems/tianhe-12126.yaml", "count: 8", "count: 7")
			.replace("systems/tianhe-12126.yaml", "number: \"12\"", "number: \"11\"")
			.replace("systems/tianhe-12126.yaml", "code: \"12126\"", "code: \"12116\"");
		assertThat(messages(check().inconsistent()))
			.anyMatch(m -> m.contains("layer gz.tianhe.cluster to name at most 7 tracks") && m.contains("found 8 tracks"));
	}

	@Test
	void shouldRejectAlignmentToATrackTheCityDoesNotHaveAndSuggestTheClosest() {
		dataset.replace("systems/tianhe-12126.yaml", "to: [gz.cluster.ai]", "to: [gz.cluster.aii]");
		assertThat(messages(check().inconsistent()))
			.anyMatch(m -> m.startsWith("systems/tianhe-12126.yaml:") && m.contains("a track of the city system")
					&& m.contains("'gz.cluster.aii'") && m.contains("did you mean 'gz.cluster.ai'"));
	}

	@Test
	void shouldRejectDuplicateTrackIds() {
		dataset.replace("systems/tianhe-12126.yaml", "id: gz.tianhe.ai\n", "id: gz.tianhe.software\n");
		assertThat(messages(check().inconsistent()))
			.anyMatch(m -> m.contains("a track id used once") && m.contains("'gz.tianhe.software' already declared at"));
	}

	@Test
	void shouldRejectAnUnknownSourceId() {
		dataset.replace("systems/tianhe-12126.yaml", "sources: [S6, S7, S0]", "sources: [S6, S77, S0]");
		assertThat(messages(check().inconsistent()))
			.anyMatch(m -> m.startsWith("systems/tianhe-12126.yaml:8:") && m.contains("a source id from sources.yaml")
					&& m.contains("'S77'"));
	}

	@Test
	void shouldRejectAnUnknownConfidence() {
		dataset.replace("systems/tianhe-12126.yaml", "confidence: high\n", "confidence: certain\n");
		assertThat(messages(check().inconsistent()))
			.anyMatch(m -> m.contains("confidence high, medium or low") && m.contains("'certain'"));
	}

	@Test
	void shouldRejectAFactWithoutSources() {
		dataset.replace("systems/tianhe-12126.yaml", "sources: [S6, S7, S0]\n", "");
		assertThat(messages(check().inconsistent())).anyMatch(m -> m.contains("expected sources:"));
	}

	@Test
	void shouldRejectASystemOfAnUnknownDistrict() {
		dataset.replace("systems/tianhe-12126.yaml", "region: \"440106\"", "region: \"440199\"");
		assertThat(messages(check().inconsistent()))
			.anyMatch(m -> m.startsWith("systems/tianhe-12126.yaml:4:") && m.contains("a district code from regions.yaml"));
	}

	@Test
	void shouldRejectAnUnknownKeyAndSuggestTheIntendedOne() {
		dataset.replace("systems/tianhe-12126.yaml", "        tracks:\n", "        tracs:\n");
		assertThat(messages(check().inconsistent()))
			.anyMatch(m -> m.contains("unknown key 'tracs'") && m.contains("did you mean 'tracks'"));
	}

	@Test
	void shouldRejectTwoCitySystems() {
		dataset.write("systems/another-city.yaml",
				dataset.read("systems/city-12218.yaml").replace("id: gz.city.12218", "id: gz.city.other"));
		assertThat(messages(check().inconsistent()))
			.anyMatch(m -> m.contains("exactly one system of scope city"))
			.anyMatch(m -> m.contains("a track id used once"));
	}

	@Test
	void shouldRejectAClaimOfMoreTracksThanTheLayerHas() {
		dataset.replace("claims.yaml", "count: 8", "count: 16");
		assertThat(messages(check().inconsistent()))
			.anyMatch(m -> m.contains("a count between 0 and 15") && m.contains("found 16"));
	}

	@Test
	void shouldRejectAClaimAboutAnUnknownDistrict() {
		dataset.replace("claims.yaml", "district: \"440112\"", "district: \"440100\"");
		assertThat(messages(check().inconsistent()))
			.anyMatch(m -> m.startsWith("claims.yaml:") && m.contains("a district code from regions.yaml")
					&& m.contains("'440100'"));
	}

	@Test
	void shouldRejectAnIndicatorValueThatIsNotANumber() {
		dataset.replace("indicators.csv", "440103,gdp,2024,1316.36", "440103,gdp,2024,1316,36x");
		assertThat(messages(check().inconsistent())).anyMatch(m -> m.startsWith("indicators.csv:") && m.contains("fields"));
		dataset.replace("indicators.csv", "440103,gdp,2024,1316,36x", "440103,gdp,2024,about 1316");
		assertThat(messages(check().inconsistent()))
			.anyMatch(m -> m.startsWith("indicators.csv:5 value") && m.contains("'about 1316'"));
	}

	@Test
	void shouldRejectAnIndicatorOfAnUnknownRegionAndIndicator() {
		dataset.replace("indicators.csv", "440103,gdp,2024,1316.36", "440193,gpd,2024,1316.36");
		assertThat(messages(check().inconsistent()))
			.anyMatch(m -> m.startsWith("indicators.csv:5 region") && m.contains("'440193'"))
			.anyMatch(m -> m.startsWith("indicators.csv:5 indicator") && m.contains("did you mean 'gdp'"));
	}

	@Test
	void shouldKeepAnUnknownIndicatorValueAsIncomplete() {
		assertThat(messages(check().incomplete()))
			.anyMatch(m -> m.startsWith("indicators.csv:") && m.contains("gdp for 440114 in 2024") && m.contains("unknown"));
	}

	@Test
	void shouldRejectABoundaryOfAnUnknownDistrict() {
		dataset.replace("boundaries.geojson", "\"code\":\"440106\"", "\"code\":\"440196\"");
		Problems problems = check();
		assertThat(messages(problems.inconsistent()))
			.anyMatch(m -> m.startsWith("boundaries.geojson") && m.contains("'440196'"));
		assertThat(messages(problems.incomplete())).anyMatch(m -> m.contains("a boundary for 440106"));
	}

	@Test
	void shouldRejectADatasetWithoutRegions() {
		dataset.delete("regions.yaml");
		assertThat(messages(check().inconsistent())).anyMatch(m -> m.startsWith("regions.yaml: expected the file"));
	}

	@Test
	void shouldReportEveryProblemInOneRun() {
		dataset.replace("systems/tianhe-12126.yaml", "to: [gz.cluster.ai]", "to: [gz.cluster.aii]")
			.replace("claims.yaml", "count: 8", "count: 16")
			.replace("indicators.csv", "440103,gdp,2024,1316.36", "440103,gdp,2024,x");
		assertThat(check().inconsistent()).hasSizeGreaterThanOrEqualTo(3);
	}


	@Test
	void shouldRejectAPlusCodeWhosePartsDifferFromTheSegments() {
		dataset.replace("systems/baiyun-6plus6plusX.yaml", "code: \"6+6+X\"", "code: \"6+5+X\"");
		assertThat(messages(check().inconsistent()))
			.anyMatch(m -> m.startsWith("systems/baiyun-6plus6plusX.yaml:6:") && m.contains("segments numbered 6, 5, X"));
	}

	@Test
	void shouldReportAnXSegmentAsIncomplete() {
		assertThat(messages(check().incomplete()))
			.anyMatch(m -> m.startsWith("systems/baiyun-6plus6plusX.yaml:30:") && m.contains("'X' (not published)"));
	}

	@Test
	void shouldRejectASegmentNumberThatIsNeitherDigitsNorX() {
		dataset.replace("systems/baiyun-6plus6plusX.yaml", "number: \"X\"", "number: \"Y\"");
		assertThat(messages(check().inconsistent())).anyMatch(m -> m.contains("a segment number of digits, or X"));
	}

	@Test
	void shouldRejectMorePrinciplesThanTheSegmentDeclares() {
		dataset.replace("systems/tianhe-12126.yaml", "      - name: {zh: 两业融合, en: integration of manufacturing and services}\n",
				"      - name: {zh: 两业融合, en: integration of manufacturing and services}\n      - name: {zh: 第三个}\n");
		assertThat(messages(check().inconsistent()))
			.anyMatch(m -> m.contains("segment 2 to name at most 2 principles") && m.contains("found 3 principles"));
	}

	@Test
	void shouldRejectAnAlignmentThatIsBothAlignedAndSpecific() {
		dataset.replace("systems/tianhe-12126.yaml", "alignment: {to: [gz.cluster.ai],", "alignment: {to: [gz.cluster.ai], specific: own,");
		assertThat(messages(check().inconsistent())).anyMatch(m -> m.contains("exactly one of to") && m.contains("several"));
	}

	@Test
	void shouldRejectAnAlignmentOnACityTrack() {
		dataset.replace("systems/city-12218.yaml", "id: gz.cluster.nev\n", "id: gz.cluster.nev\n                alignment: {to: [gz.cluster.ai]}\n");
		assertThat(messages(check().inconsistent())).anyMatch(m -> m.contains("no alignment on a city track"));
	}

	@Test
	void shouldRejectAnUnknownAlignmentWithinALayerTheCityDoesNotHave() {
		dataset.replace("systems/tianhe-12126.yaml", "within: gz.service", "within: gz.services");
		assertThat(messages(check().inconsistent()))
			.anyMatch(m -> m.contains("a layer of the city system") && m.contains("did you mean 'gz.service'"));
	}

	@Test
	void shouldRejectAnUnknownScopeAndAMalformedDate() {
		dataset.replace("systems/tianhe-12126.yaml", "scope: district", "scope: county")
			.replace("systems/tianhe-12126.yaml", "effective: 2025-02-07", "effective: 2025-02-30");
		assertThat(messages(check().inconsistent()))
			.anyMatch(m -> m.contains("scope city or district") && m.contains("'county'"))
			.anyMatch(m -> m.startsWith("systems/tianhe-12126.yaml:7:") && m.contains("a date as YYYY-MM-DD"));
	}

	@Test
	void shouldRejectANegativeOrNonNumericCount() {
		dataset.replace("systems/tianhe-12126.yaml", "count: 8", "count: eight");
		assertThat(messages(check().inconsistent())).anyMatch(m -> m.contains("a whole number") && m.contains("'eight'"));
	}

	@Test
	void shouldRejectALayerClaimWithoutItsCount() {
		dataset.replace("claims.yaml", "    count: 8\n", "");
		assertThat(messages(check().inconsistent())).anyMatch(m -> m.contains("count: how many tracks of layer gz.cluster"));
	}

	@Test
	void shouldRejectAKnownIndicatorValueWithoutSourcesOrConfidence() {
		dataset.replace("indicators.csv", "440103,gdp,2024,1316.36,,,high,S13,", "440103,gdp,2024,1316.36,,,,,");
		assertThat(messages(check().inconsistent()))
			.anyMatch(m -> m.startsWith("indicators.csv:5 sources") && m.contains("sources and confidence for a known value"));
	}

	@Test
	void shouldRejectABadYearQualifierAndDuplicateRow() {
		dataset.replace("indicators.csv", "440103,gdp,2024,1316.36,,", "440103,gdp,24,1316.36,about,");
		assertThat(messages(check().inconsistent()))
			.anyMatch(m -> m.startsWith("indicators.csv:5 year") && m.contains("'24'"))
			.anyMatch(m -> m.startsWith("indicators.csv:5 qualifier") && m.contains("'about'"));
		dataset.replace("indicators.csv", "440103,gdp,24,1316.36,about,", "440103,gdp_growth,2024,1316.36,,");
		assertThat(messages(check().inconsistent()))
			.anyMatch(m -> m.contains("an indicator value id used once") && m.contains("440103/gdp_growth/2024"));
	}

	@Test
	void shouldRejectADatasetWithoutItsSourceCatalogue() {
		dataset.delete("sources.yaml");
		assertThat(messages(check().inconsistent()))
			.anyMatch(m -> m.startsWith("sources.yaml: expected the source catalogue"))
			.anyMatch(m -> m.contains("a source id from sources.yaml"));
	}

	@Test
	void shouldRejectBothSegmentsAndSegmentsUnknown() {
		dataset.replace("systems/huangpu-12136.yaml", "segments_unknown:", "segments:\n  - number: \"1\"\nsegments_unknown:");
		assertThat(messages(check().inconsistent())).anyMatch(m -> m.contains("either segments or segments_unknown"));
	}

}
