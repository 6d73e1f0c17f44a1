package dev.lantu.engine.batch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lantu.engine.eval.Enterprise;
import dev.lantu.engine.eval.Value;
import dev.lantu.engine.policy.Assessment;
import dev.lantu.engine.policy.Assessor;
import dev.lantu.engine.policy.Clause;
import java.time.LocalDate;
import java.util.List;
import java.util.function.IntFunction;
import java.util.function.Supplier;

/** Checks a batch result against the reference: {@link Assessor} on each clause and each enterprise. */
final class BatchAgreement {

    private BatchAgreement() {
    }

    /**
     * Asserts that {@code result} gives, for every clause and enterprise, the status and the award
     * after the cap that the assessor gives; {@code describe} names an enterprise in a failure.
     */
    static void assertAgrees(BatchResult result, List<Clause> clauses, List<? extends Enterprise> enterprises,
                             Assessor assessor, int year, LocalDate ruleDate, IntFunction<String> describe) {
        assertThat(result.enterprises()).isEqualTo(enterprises.size());
        for (int c = 0; c < clauses.size(); c++) {
            Clause clause = clauses.get(c);
            for (int e = 0; e < enterprises.size(); e++) {
                Assessment expected = assessor.assess(clause, enterprises.get(e), year, ruleDate);
                int enterprise = e;
                Supplier<String> where = () -> "clause " + clause.id() + " (eligibility: "
                        + clause.eligibility().source() + "; award: " + clause.award().source() + "; cap: " + clause.capFen() + ") on enterprise " + enterprise + ": "
                        + describe.apply(enterprise) + "\nreference: " + expected.status() + ", " + expected.awarded()
                        + (expected.error() == null ? "" : ", " + expected.error());
                assertThat(result.status(c, e)).as(where).isEqualTo(expected.status());
                Value awarded = expected.awarded();
                if (awarded == null || awarded.isUnknown()) {
                    assertThat(result.isAwardKnown(c, e)).as(where).isFalse();
                } else {
                    assertThat(result.isAwardKnown(c, e)).as(where).isTrue();
                    assertThat(result.awardFen(c, e)).as(where).isEqualTo(((Value.Money) awarded).fen());
                }
            }
        }
    }

    /** Asserts that a summary holds the counts and totals of the full result. */
    static void assertSummarizes(BatchSummary summary, BatchResult result) {
        assertThat(summary.clauseIds()).isEqualTo(result.clauseIds());
        for (int c = 0; c < result.clauseIds().size(); c++) {
            for (Assessment.Status status : Assessment.Status.values()) {
                assertThat(summary.count(c, status)).as("%s %s", result.clauseIds().get(c), status)
                        .isEqualTo(result.count(c, status));
            }
            assertThat(summary.eligibleFen(c)).isEqualTo(result.eligibleFen(c));
            long unknown = 0;
            for (int e = 0; e < result.enterprises(); e++) {
                if (result.statusCode(c, e) == BatchResult.ELIGIBLE && !result.isAwardKnown(c, e)) {
                    unknown++;
                }
            }
            assertThat(summary.eligibleWithUnknownAward(c)).isEqualTo(unknown);
        }
        assertThat(summary.nodeEvaluations()).isEqualTo(result.nodeEvaluations());
    }
}
