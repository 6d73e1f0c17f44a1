package dev.lantu.bench.policies;

import dev.lantu.bench.policies.EnterpriseTable.BooleanColumn;
import dev.lantu.bench.policies.EnterpriseTable.Column;
import dev.lantu.bench.policies.EnterpriseTable.DateColumn;
import dev.lantu.bench.policies.EnterpriseTable.MoneyColumn;
import dev.lantu.bench.policies.EnterpriseTable.NumberColumn;
import dev.lantu.bench.policies.EnterpriseTable.SetColumn;
import dev.lantu.bench.policies.EnterpriseTable.TextColumn;
import dev.lantu.engine.sql.ProfileTable;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Copies an {@link EnterpriseTable} into a database table laid out as the engine's {@link ProfileTable}
 * says (what compiled SQL reads): {@code id} (the 1-based row, what the checksums add up), then one
 * column per variable and year in the layout's order, NULL for an unknown fact, a set as {@code |a|b|}.
 * Loading is the fastest way each database offers from Java: DuckDB's appender, PostgreSQL's COPY
 * through the driver's CopyManager. It is not part of the timed evaluation: the data is where it lives.
 */
public final class DatabaseTable {

    public static final String NAME = "enterprise";

    private DatabaseTable() {
    }

    /** The layout of the benchmark's table, with every year the generator fills. */
    public static ProfileTable layout(EnterpriseTable table) {
        return ProfileTable.of(NAME, table.schema(),
                IntStream.rangeClosed(EnterpriseTable.FIRST_YEAR, EnterpriseTable.LAST_YEAR).boxed().toList());
    }

    /** The table's columns in the layout's order, the key left out. */
    private static List<Column> columnsInOrder(EnterpriseTable table, ProfileTable layout) {
        List<Column> columns = new ArrayList<>();
        for (String name : layout.columnNames().subList(1, layout.columnNames().size())) {
            columns.add(table.columns().get(name));
        }
        return columns;
    }

    private static void create(Connection connection, ProfileTable layout) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS " + layout.sqlName());
        }
        layout.create(connection);
    }

    /** Loads {@code table} into DuckDB through its appender. */
    public static ProfileTable loadDuckDb(Connection connection, EnterpriseTable table) throws SQLException {
        ProfileTable layout = layout(table);
        create(connection, layout);
        List<Column> columns = columnsInOrder(table, layout);
        try (DuckDBAppender appender = connection.unwrap(DuckDBConnection.class).createAppender("main", NAME)) {
            for (int row = 0; row < table.size(); row++) {
                appender.beginRow();
                appender.append(Integer.toString(row + 1));
                for (Column column : columns) {
                    appendDuckDb(appender, column, row);
                }
                appender.endRow();
            }
        }
        return layout;
    }

    private static void appendDuckDb(DuckDBAppender appender, Column column, int row) throws SQLException {
        if (!column.known(row)) {
            appender.appendNull();
        } else if (column instanceof MoneyColumn c) {
            appender.append(c.fen()[row]);
        } else if (column instanceof NumberColumn c) {
            appender.append(BigDecimal.valueOf(c.values()[row], 0).setScale(ProfileTable.NUMBER_SCALE));
        } else if (column instanceof BooleanColumn c) {
            appender.append(c.values()[row] == 1);
        } else if (column instanceof DateColumn c) {
            appender.append(LocalDate.ofEpochDay(c.epochDays()[row]));
        } else if (column instanceof TextColumn c) {
            appender.append(c.text(row));
        } else {
            appender.append(ProfileTable.setText(((SetColumn) column).set(row)));
        }
    }

    /** Loads {@code table} into PostgreSQL with COPY, then analyses it. */
    public static ProfileTable loadPostgres(Connection connection, EnterpriseTable table) throws SQLException {
        ProfileTable layout = layout(table);
        create(connection, layout);
        List<Column> columns = columnsInOrder(table, layout);
        CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI()
                .copyIn("COPY " + layout.sqlName() + " FROM STDIN (FORMAT text)");
        try {
            StringBuilder text = new StringBuilder(1 << 20);
            for (int row = 0; row < table.size(); row++) {
                text.append(row + 1);
                for (Column column : columns) {
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
            statement.execute("ANALYZE " + layout.sqlName());
        }
        return layout;
    }

    /** One value in COPY's text format; the generator's texts hold no tab, newline or backslash. */
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
            out.append(ProfileTable.setText(((SetColumn) column).set(row)));
        }
    }
}
