package dev.lantu.policy.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.lantu.atlas.definition.AtlasReader;
import dev.lantu.dataset.DatasetDirectory;
import dev.lantu.dataset.DatasetReading;
import dev.lantu.dataset.Problem;
import dev.lantu.support.TestDataset;

/**
 * The policies' part of a dataset read on its own (after the atlas's, whose regions and tracks it
 * checks): a good dataset reads every policy with its cases passing; a broken policy, schema or case
 * is an inconsistent problem at file, line and column, which refuses the dataset.
 */
class PoliciesDatasetPartTests {

	@TempDir
	Path temp;

	private record Outcome(PoliciesDatasetPart.Read read, List<Problem> inconsistent, List<Problem> incomplete) {

		List<String> messages() {
			return inconsistent.stream().map(Problem::message).toList();
		}

	}

	private static Outcome read(String location) {
		DatasetDirectory directory = new DatasetDirectory(location);
		DatasetReading reading = new DatasetReading();
		new AtlasReader(reading).read(directory);
		PoliciesDatasetPart.Read read = PoliciesDatasetPart.readPolicies(directory, reading);
		return new Outcome(read, reading.problems().inconsistent(), reading.problems().incomplete());
	}

	private TestDataset guangzhou() {
		return TestDataset.copyOfGuangzhou(temp);
	}

	@Test
	void shouldReadEveryGuangzhouPolicyWithItsCasesPassing() {
		Outcome outcome = read(TestDataset.BUNDLED.toString());
		assertThat(outcome.inconsistent()).isEmpty();
		assertThat(outcome.read().policies()).extracting(p -> p.document().id())
			.containsExactly("haizhu-large-model-2024", "tianhe-ai-2025");
		assertThat(outcome.read().policies()).allSatisfy(p -> assertThat(p.testCases()).isPositive());
		assertThat(outcome.read().schemaFile().name()).isEqualTo("policies/schema.yaml");
	}

	@Test
	void shouldRefuseATypoInAClauseAtItsFileLineAndColumn() {
		// line 57 of the Tianhe policy: "    eligibility: district == "440106" and compute_purchases[last_year] > 0元"
		guangzhou().replace("policies/tianhe-ai-2025.yaml", "and compute_purchases[last_year] > 0元",
				"and compute_purchses[last_year] > 0元");
		Outcome outcome = read(temp.toString());
		assertThat(outcome.messages()).singleElement().asString()
			.startsWith("policies/tianhe-ai-2025.yaml:57:43 clauses[0].eligibility:")
			.contains("compute_purchses")
			.contains("did you mean compute_purchases?");
		assertThat(outcome.read().policies()).extracting(p -> p.document().id())
			.containsExactly("haizhu-large-model-2024");
	}

	@Test
	void shouldRefuseAFailingCaseAtTheClauseItExpects() {
		guangzhou().replace("policies/tianhe-ai-2025.tests.yaml", "algorithm: {eligible: true, amount: 80万元}",
				"algorithm: {eligible: true, amount: 90万元}");
		Outcome outcome = read(temp.toString());
		assertThat(outcome.messages()).singleElement().asString()
			.startsWith("policies/tianhe-ai-2025.tests.yaml:17:18 cases[0].expected.algorithm:")
			.contains("expected amount 90万元, got 80万元");
	}

	@Test
	void shouldRefuseACaseFileWithAnUnknownClause() {
		guangzhou().replace("policies/tianhe-ai-2025.tests.yaml", "      compute: {eligible: true, amount: 150万元}",
				"      compte: {eligible: true, amount: 150万元}");
		assertThat(read(temp.toString()).messages()).singleElement().asString()
			.startsWith("policies/tianhe-ai-2025.tests.yaml:15:7")
			.contains("the policy has no clause compte")
			.contains("did you mean compute?");
	}

	@Test
	void shouldRefuseUnknownRegionsTracksAndAnIdThatIsNotTheFileName() {
		guangzhou().replace("policies/tianhe-ai-2025.yaml", "regions: [\"440106\"]", "regions: [\"440196\"]")
			.replace("policies/tianhe-ai-2025.yaml", "tracks: [gz.cluster.ai, gz.tianhe.ai]",
					"tracks: [gz.cluster.ai, gz.tianhe.aii]")
			.replace("policies/tianhe-ai-2025.yaml", "id: tianhe-ai-2025", "id: tianhe-ai");
		assertThat(read(temp.toString()).messages()).containsExactlyInAnyOrder(
				"policies/tianhe-ai-2025.yaml:19:5 id: expected the policy's id to be its file's name, tianhe-ai-2025, found 'tianhe-ai'",
				"policies/tianhe-ai-2025.yaml:26:11 regions[0]: expected a region code from regions.yaml, found '440196' (did you mean '440106'?)",
				"policies/tianhe-ai-2025.yaml:27:25 tracks[1]: expected a track id of a system in systems/, found 'gz.tianhe.aii' (did you mean 'gz.tianhe.ai'?)",
				// the cases beside it still name the old id
				"policies/tianhe-ai-2025.tests.yaml:4:9 policy: expected test cases the engine reads, found these cases are for tianhe-ai-2025, not for tianhe-ai");
	}

	@Test
	void shouldRefuseASchemaErrorAndReadNoPolicy() {
		guangzhou().replace("policies/schema.yaml", "    type: money\n    periodicity: yearly\n    unit: 元\n    description: 营业收入",
				"    type: mony\n    periodicity: yearly\n    unit: 元\n    description: 营业收入");
		Outcome outcome = read(temp.toString());
		assertThat(outcome.messages()).singleElement().asString().contains("policies/schema.yaml:")
			.contains("unknown type mony").contains("did you mean money?");
		assertThat(outcome.read().policies()).isEmpty();
	}

	@Test
	void shouldRecordAPolicyWithoutCasesAsIncompleteAndCasesWithoutAPolicyAsInconsistent() {
		TestDataset dataset = guangzhou();
		dataset.write("policies/orphan.tests.yaml", dataset.read("policies/tianhe-ai-2025.tests.yaml"))
			.delete("policies/tianhe-ai-2025.tests.yaml");
		Outcome outcome = read(temp.toString());
		assertThat(outcome.messages()).containsExactly(
				"policies/orphan.tests.yaml: expected test cases beside the policy they test (policies/orphan.yaml), found no such policy");
		assertThat(outcome.incomplete()).extracting(Problem::message).contains(
				"policies/tianhe-ai-2025.yaml: expected test cases for the policy in policies/tianhe-ai-2025.tests.yaml, found none: the encoding is not proven by cases");
	}

	@Test
	void shouldReadADatasetWithoutPoliciesAsHavingNone() {
		guangzhou().delete("policies/schema.yaml").delete("policies/haizhu-large-model-2024.yaml")
			.delete("policies/haizhu-large-model-2024.tests.yaml").delete("policies/tianhe-ai-2025.yaml")
			.delete("policies/tianhe-ai-2025.tests.yaml");
		Outcome outcome = read(temp.toString());
		assertThat(outcome.inconsistent()).isEmpty();
		assertThat(outcome.read().policies()).isEmpty();
	}

}
