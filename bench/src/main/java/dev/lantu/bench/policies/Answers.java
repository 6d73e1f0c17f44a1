package dev.lantu.bench.policies;

import java.util.List;

/**
 * What a contestant answers for each clause: how many enterprises are eligible, how many undetermined
 * (a missing fact could make them eligible), the total award to the eligible in fen after the clause's
 * cap, and a checksum (the sum of the eligible enterprises' 1-based ids), so that two answers with
 * the same counts but different enterprises still differ.
 */
public final class Answers {

    private final long[] eligible;
    private final long[] undetermined;
    private final long[] awardFen;
    private final long[] checksum;
    private boolean checksums = true;

    public Answers(int clauses) {
        eligible = new long[clauses];
        undetermined = new long[clauses];
        awardFen = new long[clauses];
        checksum = new long[clauses];
    }

    public int clauses() {
        return eligible.length;
    }

    /** Records one eligible enterprise with its award. */
    public void eligible(int clause, int id, long award) {
        eligible[clause]++;
        awardFen[clause] += award;
        checksum[clause] += id;
    }

    public void countUndetermined(int clause) {
        undetermined[clause]++;
    }

    /** Adds a clause's totals, as a database or a chunk reports them. */
    public void add(int clause, long eligibleCount, long undeterminedCount, long award, long idSum) {
        eligible[clause] += eligibleCount;
        undetermined[clause] += undeterminedCount;
        awardFen[clause] += award;
        checksum[clause] += idSum;
    }

    /** Marks answers whose contestant gave counts and totals but no checksums; they are compared without them. */
    public void withoutChecksums() {
        checksums = false;
    }

    public boolean hasChecksums() {
        return checksums;
    }

    public Answers merge(Answers other) {
        for (int c = 0; c < eligible.length; c++) {
            add(c, other.eligible[c], other.undetermined[c], other.awardFen[c], other.checksum[c]);
        }
        return this;
    }

    public long eligible(int clause) {
        return eligible[clause];
    }

    public long undetermined(int clause) {
        return undetermined[clause];
    }

    public long awardFen(int clause) {
        return awardFen[clause];
    }

    public long checksum(int clause) {
        return checksum[clause];
    }

    public long totalEligible() {
        return java.util.Arrays.stream(eligible).sum();
    }

    public long totalAwardFen() {
        return java.util.Arrays.stream(awardFen).sum();
    }

    /** The first clause where the two answers differ, described, or {@code null} when they agree everywhere. */
    public String firstDifference(Answers other, List<Workload.WorkloadClause> clauses) {
        for (int c = 0; c < eligible.length; c++) {
            if (eligible[c] != other.eligible[c] || undetermined[c] != other.undetermined[c]
                    || awardFen[c] != other.awardFen[c] || (checksums && other.checksums && checksum[c] != other.checksum[c])) {
                Workload.WorkloadClause clause = clauses.get(c);
                return "clause " + clause.spec().id() + " (" + clause.spec().eligibilityText() + " → " + clause.spec().awardText()
                        + "): " + describe(c) + " vs " + other.describe(c);
            }
        }
        return null;
    }

    String describe(int c) {
        return "eligible " + eligible[c] + ", undetermined " + undetermined[c] + ", award " + awardFen[c] + " fen, checksum "
                + checksum[c];
    }
}
