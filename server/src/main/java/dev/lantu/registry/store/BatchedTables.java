package dev.lantu.registry.store;

import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;

/** Writes each call's rows at once as a JDBC batch: portable (H2 and any other database). */
final class BatchedTables implements RegistryTables {

	private final JdbcTemplate jdbc;

	BatchedTables(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public void insert(RegistryTable table, List<Object[]> rows) {
		if (!rows.isEmpty()) {
			jdbc.batchUpdate(table.insert(), rows);
		}
	}

	@Override
	public int[] update(String sql, List<Object[]> rows) {
		return rows.isEmpty() ? new int[0] : jdbc.batchUpdate(sql, rows);
	}

	@Override
	public void flush() {
	}

	@Override
	public void finish() {
	}

}
