package dev.lantu.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import dev.lantu.LantuApplication;
import dev.lantu.dataset.DatasetInvalidException;
import dev.lantu.engine.policy.Assessment;
import dev.lantu.support.TestDataset;

/**
 * Policies through start-up on a database that outlives the application: a restart with the same
 * dataset writes nothing and still calculates (the documents are compiled from the stored YAML), a
 * changed policy becomes a new version, a removed one stays stored but is no longer listed, and a
 * failing case refuses the whole dataset.
 */
class PolicyLoadingTests {

	@TempDir
	Path temp;

	private String databaseUrl() {
		return "jdbc:h2:file:" + temp.resolve("db/lantu") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
	}

	private ConfigurableApplicationContext start(String dataset) {
		return new SpringApplicationBuilder(LantuApplication.class).web(WebApplicationType.NONE)
			.run("--spring.datasource.url=" + databaseUrl(), "--lantu.dataset=" + dataset);
	}

	private long count(String sql) throws SQLException {
		try (Connection connection = DriverManager.getConnection(databaseUrl(), "sa", "");
				ResultSet rows = connection.createStatement().executeQuery(sql)) {
			rows.next();
			return rows.getLong(1);
		}
	}

	private static CalculationReport.ClauseResult algorithmClause(ConfigurableApplicationContext context) {
		PolicyCalculator calculator = context.getBean(PolicyCalculator.class);
		CalculationInput input = calculator.read(Map.of("year", 2025, "date", "2025-03-01", "profile",
				Map.of("facts", Map.of("district", "440106", "filings", List.of("生成式人工智能服务备案")), "yearly",
						Map.of("rd_expense", Map.of("2024", "500万元")))),
				LocalDate.now());
		return calculator.calculate(input).policies().stream().filter(p -> p.id().equals("tianhe-ai-2025"))
			.flatMap(p -> p.clauses().stream()).filter(c -> c.id().equals("algorithm")).findFirst().orElseThrow();
	}

	@Test
	void shouldCalculateAfterARestartThatWroteNothing() throws SQLException {
		TestDataset dataset = TestDataset.copyOfGuangzhou(temp.resolve("dataset"));
		try (var context = start(dataset.location())) {
			assertThat(algorithmClause(context).paid().text()).isEqualTo("50万元");
		}
		try (var context = start(dataset.location())) {
			assertThat(algorithmClause(context).status()).isEqualTo(Assessment.Status.ELIGIBLE);
			assertThat(algorithmClause(context).paid().text()).isEqualTo("50万元");
			assertThat(context.getBean(PolicyCatalogue.class).search(PolicyQuery.all())).hasSize(2);
		}
		assertThat(count("select count(*) from dataset_load")).isEqualTo(1);
		assertThat(count("select count(*) from policy_document")).isEqualTo(2);
	}

	@Test
	void shouldAddAVersionForAChangedPolicyAndCalculateWithIt() throws SQLException {
		TestDataset dataset = TestDataset.copyOfGuangzhou(temp.resolve("dataset"));
		start(dataset.location()).close();
		dataset.replace("policies/tianhe-ai-2025.yaml", "        value: 10%", "        value: 12%")
			.replace("policies/tianhe-ai-2025.tests.yaml", "algorithm: {eligible: true, amount: 80万元}",
					"algorithm: {eligible: true, amount: 96万元}")
			.replace("policies/tianhe-ai-2025.tests.yaml", "algorithm: {eligible: undetermined, amount: 50万元",
					"algorithm: {eligible: undetermined, amount: 60万元")
			.replace("policies/tianhe-ai-2025.tests.yaml", "amount: 1234.57元", "amount: 1481.48元");
		try (var context = start(dataset.location())) {
			assertThat(algorithmClause(context).paid().text()).isEqualTo("60万元");
			assertThat(context.getBean(PolicyCatalogue.class).policy("tianhe-ai-2025").version()).isEqualTo(2);
		}
		assertThat(count("select count(*) from policy_document where id = 'tianhe-ai-2025'")).isEqualTo(2);
		assertThat(count("select count(*) from policy_document where in_dataset = true")).isEqualTo(2);
		assertThat(count("select count(*) from policy_document where id = 'haizhu-large-model-2024'")).isEqualTo(1);
	}

	@Test
	void shouldKeepAPolicyRemovedFromTheDatasetButListItNoMore() throws SQLException {
		TestDataset dataset = TestDataset.copyOfGuangzhou(temp.resolve("dataset"));
		start(dataset.location()).close();
		dataset.delete("policies/haizhu-large-model-2024.yaml").delete("policies/haizhu-large-model-2024.tests.yaml");
		try (var context = start(dataset.location())) {
			assertThat(context.getBean(PolicyCatalogue.class).search(PolicyQuery.all())).extracting(PolicySummary::id)
				.containsExactly("tianhe-ai-2025");
			assertThat(catchThrowable(() -> context.getBean(PolicyCatalogue.class).policy("haizhu-large-model-2024")))
				.isInstanceOf(PolicyNotFoundException.class);
		}
		assertThat(count("select count(*) from policy_document where id = 'haizhu-large-model-2024'")).isEqualTo(1);
	}

	@Test
	void shouldRefuseTheWholeDatasetWhenACaseFailsAndWriteNothing() throws SQLException {
		TestDataset dataset = TestDataset.copyOfGuangzhou(temp.resolve("dataset"));
		dataset.replace("policies/haizhu-large-model-2024.tests.yaml", "llm-filing: {eligible: true, amount: 100万元}",
				"llm-filing: {eligible: true, amount: 99万元}");
		Throwable thrown = catchThrowable(() -> start(dataset.location()));
		DatasetInvalidException refused = null;
		for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
			if (cause instanceof DatasetInvalidException invalid) {
				refused = invalid;
			}
		}
		assertThat(refused).as("the dataset is refused").isNotNull();
		assertThat(refused).hasMessageContaining("policies/haizhu-large-model-2024.tests.yaml:13:19")
			.hasMessageContaining("expected amount 99万元, got 100万元");
		assertThat(count("select count(*) from dataset_load")).isZero();
		assertThat(count("select count(*) from atlas_system")).isZero();
		assertThat(count("select count(*) from policy_document")).isZero();
	}

}
