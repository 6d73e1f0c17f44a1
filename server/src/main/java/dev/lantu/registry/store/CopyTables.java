package dev.lantu.registry.store;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.datasource.DataSourceUtils;

/**
 * PostgreSQL: rows go into the registry's own tables through {@code COPY … FROM STDIN}, the database's
 * fastest way in, on the transaction's connection (so an atomic import stays one transaction). A
 * connection runs one COPY at a time, so rows wait per table in a buffer of bounded size and are copied
 * table by table, enterprises first, when a buffer fills or before anything else runs on the connection
 * (a read, an update, the commit). Updates are few (corrections) and go as JDBC batches.
 */
final class CopyTables implements RegistryTables {

	/** Characters buffered over all tables before they are copied: a few MB, whatever the file's size. */
	static final int BUFFERED = 4 << 20;

	private final DataSource dataSource;

	private final JdbcTemplate jdbc;

	private final Map<RegistryTable, StringBuilder> buffers = new EnumMap<>(RegistryTable.class);

	private int buffered;

	/** Rows copied per table in this run. */
	private final Map<RegistryTable, Long> copied = new EnumMap<>(RegistryTable.class);

	CopyTables(DataSource dataSource, JdbcTemplate jdbc) {
		this.dataSource = dataSource;
		this.jdbc = jdbc;
	}

	@Override
	public void insert(RegistryTable table, List<Object[]> rows) {
		if (rows.isEmpty()) {
			return;
		}
		StringBuilder buffer = buffers.computeIfAbsent(table, t -> new StringBuilder(1 << 16));
		int before = buffer.length();
		for (Object[] row : rows) {
			for (int i = 0; i < row.length; i++) {
				if (i > 0) {
					buffer.append('\t');
				}
				append(buffer, row[i]);
			}
			buffer.append('\n');
		}
		buffered += buffer.length() - before;
		if (buffered >= BUFFERED) {
			flush();
		}
	}

	@Override
	public int[] update(String sql, List<Object[]> rows) {
		if (rows.isEmpty()) {
			return new int[0];
		}
		flush();
		return jdbc.batchUpdate(sql, rows);
	}

	@Override
	public void flush() {
		if (buffered == 0) {
			return;
		}
		Connection connection = DataSourceUtils.getConnection(dataSource);
		try {
			var copy = connection.unwrap(PGConnection.class).getCopyAPI();
			for (RegistryTable table : RegistryTable.values()) {
				StringBuilder buffer = buffers.get(table);
				if (buffer == null || buffer.isEmpty()) {
					continue;
				}
				byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
				var in = copy.copyIn("copy " + table.name + " (" + String.join(", ", table.columns) + ") from stdin");
				try {
					in.writeToCopy(bytes, 0, bytes.length);
					in.endCopy();
				}
				finally {
					if (in.isActive()) {
						in.cancelCopy();
					}
				}
				copied.merge(table, (long) in.getHandledRowCount(), Long::sum);
				buffer.setLength(0);
			}
			buffered = 0;
		}
		catch (SQLException e) {
			throw new UncategorizedSQLException("copying rows into the registry", null, e);
		}
		finally {
			DataSourceUtils.releaseConnection(connection, dataSource);
		}
	}

	/**
	 * After a large run, the planner learns the tables' new size at once (ANALYZE, in the same transaction,
	 * counting its own rows): with statistics from before a million rows arrived it would scan whole tables
	 * for the next import's look-ups (150 ms a batch instead of a few), until autovacuum came by.
	 */
	@Override
	public void finish() {
		flush();
		List<String> grown = copied.entrySet().stream().filter(e -> e.getValue() >= ANALYZED_AFTER).map(e -> e.getKey().name).toList();
		if (!grown.isEmpty()) {
			jdbc.execute("analyze " + String.join(", ", grown));
		}
	}

	/** Rows copied into a table after which it is analysed. */
	static final long ANALYZED_AFTER = 10_000;

	/** A value in COPY's text format: \N for null, backslash escapes for the characters that delimit. */
	private static void append(StringBuilder out, Object value) {
		Object v = value instanceof SqlParameterValue p ? p.getValue() : value;
		if (v == null) {
			out.append("\\N");
			return;
		}
		if (v instanceof Boolean b) {
			out.append(b ? 't' : 'f');
			return;
		}
		String text = v.toString();
		if (plain(text)) {
			out.append(text);
			return;
		}
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			switch (c) {
				case '\\' -> out.append("\\\\");
				case '\t' -> out.append("\\t");
				case '\n' -> out.append("\\n");
				case '\r' -> out.append("\\r");
				default -> out.append(c);
			}
		}
	}

	private static boolean plain(String text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '\\' || c == '\t' || c == '\n' || c == '\r') {
				return false;
			}
		}
		return true;
	}

}
