package dev.lantu.engine.sql;

import dev.lantu.engine.eval.Enterprise;
import dev.lantu.engine.eval.Value;
import dev.lantu.engine.lang.Schema;
import dev.lantu.engine.lang.Type;
import dev.lantu.engine.lang.Variable;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The layout of the table of enterprise profiles that compiled SQL reads: one wide row per
 * enterprise. It is shared by the compiler, the benchmark and the registry, which may fill it by
 * other means (COPY, DuckDB's appender) as long as they follow it.
 *
 * <h2>Columns</h2>
 * Every name is written quoted and in lower case ({@code "revenue_2024"}), on every database. The
 * key comes first, then the variables by name, a yearly one's years in ascending order.
 * <ul>
 *   <li>{@code "id"}: the enterprise's key. The compiler only selects it, so any type does; this
 *       class creates {@code VARCHAR(64)}, room for a 统一社会信用代码.</li>
 *   <li>one column per static variable, named as the variable: {@code "district"};</li>
 *   <li>one column per yearly variable and year, named {@code <variable>_<year>}:
 *       {@code "revenue_2024"}. A year outside the table's years is a fact no enterprise has.</li>
 * </ul>
 * NULL is an unknown fact, never zero or false.
 *
 * <h2>Types</h2>
 * <ul>
 *   <li>money: {@code BIGINT}, whole fen (分);</li>
 *   <li>number: {@code DECIMAL(38, 6)}: exact, at most {@value #NUMBER_SCALE} decimal places, which
 *       holds counts, areas and rates; six rather than twelve because on DuckDB a product's scale is
 *       the sum of its factors' and DuckDB's decimals stop at 38 digits;</li>
 *   <li>boolean: {@code BOOLEAN}; date: {@code DATE}; text: {@code VARCHAR};</li>
 *   <li>set of texts: {@code VARCHAR} holding the members sorted (by {@link String#compareTo}),
 *       without repeats, each followed by {@code |} and the whole preceded by one: {@code |专精特新|高新技术企业|};
 *       the empty set is {@code |}. See {@link #setText}. Delimited text rather than arrays because
 *       it is the one representation the three databases share: membership is a {@code POSITION}
 *       of {@code |member|}, the size is the number of bars less one, and equal sets are equal
 *       texts. A member may not contain {@code |}.</li>
 * </ul>
 */
public final class ProfileTable {

    /** The decimal places a number column keeps. */
    public static final int NUMBER_SCALE = 6;
    /** The name of the key column. */
    public static final String ID = "id";
    /** What separates and surrounds the members of a set in its column. */
    public static final char SET_DELIMITER = '|';

    private static final Pattern TABLE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)?");
    private static final BigDecimal NUMBER_LIMIT = BigDecimal.TEN.pow(38 - NUMBER_SCALE);

    private final String name;
    private final Schema schema;
    private final SortedSet<Integer> years;

    private ProfileTable(String name, Schema schema, SortedSet<Integer> years) {
        this.name = name;
        this.schema = schema;
        this.years = years;
    }

    /**
     * The layout of table {@code name} for the variables of {@code schema}, with a column for each
     * yearly variable in each of {@code years}.
     *
     * @param name a table name, optionally with its schema ({@code lantu.profiles}); each part is quoted as written
     * @throws SqlCompilationException when the name is not a plain SQL name or two columns would share a name
     */
    public static ProfileTable of(String name, Schema schema, Collection<Integer> years) {
        if (name == null || !TABLE_NAME.matcher(name).matches()) {
            throw new SqlCompilationException("a profile table's name is letters, digits and _ (with an optional "
                    + "schema before a dot), not " + (name == null ? "nothing" : "'" + name + "'"));
        }
        ProfileTable table = new ProfileTable(name, schema, new TreeSet<>(years));
        List<String> columns = table.columnNames();
        if (columns.size() != columns.stream().distinct().count()) {
            List<String> repeated = columns.stream()
                    .filter(column -> columns.indexOf(column) != columns.lastIndexOf(column)).distinct().toList();
            throw new SqlCompilationException("the profile table would have two columns named " + repeated
                    + ": a static variable (or the key 'id') is named like a yearly variable's column");
        }
        return table;
    }

    public String name() {
        return name;
    }

    public Schema schema() {
        return schema;
    }

    public SortedSet<Integer> years() {
        return new TreeSet<>(years);
    }

    /** The table's name as SQL writes it, each part quoted. */
    public String sqlName() {
        return List.of(name.split("\\.")).stream().map(SqlDialect::quote).collect(Collectors.joining("."));
    }

    /** The column of a static variable. */
    public static String column(String variable) {
        return variable;
    }

    /** The column of a yearly variable in {@code year}. */
    public static String column(String variable, int year) {
        return variable + "_" + year;
    }

    /** Whether the table holds {@code year} of yearly variables. */
    public boolean hasYear(int year) {
        return years.contains(year);
    }

    /**
     * The schema's variables in the order of their columns: by name, since a schema keeps no order
     * of its own and a table filled by other means must line up with it.
     */
    public List<Variable> variables() {
        return schema.variables().stream().sorted(Comparator.comparing(Variable::name)).toList();
    }

    /** Every column in the order {@link #createStatement} declares them: the key, then by variable name and year. */
    public List<String> columnNames() {
        List<String> names = new ArrayList<>();
        names.add(ID);
        for (Variable variable : variables()) {
            if (variable.isYearly()) {
                years.forEach(year -> names.add(column(variable.name(), year)));
            } else {
                names.add(column(variable.name()));
            }
        }
        return names;
    }

    /** The SQL type of a variable's column; the same on the three databases. */
    public static String columnType(Type type) {
        return switch (type) {
            case MONEY -> "BIGINT";
            case NUMBER -> "DECIMAL(38, " + NUMBER_SCALE + ")";
            case BOOLEAN -> "BOOLEAN";
            case DATE -> "DATE";
            case TEXT, SET -> "VARCHAR";
        };
    }

    /** {@code CREATE TABLE} for this layout; the same text serves PostgreSQL, H2 and DuckDB. */
    public String createStatement() {
        StringBuilder sql = new StringBuilder("CREATE TABLE ").append(sqlName()).append(" (")
                .append(SqlDialect.quote(ID)).append(" VARCHAR(64) PRIMARY KEY");
        for (Variable variable : variables()) {
            String type = columnType(variable.type());
            if (variable.isYearly()) {
                for (int year : years) {
                    sql.append(", ").append(SqlDialect.quote(column(variable.name(), year))).append(' ').append(type);
                }
            } else {
                sql.append(", ").append(SqlDialect.quote(column(variable.name()))).append(' ').append(type);
            }
        }
        return sql.append(')').toString();
    }

    /** Creates the table on {@code connection}. */
    public void create(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(createStatement());
        }
    }

    /**
     * Inserts profiles by key with one JDBC batch: each known fact in its column, each unknown one
     * as NULL.
     *
     * @throws IllegalArgumentException when a fact does not fit its column: a value of another type
     *                                  than the schema's, a number with more than {@value #NUMBER_SCALE}
     *                                  decimal places, a set member containing {@code |}
     */
    public void insert(Connection connection, Map<String, ? extends Enterprise> profiles) throws SQLException {
        List<Variable> variables = variables();
        StringBuilder sql = new StringBuilder("INSERT INTO ").append(sqlName()).append(" VALUES (?");
        for (Variable variable : variables) {
            for (int i = 0; i < (variable.isYearly() ? years.size() : 1); i++) {
                sql.append(", ").append(placeholder(variable.type()));
            }
        }
        sql.append(')');
        try (PreparedStatement insert = connection.prepareStatement(sql.toString())) {
            for (Map.Entry<String, ? extends Enterprise> profile : profiles.entrySet()) {
                int index = 1;
                insert.setString(index++, profile.getKey());
                for (Variable variable : variables) {
                    if (variable.isYearly()) {
                        for (int year : years) {
                            bind(insert, index++, variable, profile.getValue().fact(variable.name(), year),
                                    profile.getKey(), column(variable.name(), year));
                        }
                    } else {
                        bind(insert, index++, variable, profile.getValue().fact(variable.name()), profile.getKey(),
                                column(variable.name()));
                    }
                }
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /** Dates and numbers go as text and are cast in SQL: every driver reads text the same way, whatever its time zone. */
    private static String placeholder(Type type) {
        return switch (type) {
            case DATE -> "CAST(? AS DATE)";
            case NUMBER -> "CAST(? AS DECIMAL(38, " + NUMBER_SCALE + "))";
            default -> "?";
        };
    }

    private static void bind(PreparedStatement insert, int index, Variable variable, Optional<Value> fact, String id,
                             String column) throws SQLException {
        if (fact.isEmpty() || fact.get().isUnknown()) {
            insert.setNull(index, switch (variable.type()) {
                case MONEY -> Types.BIGINT;
                case BOOLEAN -> Types.BOOLEAN;
                default -> Types.VARCHAR;
            });
            return;
        }
        Value value = fact.get();
        if (value.type() != variable.type()) {
            throw new IllegalArgumentException("enterprise " + id + ": " + column + " is " + value.show() + ", "
                    + value.type() + ", but the schema declares " + variable.type());
        }
        switch (variable.type()) {
            case MONEY -> insert.setLong(index, ((Value.Money) value).fen());
            case NUMBER -> insert.setString(index, numberText(((Value.NumberValue) value).value(), id, column));
            case BOOLEAN -> insert.setBoolean(index, ((Value.BooleanValue) value).value());
            case DATE -> insert.setString(index, ((Value.DateValue) value).value().toString());
            case TEXT -> insert.setString(index, ((Value.Text) value).value());
            case SET -> insert.setString(index, setText(((Value.TextSet) value).members()));
        }
    }

    private static String numberText(BigDecimal number, String id, String column) {
        if (number.stripTrailingZeros().scale() > NUMBER_SCALE || number.abs().compareTo(NUMBER_LIMIT) >= 0) {
            throw new IllegalArgumentException("enterprise " + id + ": " + column + " is " + number.toPlainString()
                    + ", which DECIMAL(38, " + NUMBER_SCALE + ") cannot hold exactly");
        }
        return number.toPlainString();
    }

    /**
     * A set as its column holds it: {@code |a|b|} with the members sorted and without repeats, so
     * that equal sets are equal texts.
     *
     * @throws IllegalArgumentException when a member contains the delimiter {@code |}
     */
    public static String setText(Collection<String> members) {
        StringBuilder text = new StringBuilder().append(SET_DELIMITER);
        for (String member : new TreeSet<>(members)) {
            if (member.indexOf(SET_DELIMITER) >= 0) {
                throw new IllegalArgumentException("a set member cannot contain '" + SET_DELIMITER + "': " + member);
            }
            text.append(member).append(SET_DELIMITER);
        }
        return text.toString();
    }
}
