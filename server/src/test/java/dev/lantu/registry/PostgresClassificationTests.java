package dev.lantu.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.time.LocalDate;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.lantu.support.PostgresSchema;

/**
 * Classification on a real PostgreSQL with the Guangzhou rules: a synthetic registry classified, a revision
 * previewed (nothing changes) and applied, the policy fact {@code tracks}, and the specialisation matrix.
 * Runs when LANTU_TEST_PG_URL names a database; each run works in a schema of its own.
 */
@EnabledIfEnvironmentVariable(named = "LANTU_TEST_PG_URL", matches = ".+")
class PostgresClassificationTests {

	private final PostgresSchema postgres = new PostgresSchema();

	@AfterEach
	void dropSchema() throws SQLException {
		postgres.close();
	}

	@Test
	void shouldClassifyPreviewApplyAndMeasureSpecialisationOnPostgres() {
		try (ConfigurableApplicationContext context = postgres.start("--lantu.classification.catch-up=0")) {
			SyntheticRegistry synthetic = context.getBean(SyntheticRegistry.class);
			ClassificationService classification = context.getBean(ClassificationService.class);
			SpecialisationService specialisation = context.getBean(SpecialisationService.class);
			EnterpriseService enterprises = context.getBean(EnterpriseService.class);
			JdbcClient jdbc = context.getBean(JdbcClient.class);

			assertThat(synthetic.generateOnce(1500, 11)).isEqualTo(1500);
			assertThat(classification.classifyStale()).isEqualTo(1500);
			assertThat(classification.stale()).isZero();
			String robotMaker = jdbc.sql("select uscc from enterprise where industry_code = '3491' order by uscc fetch first 1 rows only")
				.query(String.class).single();
			assertThat(classification.tracks(robotMaker)).first()
				.isEqualTo(TrackAssignment.code("gz.cluster.equipment", "C3491", dev.lantu.dataset.Confidence.HIGH));
			assertThat(enterprises.facts(robotMaker, LocalDate.now()).fact(EnterpriseFacts.TRACKS).orElseThrow().toString())
				.contains("gz.cluster.equipment");

			String rules = classification.ruleText(classification.applied().orElseThrow().id());
			ClassificationRuleSet revised = classification.propose(rules.replace(
					"{code: C3491, tracks: [gz.cluster.equipment]", "{code: C3491, tracks: [gz.future.embodied]"), "测试员");
			long before = jdbc.sql("select count(*) from enterprise_track where track_id = 'gz.future.embodied'").query(Long.class)
				.single();
			Reclassification preview = classification.preview(revised.id());
			assertThat(preview.examined()).isEqualTo(1500);
			assertThat(preview.changed()).isPositive();
			assertThat(jdbc.sql("select count(*) from enterprise_track where track_id = 'gz.future.embodied'").query(Long.class)
				.single()).isEqualTo(before);
			assertThat(classification.changes(revised.id(), "gz.future.embodied", 0, 500).changes())
				.extracting(Reclassification.Change::uscc).contains(robotMaker);

			classification.apply(revised.id(), "测试员");
			assertThat(classification.tracks(robotMaker)).extracting(TrackAssignment::trackId).contains("gz.future.embodied")
				.doesNotContain("gz.cluster.equipment");

			Specialisation matrix = specialisation.matrix(Specialisation.Measure.EMPLOYMENT, null, StrongTrackRule.DEFAULT);
			assertThat(matrix.year()).isEqualTo(LocalDate.now().getYear() - 1);
			assertThat(matrix.synthetic()).isTrue();
			assertThat(matrix.cells()).hasSize(matrix.districts().size() * matrix.tracks().size());
			assertThat(matrix.cells()).anyMatch(Specialisation.Cell::strong);
			Specialisation.Cell any = matrix.cells().stream().filter(c -> c.lq() != null && c.value() > 0).findFirst().orElseThrow();
			double expected = ((double) any.value() / matrix.districtTotals().get(any.district()))
					/ ((double) matrix.trackTotals().get(any.track()) / matrix.total());
			assertThat(any.lq()).isCloseTo(expected, org.assertj.core.api.Assertions.within(1e-12));
		}
	}

}
