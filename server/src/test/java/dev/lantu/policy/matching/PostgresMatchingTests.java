package dev.lantu.policy.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.context.ConfigurableApplicationContext;

import dev.lantu.policy.BudgetSimulation;
import dev.lantu.policy.EvaluationPath;
import dev.lantu.policy.SimulationReport;
import dev.lantu.policy.StoredPolicy;
import dev.lantu.policy.store.CompiledPolicies;
import dev.lantu.registry.SyntheticRegistry;
import dev.lantu.support.PostgresSchema;

/**
 * Matching on a real PostgreSQL: the profile table filled by PostgreSQL (tracks listed by string_agg) and the
 * compiled SQL run there give every enterprise what the batch path gives it, and the simulation the same cost.
 * Runs when LANTU_TEST_PG_URL names a database; each run works in a schema of its own.
 */
@EnabledIfEnvironmentVariable(named = "LANTU_TEST_PG_URL", matches = ".+")
class PostgresMatchingTests {

	private final PostgresSchema postgres = new PostgresSchema();

	@AfterEach
	void dropSchema() throws SQLException {
		postgres.close();
	}

	@Test
	void shouldMatchTheSameOnBothPathsOnPostgres() {
		try (ConfigurableApplicationContext context = postgres.start("--spring.main.sources=" + RuleTracks.class.getName())) {
			assertThat(context.getBean(SyntheticRegistry.class).generateOnce(2_000, 20250401L)).isEqualTo(2_000);
			RegistryEvaluation evaluation = context.getBean(RegistryEvaluation.class);
			CompiledPolicies.Snapshot snapshot = context.getBean(CompiledPolicies.class).current();
			LocalDate date = LocalDate.now();
			RegistryEvaluation.Run run = new RegistryEvaluation.Run(snapshot.schema(),
					snapshot.policies().stream().map(StoredPolicy::document).toList(), snapshot.issuerCaps(), date.getYear(), date);
			Map<String, RegistryOutcome> batch = new LinkedHashMap<>();
			Map<String, RegistryOutcome> sql = new LinkedHashMap<>();
			evaluation.run(run, EvaluationPath.BATCH, o -> batch.put(o.uscc(), o), done -> {
			});
			evaluation.run(run, EvaluationPath.SQL, o -> sql.put(o.uscc(), o), done -> {
			});
			assertThat(sql.keySet()).containsExactlyElementsOf(batch.keySet()).hasSize(2_000);
			long classified = 0;
			for (RegistryOutcome b : batch.values()) {
				RegistryOutcome s = sql.get(b.uscc());
				assertThat(s.tracks()).as(b.uscc()).isEqualTo(b.tracks());
				assertThat(s.status()).as(b.uscc()).containsExactly(b.status());
				assertThat(s.award()).as(b.uscc()).containsExactly(b.award());
				assertThat(s.paid()).as(b.uscc()).containsExactly(b.paid());
				classified += b.tracks() != null && b.tracks().size() > 1 ? 1 : 0;
			}
			assertThat(classified).as("Tianhe software enterprises in two tracks").isPositive();

			BudgetSimulation simulation = context.getBean(BudgetSimulation.class);
			Map<String, Object> body = new LinkedHashMap<>();
			body.put("overrides", Map.of("algorithm_rate", "15%"));
			body.put("path", "sql");
			SimulationReport onSql = simulation.simulate("tianhe-ai-2025", simulation.read("tianhe-ai-2025", body));
			body.put("path", "batch");
			SimulationReport onBatch = simulation.simulate("tianhe-ai-2025", simulation.read("tianhe-ai-2025", body));
			assertThat(onSql.baseline()).isEqualTo(onBatch.baseline());
			assertThat(onSql.whatIf()).isEqualTo(onBatch.whatIf());
			assertThat(onSql.change().fen()).isPositive();
		}
	}

}
