package dev.lantu.engine.batch;

/**
 * How a clause's eligibility and award vectors become statuses, a word of 64 enterprises at a
 * time, as {@link dev.lantu.engine.policy.Assessor} decides them: a failed eligibility fails;
 * a false one is not eligible, pays 0 and its award does not count, even if it fails; otherwise
 * a failed award fails, and the award is known or not.
 */
final class Outcomes {

    final long failed;
    final long eligible;
    final long notEligible;
    final long undetermined;
    /** Rows whose award after the cap is known: not eligible (0), or eligible or undetermined with a known award. */
    final long awardKnown;

    Outcomes(Vector.Booleans eligibility, Vector.Longs award, int w, long valid) {
        long notEligible = eligibility.known[w] & ~eligibility.truth[w];
        long failed = eligibility.failed[w] | ~notEligible & award.failed[w];
        this.failed = failed & valid;
        this.notEligible = notEligible & valid;
        this.eligible = eligibility.truth[w] & ~failed & valid;
        this.undetermined = ~eligibility.known[w] & ~failed & valid;
        this.awardKnown = this.notEligible | (this.eligible | this.undetermined) & award.known[w];
    }

    /** The rows of word {@code w} that are in the chunk. */
    static long valid(Chunk chunk, int w) {
        int rest = chunk.length - (w << 6);
        return rest >= 64 ? -1L : (1L << rest) - 1;
    }

    /** The award after the clause's cap, of a row whose award is known and which is not "not eligible". */
    static long capped(long fen, Long capFen) {
        return capFen != null && fen > capFen ? capFen : fen;
    }
}
