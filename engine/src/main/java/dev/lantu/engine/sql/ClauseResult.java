package dev.lantu.engine.sql;

import dev.lantu.engine.eval.Value;
import dev.lantu.engine.policy.Assessment;

/**
 * One clause for one enterprise as the compiled SQL gives it: what {@link Assessment} says, less
 * the explanation.
 *
 * @param awardFen         the award after the clause's cap, in fen: 0 for NOT_ELIGIBLE; {@code null}
 *                         when it is unknown or the clause FAILED
 * @param beyondExactRange whether the clause FAILED only because the database could not compute a
 *                         number exactly (DuckDB past 38 digits), where the reference evaluator,
 *                         with unbounded decimals, gives a result
 */
public record ClauseResult(String clauseId, Assessment.Status status, Long awardFen, boolean beyondExactRange) {

    /** The codes of a {@code status_i} column. */
    public static final int ELIGIBLE = 1;
    public static final int NOT_ELIGIBLE = 2;
    public static final int UNDETERMINED = 3;
    public static final int FAILED = 4;
    /** FAILED because the database's decimals are too small for the exact value. */
    public static final int BEYOND_EXACT_RANGE = 5;

    /** The result a {@code status_i} code and an {@code award_i} value stand for. */
    public static ClauseResult of(String clauseId, int statusCode, Long awardFen) {
        Assessment.Status status = switch (statusCode) {
            case ELIGIBLE -> Assessment.Status.ELIGIBLE;
            case NOT_ELIGIBLE -> Assessment.Status.NOT_ELIGIBLE;
            case UNDETERMINED -> Assessment.Status.UNDETERMINED;
            case FAILED, BEYOND_EXACT_RANGE -> Assessment.Status.FAILED;
            default -> throw new IllegalArgumentException("no clause status has the code " + statusCode);
        };
        return new ClauseResult(clauseId, status, awardFen, statusCode == BEYOND_EXACT_RANGE);
    }

    /** What the reference assessment gives, in the same terms, for comparison. */
    public static ClauseResult of(Assessment assessment) {
        Long fen = assessment.awarded() instanceof Value.Money money ? money.fen() : null;
        return new ClauseResult(assessment.clauseId(), assessment.status(), fen, false);
    }
}
