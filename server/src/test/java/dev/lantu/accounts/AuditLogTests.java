package dev.lantu.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;

import dev.lantu.support.Callers;
import dev.lantu.support.PostgresSchema;
import dev.lantu.tables.TableFormat;

/** The audit log: written with the change or not at all, read and exported by administrators, altered by nobody. */
@SpringBootTest
class AuditLogTests {

	@Autowired
	AuditLog audit;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	@Test
	void anEntryCommitsWithItsChangeOrNotAtAll() {
		transactions.executeWithoutResult(status -> audit.record("test.kept", "thing", "kept-1", "440106",
				Map.of("value", 1), Map.of("value", 2)));
		assertThatThrownBy(() -> transactions.executeWithoutResult(status -> {
			audit.record("test.rolled-back", "thing", "gone-1", null, null, Map.of("value", 3));
			throw new IllegalStateException("the change fails after its entry was written");
		})).isInstanceOf(IllegalStateException.class);
		assertThat(count("kept-1")).isEqualTo(1);
		assertThat(count("gone-1")).as("rolled back with the change").isZero();
		assertThatThrownBy(() -> audit.record("test.outside", "thing", "x", null, null, null))
			.as("a write outside a transaction can't be audited with it, so it is refused")
			.isInstanceOf(IllegalTransactionStateException.class);
	}

	@Test
	void entriesSayWhoWhenFromWhereWhatBeforeAndAfter() {
		var officer = Callers.district("440106");
		Callers.run(officer, () -> transactions.executeWithoutResult(
				status -> audit.record("test.who", "thing", "who-1", "440106", Map.of("state", "before"), Map.of("state", "after"))));
		AuditEntry entry = audit.search(new AuditFilter(null, null, null, "who-1", null, null, null), 0, 10).get(0);
		assertThat(entry.actor()).isEqualTo(officer.username());
		assertThat(entry.actorRole()).isEqualTo("DISTRICT_OFFICER");
		assertThat(entry.remoteAddress()).as("the test's mock request").isEqualTo("127.0.0.1");
		assertThat(entry.recordedAt()).isNotNull();
		assertThat(entry.before()).isEqualTo("{\"state\":\"before\"}");
		assertThat(entry.after()).isEqualTo("{\"state\":\"after\"}");
		assertThat(entry.district()).isEqualTo("440106");
	}

	@Test
	void administratorsReadAndExportItOthersMayNot() {
		transactions.executeWithoutResult(status -> audit.record("test.export", "thing", "=cmd|'/c calc'!A1", null, null,
				Map.of("name", "<script>alert(1)</script>")));
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		Callers.run(Callers.admin(), () -> audit.export(AuditFilter.ALL, TableFormat.CSV, out));
		String csv = out.toString(StandardCharsets.UTF_8);
		assertThat(csv).contains("test.export", "<script>alert(1)</script>");
		assertThat(csv).as("a formula is exported as text").doesNotContain(",=cmd");
		assertThatThrownBy(() -> Callers.run(Callers.district("440106"), () -> audit.search(AuditFilter.ALL, 0, 10)))
			.isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
		assertThatThrownBy(() -> Callers.run(Callers.enterprise("91440101MA5CXXXX0X"),
				() -> audit.export(AuditFilter.ALL, TableFormat.CSV, new ByteArrayOutputStream())))
			.isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
	}

	@Test
	void theDatabaseRefusesToChangeOrDeleteAnEntryOnH2() {
		transactions.executeWithoutResult(status -> audit.record("test.fixed", "thing", "fixed-1", null, null, Map.of()));
		assertThatThrownBy(() -> jdbc.sql("update audit_entry set actor = 'someone else' where entity_id = 'fixed-1'").update())
			.satisfies(e -> assertThat(NestedExceptionUtils.getMostSpecificCause(e).getMessage()).contains("append-only"));
		assertThatThrownBy(() -> jdbc.sql("delete from audit_entry where entity_id = 'fixed-1'").update())
			.satisfies(e -> assertThat(NestedExceptionUtils.getMostSpecificCause(e).getMessage()).contains("append-only"));
		assertThat(count("fixed-1")).isEqualTo(1);
	}

	@Test
	@EnabledIfEnvironmentVariable(named = "LANTU_TEST_PG_URL", matches = ".+")
	void theDatabaseRefusesToChangeOrDeleteAnEntryOnPostgres() throws SQLException {
		try (PostgresSchema schema = new PostgresSchema();
				ConfigurableApplicationContext context = schema.start("--lantu.demo.synthetic-projects=0",
						"--lantu.demo.synthetic-enterprises=0")) {
			context.getBean(TransactionTemplate.class)
				.executeWithoutResult(status -> context.getBean(AuditLog.class)
					.record("test.fixed", "thing", "pg-1", null, null, Map.of("a", 1)));
			try (Connection connection = schema.connect()) {
				for (String change : new String[] { "update audit_entry set actor = 'x'", "delete from audit_entry",
						"truncate audit_entry" }) {
					assertThatThrownBy(() -> connection.createStatement().execute(change)).as(change)
						.hasMessageContaining("append-only");
				}
				var rows = connection.createStatement().executeQuery("select count(*) from audit_entry where entity_id = 'pg-1'");
				rows.next();
				assertThat(rows.getInt(1)).isEqualTo(1);
			}
		}
	}

	private long count(String entityId) {
		return jdbc.sql("select count(*) from audit_entry where entity_id = ?").param(entityId).query(Long.class).single();
	}

}
