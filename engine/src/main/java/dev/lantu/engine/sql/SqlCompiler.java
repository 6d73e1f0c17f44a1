package dev.lantu.engine.sql;

import dev.lantu.engine.eval.Evaluator;
import dev.lantu.engine.eval.ParameterValues;
import dev.lantu.engine.policy.Assessor;
import dev.lantu.engine.policy.Clause;
import dev.lantu.engine.lang.Type;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Compiles clauses into one SQL query over a {@link ProfileTable}, so that matching runs where the
 * data lives. The query gives, for every enterprise, each clause's status and award exactly as
 * {@link Assessor} does for that enterprise: the same statuses, the same fen.
 *
 * <h2>How the SQL agrees with the reference evaluator</h2>
 * <ul>
 *   <li>Periods ({@code this_year}, {@code last_year}, {@code year - n}, fixed years) are resolved
 *       at compile time for the application year and become columns; parameters are inlined as
 *       literals of the values in force.</li>
 *   <li>Unknown is NULL. SQL's AND, OR and NOT are Kleene's logic already; {@code if} is not, so it
 *       compiles to a CASE that gives the branches' common value when the condition is NULL.</li>
 *   <li>Every sub-expression carries, beside its value, a condition that is TRUE when the
 *       {@link Evaluator} would stop there with an error (division by zero, growth from zero, clamp
 *       with low &gt; high, a schedule whose bounds do not increase, an amount beyond a long). It
 *       honours short-circuits: the right side of {@code false and …} and the branch an {@code if}
 *       does not take are never evaluated by the reference, so their errors do not count. A
 *       failing clause is FAILED for that enterprise; the query itself never fails.</li>
 *   <li>Money is computed in whole fen in a type wider than BIGINT, checked against a long's range
 *       at every step the evaluator checks it, and rounded half away from zero exactly once where
 *       the evaluator rounds. Numbers are exact decimals; a quotient is rounded half-up to 12
 *       places through one exact whole-number division, never through the database's own decimal
 *       division (DuckDB's gives a DOUBLE, PostgreSQL's picks its own scale: both would round
 *       twice).</li>
 *   <li>DuckDB's DECIMAL holds 38 digits. A number that needs more (the product of several
 *       12-place quotients) cannot be computed there; such a clause gets the status
 *       {@link ClauseResult#beyondExactRange() FAILED, beyond the exact range} rather than a wrong
 *       value. PostgreSQL and H2 have unbounded decimals and never do this.</li>
 * </ul>
 *
 * <h2>Shape of the query</h2>
 * Nested derived tables, one per layer of sub-expressions, so that a value read several times is
 * computed once. The result has the key column {@code id}, then for clause i (from 1) the columns
 * {@code status_i} (see {@link ClauseResult} for the codes) and {@code award_i} (the award after
 * the clause's cap in fen; 0 when not eligible; NULL when unknown or failed).
 */
public final class SqlCompiler {

    private SqlCompiler() {
    }

    /**
     * Compiles {@code clauses} for one application year.
     *
     * @param parameters      the parameter values in force on the rule date (as {@link Assessor} takes
     *                        them: {@code ParameterSet.inForceOn(ruleDate)})
     * @param applicationYear the year {@code this_year} stands for
     * @throws SqlCompilationException when a clause uses a parameter with no value in force, or a
     *                                 construct this compiler cannot write exactly (a list of computed
     *                                 texts outside {@code in} and {@code count})
     */
    public static CompiledQuery compile(List<Clause> clauses, ParameterValues parameters, int applicationYear,
                                        SqlDialect dialect, ProfileTable table) {
        if (clauses.isEmpty()) {
            throw new SqlCompilationException("nothing to compile: no clauses");
        }
        Layers layers = new Layers();
        ExpressionCompiler compiler = new ExpressionCompiler(dialect, table, parameters, applicationYear, layers);
        List<String> select = new ArrayList<>();
        Set<String> finalReads = new LinkedHashSet<>();
        String key = SqlDialect.quote(ProfileTable.ID);
        select.add(key);
        for (int i = 0; i < clauses.size(); i++) {
            Clause clause = clauses.get(i);
            Term eligibility;
            Term award;
            try {
                eligibility = compiler.compile(clause.eligibility().expr());
                award = compiler.compile(clause.award().expr());
            } catch (SqlCompilationException problem) {
                throw new SqlCompilationException("clause " + clause.id() + ": " + problem.getMessage());
            }
            if (eligibility.type() != Type.BOOLEAN || award.type() != Type.MONEY) {
                throw new IllegalStateException("clause " + clause.id() + " compiled to the wrong types");
            }
            Term status = status(layers, eligibility, award);
            finalReads.addAll(status.columns());
            finalReads.addAll(award.columns());
            String capped = clause.hasCap()
                    ? "CASE WHEN " + award.value() + " > " + clause.capFen() + " THEN " + clause.capFen() + " ELSE "
                    + award.value() + " END"
                    : award.value();
            int n = i + 1;
            select.add(status.value() + " AS status_" + n);
            select.add("CASE WHEN " + status.value() + " = " + ClauseResult.NOT_ELIGIBLE + " THEN CAST(0 AS BIGINT) WHEN "
                    + status.value() + " IN (" + ClauseResult.ELIGIBLE + ", " + ClauseResult.UNDETERMINED
                    + ") THEN CAST(" + capped + " AS BIGINT) END AS award_" + n);
        }
        String sql = layers.query(table.sqlName(), key, select, finalReads, dialect);
        return new CompiledQuery(sql, clauses.stream().map(Clause::id).toList(), dialect);
    }

    /**
     * Assessor.assess: a failed eligibility is FAILED; a false one NOT_ELIGIBLE whatever the award
     * would do; otherwise a failed award is FAILED, and the verdict decides.
     */
    private static Term status(Layers layers, Term eligibility, Term award) {
        StringBuilder sql = new StringBuilder("CASE");
        when(sql, eligibility.range(), ClauseResult.BEYOND_EXACT_RANGE);
        when(sql, eligibility.fail(), ClauseResult.FAILED);
        when(sql, eligibility.value() + " = FALSE", ClauseResult.NOT_ELIGIBLE);
        when(sql, award.range(), ClauseResult.BEYOND_EXACT_RANGE);
        when(sql, award.fail(), ClauseResult.FAILED);
        when(sql, eligibility.value(), ClauseResult.ELIGIBLE);
        sql.append(" ELSE ").append(ClauseResult.UNDETERMINED).append(" END");
        String column = layers.define(sql.toString(), eligibility, award);
        Set<String> columns = new LinkedHashSet<>(Set.of(column));
        return new Term(Type.NUMBER, 0, column, null, null, layers.layerOf(column), columns);
    }

    private static void when(StringBuilder sql, String condition, int status) {
        if (condition != null && !condition.equals("FALSE")) {
            sql.append(" WHEN ").append(condition).append(" THEN ").append(status);
        }
    }
}
