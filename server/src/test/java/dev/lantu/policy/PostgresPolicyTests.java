package dev.lantu.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

import dev.lantu.support.PostgresSchema;

/**
 * The policies load, search and calculate on a real PostgreSQL as on H2, and a second start writes
 * nothing. Runs when LANTU_TEST_PG_URL names a database; each run works in a schema of its own.
 */
@EnabledIfEnvironmentVariable(named = "LANTU_TEST_PG_URL", matches = ".+")
class PostgresPolicyTests {

	private final PostgresSchema postgres = new PostgresSchema();

	@AfterEach
	void dropSchema() throws SQLException {
		postgres.close();
	}

	@Test
	void shouldSearchAndCalculateOnPostgres() throws SQLException {
		for (int start = 0; start < 2; start++) {
			try (var context = postgres.start()) {
				PolicyCatalogue catalogue = context.getBean(PolicyCatalogue.class);
				assertThat(catalogue.search(new PolicyQuery("440106", "gz.tianhe.ai", "天河", LocalDate.of(2025, 6, 1),
						"算力 补贴"))).extracting(PolicySummary::id).containsExactly("tianhe-ai-2025");
				assertThat(catalogue.search(new PolicyQuery(null, null, null, null, "50%_"))).isEmpty();
				PolicyCalculator calculator = context.getBean(PolicyCalculator.class);
				CalculationReport report = calculator.calculate(calculator.read(Map.of("year", 2025, "date", "2025-03-01",
						"profile", Map.of("facts", Map.of("district", "440106", "filings", List.of("生成式人工智能服务备案")),
								"yearly", Map.of("rd_expense", Map.of("2024", "800万元"), "compute_purchases",
										Map.of("2024", "1元")))),
						LocalDate.now()));
				assertThat(report.total().text()).isEqualTo("230万元");
			}
		}
		try (Connection connection = postgres.connect();
				ResultSet rows = connection.createStatement().executeQuery("select count(*) from dataset_load")) {
			rows.next();
			assertThat(rows.getLong(1)).as("loads written by two starts").isEqualTo(1);
		}
	}

}
