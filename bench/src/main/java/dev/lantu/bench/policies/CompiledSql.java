package dev.lantu.bench.policies;

import dev.lantu.engine.policy.Clause;
import dev.lantu.engine.policy.ParameterSet;
import dev.lantu.engine.sql.ClauseResult;
import dev.lantu.engine.sql.CompiledQuery;
import dev.lantu.engine.sql.ProfileTable;
import dev.lantu.engine.sql.SqlCompiler;
import dev.lantu.engine.sql.SqlDialect;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Lantu's clauses compiled to SQL ({@link SqlCompiler}) and run where the data lives: DuckDB in
 * process, or the local PostgreSQL. The table is loaded once ({@link DatabaseTable}, in prepare); each
 * run sends, per group of at most {@value #GROUP} clauses of one policy, the compiled query wrapped
 * in one aggregate, so only the answers cross JDBC, never a row per enterprise. Any enterprise whose
 * clause FAILED (or went beyond DuckDB's exact range) fails the run.
 */
public final class CompiledSql implements Contestant {

    /** Clauses per query: PostgreSQL takes at most 1,664 columns in a select list, five aggregates a clause here. */
    static final int GROUP = 100;

    private final SqlDialect dialect;
    private Connection connection;
    private String schema;
    private final List<Group> groups = new ArrayList<>();

    private record Group(int[] clauses, String sql) {
    }

    private CompiledSql(SqlDialect dialect) {
        this.dialect = dialect;
    }

    public static CompiledSql duckDb() {
        return new CompiledSql(SqlDialect.DUCKDB);
    }

    public static CompiledSql postgres() {
        return new CompiledSql(SqlDialect.POSTGRES);
    }

    @Override
    public String name() {
        return dialect == SqlDialect.DUCKDB ? "DuckDB (compiled SQL)" : "PostgreSQL (compiled SQL)";
    }

    @Override
    public void prepare(Workload workload) throws Exception {
        ProfileTable layout;
        if (dialect == SqlDialect.DUCKDB) {
            connection = DriverManager.getConnection("jdbc:duckdb:");
            layout = DatabaseTable.loadDuckDb(connection, workload.table());
        } else {
            String url = System.getenv().getOrDefault("LANTU_BENCH_PG_URL", "jdbc:postgresql://127.0.0.1:5432/lantu_bench");
            connection = DriverManager.getConnection(url, System.getenv().getOrDefault("LANTU_BENCH_PG_USER", "postgres"),
                    System.getenv().getOrDefault("LANTU_BENCH_PG_PASSWORD", ""));
            schema = "lantu_bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
            try (Statement statement = connection.createStatement()) {
                statement.execute("CREATE SCHEMA " + schema);
                statement.execute("SET search_path TO " + schema);
            }
            layout = DatabaseTable.loadPostgres(connection, workload.table());
        }
        List<Workload.WorkloadClause> clauses = workload.clauses();
        int start = 0;
        while (start < clauses.size()) {
            ParameterSet parameters = clauses.get(start).parameters();
            List<Integer> members = new ArrayList<>();
            for (int c = start; c < clauses.size() && members.size() < GROUP && clauses.get(c).parameters() == parameters; c++) {
                members.add(c);
            }
            List<Clause> group = members.stream().map(c -> clauses.get(c).clause()).toList();
            CompiledQuery query = SqlCompiler.compile(group, parameters.inForceOn(Workload.RULE_DATE), Workload.APPLICATION_YEAR,
                    dialect, layout);
            groups.add(new Group(members.stream().mapToInt(Integer::intValue).toArray(), aggregate(query)));
            start += members.size();
        }
    }

    /** Per clause: eligible, undetermined, awards of the eligible, ids of the eligible, failures. */
    static String aggregate(CompiledQuery query) {
        StringBuilder sql = new StringBuilder("SELECT ");
        for (int i = 0; i < query.clauseIds().size(); i++) {
            String status = query.statusColumn(i);
            String eligible = "CASE WHEN " + status + " = " + ClauseResult.ELIGIBLE;
            sql.append(i == 0 ? "" : ", ")
                    .append("SUM(").append(eligible).append(" THEN 1 ELSE 0 END), ")
                    .append("SUM(CASE WHEN ").append(status).append(" = ").append(ClauseResult.UNDETERMINED).append(" THEN 1 ELSE 0 END), ")
                    .append("SUM(").append(eligible).append(" THEN ").append(query.awardColumn(i)).append(" ELSE 0 END), ")
                    .append("SUM(").append(eligible).append(" THEN CAST(q.id AS BIGINT) ELSE 0 END), ")
                    .append("SUM(CASE WHEN ").append(status).append(" IN (").append(ClauseResult.FAILED).append(", ")
                    .append(ClauseResult.BEYOND_EXACT_RANGE).append(") OR (").append(status).append(" = ").append(ClauseResult.ELIGIBLE)
                    .append(" AND ").append(query.awardColumn(i)).append(" IS NULL) THEN 1 ELSE 0 END)");
        }
        return sql.append(" FROM (").append(query.sql()).append(") q").toString();
    }

    @Override
    public Answers evaluate() throws SQLException {
        Answers answers = new Answers(groups.stream().mapToInt(g -> g.clauses().length).sum());
        for (Group group : groups) {
            Chunks.checkDeadline();
            try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(group.sql())) {
                rs.next();
                for (int i = 0; i < group.clauses().length; i++) {
                    int column = 1 + 5 * i;
                    long failed = rs.getLong(column + 4);
                    if (failed != 0) {
                        throw new IllegalStateException(name() + ": clause " + group.clauses()[i] + " failed or left an eligible "
                                + "award unknown for " + failed + " enterprises");
                    }
                    answers.add(group.clauses()[i], rs.getLong(column), rs.getLong(column + 1), rs.getLong(column + 2),
                            rs.getLong(column + 3));
                }
            }
        }
        return answers;
    }

    @Override
    public void close() throws SQLException {
        if (connection == null) {
            return;
        }
        try (Statement statement = connection.createStatement()) {
            if (schema != null) {
                statement.execute("DROP SCHEMA " + schema + " CASCADE");
            }
        } finally {
            connection.close();
        }
    }
}
