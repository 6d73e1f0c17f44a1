package dev.lantu.engine.batch;

import dev.lantu.engine.policy.Assessment;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Per clause, how many enterprises have each status and what the eligible ones receive, without
 * a result per enterprise: what matching the whole registry or simulating a policy's cost needs.
 */
public final class BatchSummary {

    private static final int STATUSES = Assessment.Status.values().length;

    private final List<String> clauseIds;
    private final AtomicLongArray counts;
    /** The totals while they fit in a {@code long}; what would overflow goes to {@link #eligibleFenBeyond}. */
    private final AtomicLongArray eligibleFen;
    private final BigInteger[] eligibleFenBeyond;
    private final AtomicLongArray eligibleUnknown;
    long nodeEvaluations;

    BatchSummary(List<String> clauseIds) {
        this.clauseIds = List.copyOf(clauseIds);
        this.counts = new AtomicLongArray(clauseIds.size() * STATUSES);
        this.eligibleFen = new AtomicLongArray(clauseIds.size());
        this.eligibleFenBeyond = new BigInteger[clauseIds.size()];
        Arrays.fill(eligibleFenBeyond, BigInteger.ZERO);
        this.eligibleUnknown = new AtomicLongArray(clauseIds.size());
    }

    public List<String> clauseIds() {
        return clauseIds;
    }

    public int clause(String id) {
        int index = clauseIds.indexOf(id);
        if (index < 0) {
            throw new IllegalArgumentException("no clause " + id + " in " + clauseIds);
        }
        return index;
    }

    public long count(int clause, Assessment.Status status) {
        return counts.get(clause * STATUSES + status.ordinal());
    }

    public long countEligible(int clause) {
        return count(clause, Assessment.Status.ELIGIBLE);
    }

    /** The sum of the known awards (after the clause's cap) of the eligible enterprises, in fen; exact at any size. */
    public BigInteger eligibleFen(int clause) {
        synchronized (eligibleFenBeyond) {
            return BigInteger.valueOf(eligibleFen.get(clause)).add(eligibleFenBeyond[clause]);
        }
    }

    /** How many eligible enterprises have an award that is unknown, so not in {@link #eligibleFen}. */
    public long eligibleWithUnknownAward(int clause) {
        return eligibleUnknown.get(clause);
    }

    public long nodeEvaluations() {
        return nodeEvaluations;
    }

    void record(int clause, Chunk chunk, Vector.Booleans eligibility, Vector.Longs award, Long capFen) {
        long[] byStatus = new long[STATUSES];
        FenTotal fen = new FenTotal();
        long unknown = 0;
        for (int w = 0; w < chunk.words; w++) {
            Outcomes outcomes = new Outcomes(eligibility, award, w, Outcomes.valid(chunk, w));
            byStatus[Assessment.Status.ELIGIBLE.ordinal()] += Long.bitCount(outcomes.eligible);
            byStatus[Assessment.Status.NOT_ELIGIBLE.ordinal()] += Long.bitCount(outcomes.notEligible);
            byStatus[Assessment.Status.UNDETERMINED.ordinal()] += Long.bitCount(outcomes.undetermined);
            byStatus[Assessment.Status.FAILED.ordinal()] += Long.bitCount(outcomes.failed);
            long paid = outcomes.eligible & outcomes.awardKnown;
            unknown += Long.bitCount(outcomes.eligible & ~outcomes.awardKnown);
            while (paid != 0) {
                int row = (w << 6) + Long.numberOfTrailingZeros(paid);
                paid &= paid - 1;
                fen.add(Outcomes.capped(award.values[row], capFen));
            }
        }
        for (int s = 0; s < STATUSES; s++) {
            counts.addAndGet(clause * STATUSES + s, byStatus[s]);
        }
        addFen(clause, fen.fitting);
        if (fen.beyond.signum() != 0) {
            synchronized (eligibleFenBeyond) {
                eligibleFenBeyond[clause] = eligibleFenBeyond[clause].add(fen.beyond);
            }
        }
        eligibleUnknown.addAndGet(clause, unknown);
    }

    private void addFen(int clause, long fen) {
        while (true) {
            long total = eligibleFen.get(clause);
            long sum = total + fen;
            if (((total ^ sum) & (fen ^ sum)) < 0) {
                synchronized (eligibleFenBeyond) {
                    eligibleFenBeyond[clause] = eligibleFenBeyond[clause].add(BigInteger.valueOf(fen));
                }
                return;
            }
            if (eligibleFen.compareAndSet(clause, total, sum)) {
                return;
            }
        }
    }

    /** A sum of fen, exact at any size: a {@code long} while it fits, the rest apart. */
    static final class FenTotal {
        long fitting;
        BigInteger beyond = BigInteger.ZERO;

        void add(long fen) {
            long sum = fitting + fen;
            if (((fitting ^ sum) & (fen ^ sum)) < 0) {
                beyond = beyond.add(BigInteger.valueOf(fen));
            } else {
                fitting = sum;
            }
        }

        BigInteger total() {
            return BigInteger.valueOf(fitting).add(beyond);
        }
    }
}
