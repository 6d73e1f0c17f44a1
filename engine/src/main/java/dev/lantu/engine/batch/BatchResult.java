package dev.lantu.engine.batch;

import dev.lantu.engine.policy.Assessment;
import java.math.BigInteger;
import java.util.List;

/**
 * Every clause of a {@link BatchPlan} assessed for every enterprise of its columns: the status
 * and the award after the clause's cap, as {@link dev.lantu.engine.policy.Assessor} gives them.
 * The award of a not-eligible enterprise is 0; of an eligible or undetermined one it is the
 * award (which may be unknown, when facts it needs are missing); a failed one has none.
 * Clauses and enterprises are numbered as in the plan and the columns.
 */
public final class BatchResult {

    /** Status codes, the ordinals of {@link Assessment.Status}. */
    public static final byte ELIGIBLE = 0;
    public static final byte NOT_ELIGIBLE = 1;
    public static final byte UNDETERMINED = 2;
    public static final byte FAILED = 3;

    private static final Assessment.Status[] STATUSES = Assessment.Status.values();

    private final List<String> clauseIds;
    private final int enterprises;
    private final byte[][] statuses;
    private final long[][] awards;
    private final long[][] awardKnown;
    long nodeEvaluations;

    BatchResult(List<String> clauseIds, int enterprises) {
        this.clauseIds = List.copyOf(clauseIds);
        this.enterprises = enterprises;
        this.statuses = new byte[clauseIds.size()][enterprises];
        this.awards = new long[clauseIds.size()][enterprises];
        this.awardKnown = new long[clauseIds.size()][Column.words(enterprises)];
    }

    public List<String> clauseIds() {
        return clauseIds;
    }

    /** The index of a clause by its id. */
    public int clause(String id) {
        int index = clauseIds.indexOf(id);
        if (index < 0) {
            throw new IllegalArgumentException("no clause " + id + " in " + clauseIds);
        }
        return index;
    }

    public int enterprises() {
        return enterprises;
    }

    /** One of {@link #ELIGIBLE}, {@link #NOT_ELIGIBLE}, {@link #UNDETERMINED}, {@link #FAILED}. */
    public byte statusCode(int clause, int enterprise) {
        return statuses[clause][enterprise];
    }

    public Assessment.Status status(int clause, int enterprise) {
        return STATUSES[statuses[clause][enterprise]];
    }

    /** Whether the award is known: always for a not-eligible enterprise (0), never for a failed one. */
    public boolean isAwardKnown(int clause, int enterprise) {
        return (awardKnown[clause][enterprise >>> 6] & 1L << enterprise) != 0;
    }

    /** The award after the clause's cap, in fen; meaningful only where {@link #isAwardKnown} holds. */
    public long awardFen(int clause, int enterprise) {
        return awards[clause][enterprise];
    }

    /** How many enterprises the clause gives {@code status}. */
    public long count(int clause, Assessment.Status status) {
        byte code = (byte) status.ordinal();
        long count = 0;
        for (byte each : statuses[clause]) {
            if (each == code) {
                count++;
            }
        }
        return count;
    }

    public long countEligible(int clause) {
        return count(clause, Assessment.Status.ELIGIBLE);
    }

    /** The sum of the known awards of the eligible enterprises, in fen; exact at any size. */
    public BigInteger eligibleFen(int clause) {
        BatchSummary.FenTotal total = new BatchSummary.FenTotal();
        for (int e = 0; e < enterprises; e++) {
            if (statuses[clause][e] == ELIGIBLE && isAwardKnown(clause, e)) {
                total.add(awards[clause][e]);
            }
        }
        return total.total();
    }

    /**
     * The operations evaluated, summed over chunks, constants apart (each worker computes those
     * once): the work sharing saves shows here.
     */
    public long nodeEvaluations() {
        return nodeEvaluations;
    }

    void record(int clause, Chunk chunk, Vector.Booleans eligibility, Vector.Longs award, Long capFen) {
        byte[] status = statuses[clause];
        long[] amount = awards[clause];
        long[] known = awardKnown[clause];
        int firstWord = chunk.start >>> 6;
        for (int w = 0; w < chunk.words; w++) {
            Outcomes outcomes = new Outcomes(eligibility, award, w, Outcomes.valid(chunk, w));
            known[firstWord + w] = outcomes.awardKnown;
            int end = Math.min(64, chunk.length - (w << 6));
            for (int bit = 0; bit < end; bit++) {
                int row = (w << 6) + bit;
                int at = chunk.start + row;
                long mask = 1L << bit;
                if ((outcomes.notEligible & mask) != 0) {
                    status[at] = NOT_ELIGIBLE;
                    amount[at] = 0;
                    continue;
                }
                status[at] = (outcomes.failed & mask) != 0 ? FAILED : (outcomes.eligible & mask) != 0 ? ELIGIBLE
                        : UNDETERMINED;
                amount[at] = (outcomes.awardKnown & mask) != 0 ? Outcomes.capped(award.values[row], capFen) : 0;
            }
        }
    }
}
