package dev.lantu.bench.policies;

import dev.lantu.bench.policies.EnterpriseTable.BooleanColumn;
import dev.lantu.bench.policies.EnterpriseTable.Column;
import dev.lantu.bench.policies.EnterpriseTable.DateColumn;
import dev.lantu.bench.policies.EnterpriseTable.MoneyColumn;
import dev.lantu.bench.policies.EnterpriseTable.NumberColumn;
import dev.lantu.bench.policies.EnterpriseTable.SetColumn;
import dev.lantu.bench.policies.EnterpriseTable.TextColumn;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Copies an {@link EnterpriseTable} into a database table of one row per enterprise: {@code id} (1-based,
 * what the checksums add up) and one column per table column, NULL for an unknown fact. Amounts are
 * BIGINT fen, numbers INTEGER, dates DATE, texts VARCHAR, sets arrays of text. Loading is the fastest
 * way each database offers from Java: DuckDB's appender, PostgreSQL's COPY through the driver's
 * CopyManager. It is not part of the timed evaluation: the data is where it lives.
 */
public final class DatabaseTable {

    public static final String NAME = "enterprise";

    private DatabaseTable() {
    }

    /** The SQL type of a column in the database's dialect ({@code duckdb} or {@code postgres}). */
    static String type(Column column, boolean duckdb) {
        if (column instanceof MoneyColumn) {
            return "BIGINT";
        }
        if (column instanceof NumberColumn) {
            return "INTEGER";
        }
        if (column instanceof BooleanColumn) {
            return "BOOLEAN";
        }
        if (column instanceof DateColumn) {
            return "DATE";
        }
        if (column instanceof TextColumn) {
            return "VARCHAR";
        }
        return duckdb ? "VARCHAR[]" : "TEXT[]";
    }

    static void create(Connection connection, EnterpriseTable table, boolean duckdb) throws SQLException {
        String columns = table.columns().entrySet().stream()
                .map(e -> e.getKey() + " " + type(e.getValue(), duckdb))
                .collect(Collectors.joining(", "));
        try (Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS " + NAME);
            statement.execute("CREATE TABLE " + NAME + " (id INTEGER PRIMARY KEY, " + columns + ")");
        }
    }

    /** Loads {@code table} into DuckDB through its appender. */
    public static void loadDuckDb(Connection connection, EnterpriseTable table) throws SQLException {
        create(connection, table, true);
        List<Column> columns = new ArrayList<>(table.columns().values());
        try (DuckDBAppender appender = connection.unwrap(DuckDBConnection.class).createAppender("main", NAME)) {
            for (int row = 0; row < table.size(); row++) {
                appender.beginRow();
                appender.append(row + 1);
                for (Column column : columns) {
                    appendDuckDb(appender, column, row);
                }
                appender.endRow();
            }
        }
    }

    private static void appendDuckDb(DuckDBAppender appender, Column column, int row) throws SQLException {
        if (!column.known(row)) {
            appender.appendNull();
        } else if (column instanceof MoneyColumn c) {
            appender.append(c.fen()[row]);
        } else if (column instanceof NumberColumn c) {
            appender.append(c.values()[row]);
        } else if (column instanceof BooleanColumn c) {
            appender.append(c.values()[row] == 1);
        } else if (column instanceof DateColumn c) {
            appender.append(LocalDate.ofEpochDay(c.epochDays()[row]));
        } else if (column instanceof TextColumn c) {
            appender.append(c.text(row));
        } else {
            appender.append(List.copyOf(((SetColumn) column).set(row)));
        }
    }

    /** Loads {@code table} into PostgreSQL with COPY, then analyses it. */
    public static void loadPostgres(Connection connection, EnterpriseTable table) throws SQLException {
        create(connection, table, false);
        Map<String, Column> columns = table.columns();
        String names = String.join(", ", columns.keySet());
        CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI()
                .copyIn("COPY " + NAME + " (id, " + names + ") FROM STDIN (FORMAT text)");
        try {
            StringBuilder text = new StringBuilder(1 << 20);
            for (int row = 0; row < table.size(); row++) {
                text.append(row + 1);
                for (Column column : columns.values()) {
                    text.append('\t');
                    postgresText(text, column, row);
                }
                text.append('\n');
                if (text.length() > (1 << 20) - 4096 || row == table.size() - 1) {
                    byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
                    copy.writeToCopy(bytes, 0, bytes.length);
                    text.setLength(0);
                }
            }
            copy.endCopy();
        } finally {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("ANALYZE " + NAME);
        }
    }

    /** One value in COPY's text format; the generator's texts hold no tab, newline, backslash, quote or comma. */
    private static void postgresText(StringBuilder out, Column column, int row) {
        if (!column.known(row)) {
            out.append("\\N");
        } else if (column instanceof MoneyColumn c) {
            out.append(c.fen()[row]);
        } else if (column instanceof NumberColumn c) {
            out.append(c.values()[row]);
        } else if (column instanceof BooleanColumn c) {
            out.append(c.values()[row] == 1 ? 't' : 'f');
        } else if (column instanceof DateColumn c) {
            out.append(LocalDate.ofEpochDay(c.epochDays()[row]));
        } else if (column instanceof TextColumn c) {
            out.append(c.text(row));
        } else {
            Set<String> members = ((SetColumn) column).set(row);
            out.append(members.stream().sorted().map(m -> '"' + m + '"').collect(Collectors.joining(",", "{", "}")));
        }
    }
}
