package dev.lantu.registry.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import dev.lantu.support.PostgresSchema;

/**
 * On PostgreSQL the writer copies rows in COPY's text format: it must choose that way there, and text with
 * the characters the format escapes (backslash, tab, newline, carriage return), nulls, dates, booleans and
 * timestamps must arrive as they were, in the transaction (a rollback leaves nothing).
 */
@EnabledIfEnvironmentVariable(named = "LANTU_TEST_PG_URL", matches = ".+")
class CopyTablesTests {

	private final PostgresSchema postgres = new PostgresSchema();

	@AfterEach
	void dropSchema() throws SQLException {
		postgres.close();
	}

	@Test
	void shouldCopyEscapedTextNullsAndTypesIntoTheTablesWithinTheTransaction() {
		try (ConfigurableApplicationContext context = postgres.start()) {
			EnterpriseWriter writer = context.getBean(EnterpriseWriter.class);
			JdbcClient jdbc = context.getBean(JdbcClient.class);
			TransactionTemplate transaction = context.getBean(TransactionTemplate.class);
			assertThat(writer.tables()).isInstanceOf(CopyTables.class);

			String name = "反斜杠\\制表\t换行\n回车\r公司 “引号” 'quote' \\N";
			OffsetDateTime now = OffsetDateTime.parse("2026-03-01T08:30:15.123456+08:00");
			List<Object[]> enterprise = List.<Object[]>of(new Object[] { "91440106MA5D5XXX1B", name, "440106", null,
					java.time.LocalDate.of(2019, 5, 1), "OPERATING", null, true, 1, "测试员", now, "测试员", now });
			for (boolean commit : List.of(false, true)) {
				transaction.executeWithoutResult(status -> {
					RegistryTables tables = writer.tables();
					tables.insert(RegistryTable.ENTERPRISE, enterprise);
					tables.insert(RegistryTable.FIGURE, List.<Object[]>of(new Object[] { "91440106MA5D5XXX1B", 2024, "revenue",
							1_234_567_890_123L, null, "测试员", now }));
					tables.finish();
					if (!commit) {
						status.setRollbackOnly();
					}
				});
				if (!commit) {
					assertThat(jdbc.sql("select count(*) from enterprise").query(Long.class).single()).isZero();
				}
			}
			assertThat(jdbc.sql("select name from enterprise").query(String.class).single()).isEqualTo(name);
			assertThat(jdbc.sql("select industry_code is null and business_scope is null and synthetic and registered_on = date '2019-05-01' "
					+ "and created_at = timestamptz '2026-03-01 00:30:15.123456+00' from enterprise").query(Boolean.class).single()).isTrue();
			assertThat(jdbc.sql("select amount from enterprise_figure where source is null").query(Long.class).single())
				.isEqualTo(1_234_567_890_123L);
		}
	}

}
