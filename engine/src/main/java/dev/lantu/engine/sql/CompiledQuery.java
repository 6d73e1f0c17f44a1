package dev.lantu.engine.sql;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The SQL of some clauses for one application year, and how to read its rows.
 *
 * @param sql       {@code SELECT id, status_1, award_1, status_2, award_2, … FROM …}
 * @param clauseIds the clauses in the order of their columns
 */
public record CompiledQuery(String sql, List<String> clauseIds, SqlDialect dialect) {

    public CompiledQuery {
        clauseIds = List.copyOf(clauseIds);
    }

    /** The name of clause {@code index}'s (from 0) status column. */
    public String statusColumn(int index) {
        return "status_" + (index + 1);
    }

    /** The name of clause {@code index}'s (from 0) award column. */
    public String awardColumn(int index) {
        return "award_" + (index + 1);
    }

    /** The row the result set is on, as results per clause. */
    public EnterpriseResults read(ResultSet row) throws SQLException {
        List<ClauseResult> results = new ArrayList<>(clauseIds.size());
        for (int i = 0; i < clauseIds.size(); i++) {
            int status = row.getInt(2 + 2 * i);
            long award = row.getLong(3 + 2 * i);
            results.add(ClauseResult.of(clauseIds.get(i), status, row.wasNull() ? null : award));
        }
        return new EnterpriseResults(row.getString(1), results);
    }

    /** Every remaining row of the result set. */
    public List<EnterpriseResults> readAll(ResultSet rows) throws SQLException {
        List<EnterpriseResults> all = new ArrayList<>();
        while (rows.next()) {
            all.add(read(rows));
        }
        return all;
    }

    /** The clauses' results for one enterprise, in the order of {@link #clauseIds()}. */
    public record EnterpriseResults(String enterpriseId, List<ClauseResult> clauses) {
        public EnterpriseResults {
            clauses = List.copyOf(clauses);
        }
    }
}
