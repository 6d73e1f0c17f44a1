package dev.lantu.engine.sql;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.lantu.engine.eval.Enterprise;
import dev.lantu.engine.policy.Assessor;
import dev.lantu.engine.policy.Clause;
import dev.lantu.engine.eval.ParameterValues;
import dev.lantu.engine.lang.Schema;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The databases the SQL tests run on: H2 and DuckDB in memory always, PostgreSQL when
 * {@code LANTU_TEST_PG_URL} (and {@code LANTU_TEST_PG_USER}, {@code LANTU_TEST_PG_PASSWORD}) are set;
 * tests on it are skipped otherwise.
 */
final class Databases {

    private static final AtomicInteger TABLES = new AtomicInteger();

    private Databases() {
    }

    /** Skips the calling test when {@code dialect}'s database is not at hand. */
    static void assumeAvailable(SqlDialect dialect) {
        if (dialect == SqlDialect.POSTGRES) {
            String url = System.getenv("LANTU_TEST_PG_URL");
            assumeTrue(url != null && !url.isBlank(), "LANTU_TEST_PG_URL is not set: no PostgreSQL to test on");
        }
    }

    static Connection open(SqlDialect dialect) throws SQLException {
        assumeAvailable(dialect);
        return switch (dialect) {
            case H2 -> DriverManager.getConnection("jdbc:h2:mem:");
            case DUCKDB -> DriverManager.getConnection("jdbc:duckdb:");
            case POSTGRES -> {
                String url = System.getenv("LANTU_TEST_PG_URL");
                assumeTrue(url != null && !url.isBlank(), "LANTU_TEST_PG_URL is not set: no PostgreSQL to test on");
                String user = System.getenv().getOrDefault("LANTU_TEST_PG_USER", "postgres");
                yield DriverManager.getConnection(url, user, System.getenv().getOrDefault("LANTU_TEST_PG_PASSWORD", ""));
            }
        };
    }

    /** A table name no other test uses, so tests on a shared PostgreSQL do not meet. */
    static String freshTableName() {
        return "lantu_profiles_" + ProcessHandle.current().pid() + "_" + TABLES.incrementAndGet();
    }

    static void drop(Connection connection, ProfileTable table) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS " + table.sqlName());
        }
    }

    /**
     * Creates a table for {@code profiles}, runs the compiled clauses over it and returns each
     * enterprise's results by key; the table is dropped again.
     */
    static Map<String, CompiledQuery.EnterpriseResults> run(SqlDialect dialect, Schema schema, Collection<Integer> years,
                                                           Map<String, ? extends Enterprise> profiles,
                                                           List<Clause> clauses, ParameterValues parameters,
                                                           int applicationYear) throws SQLException {
        try (Connection connection = open(dialect)) {
            ProfileTable table = ProfileTable.of(freshTableName(), schema, years);
            table.create(connection);
            try {
                table.insert(connection, profiles);
                CompiledQuery query = SqlCompiler.compile(clauses, parameters, applicationYear, dialect, table);
                Map<String, CompiledQuery.EnterpriseResults> results = new HashMap<>();
                try (Statement statement = connection.createStatement();
                     ResultSet rows = statement.executeQuery(query.sql())) {
                    for (CompiledQuery.EnterpriseResults row : query.readAll(rows)) {
                        results.put(row.enterpriseId(), row);
                    }
                } catch (SQLException failure) {
                    throw new SQLException(failure.getMessage() + "\nSQL:\n" + query.sql(), failure);
                }
                return results;
            } finally {
                drop(connection, table);
            }
        }
    }

    /** What the reference assessor gives for the same clauses and enterprises. */
    static List<ClauseResult> expected(Assessor assessor, List<Clause> clauses, Enterprise enterprise, int year,
                                       java.time.LocalDate ruleDate) {
        return clauses.stream().map(clause -> ClauseResult.of(assessor.assess(clause, enterprise, year, ruleDate)))
                .toList();
    }
}
