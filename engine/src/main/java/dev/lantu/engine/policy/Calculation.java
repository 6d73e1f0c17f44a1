package dev.lantu.engine.policy;

import dev.lantu.engine.eval.Fact;
import dev.lantu.engine.eval.Value;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * What every policy means for one enterprise in one application year: each clause assessed, then
 * the rules above the clause applied (exclusive subjects, the policy's cap, the issuer's cap), with
 * every cut explained. {@link Calculator} makes it; {@code docs/policy-language.md} states the rules.
 *
 * @param totalFen what is due from the clauses whose eligibility and amount are both known
 * @param missing  the facts that would settle every undetermined clause
 */
public record Calculation(int applicationYear, LocalDate applicationDate, List<PolicyOutcome> policies, long totalFen,
                          SortedSet<Fact> missing) {

    public Calculation {
        policies = List.copyOf(policies);
        missing = new TreeSet<>(missing);
    }

    /** Whether some clause is still undetermined, so the total may grow once the missing facts are given. */
    public boolean complete() {
        return policies.stream().allMatch(PolicyOutcome::complete);
    }

    /**
     * One policy's part.
     *
     * @param inForce  whether the application date falls in the policy's period; when it does not,
     *                 no clause is assessed and {@code clauses} is empty
     * @param totalFen what the policy pays after every cut
     */
    public record PolicyOutcome(PolicyDocument policy, boolean inForce, List<ClauseOutcome> clauses, long totalFen) {

        public PolicyOutcome {
            Objects.requireNonNull(policy, "policy");
            clauses = List.copyOf(clauses);
        }

        public boolean complete() {
            return clauses.stream().allMatch(ClauseOutcome::determined);
        }
    }

    /**
     * One clause's part.
     *
     * @param assessment  the clause on its own: eligibility, amount after its own cap, traces, missing facts
     * @param entitlement what the clause alone gives after its cap: for an undetermined clause what it
     *                    would give if the missing facts make it eligible; possibly unknown; {@code null}
     *                    when the assessment failed
     * @param awardedFen  what is paid after every rule above the clause; {@code null} when not
     *                    determined (undetermined, an unknown amount, or a failed assessment)
     * @param reductions  every cut, in the order applied, including the clause's own cap
     */
    public record ClauseOutcome(PolicyDocument.PolicyClause clause, Assessment assessment, Value entitlement,
                                Long awardedFen, List<Reduction> reductions) {

        public ClauseOutcome {
            Objects.requireNonNull(clause, "clause");
            Objects.requireNonNull(assessment, "assessment");
            reductions = List.copyOf(reductions);
        }

        public boolean determined() {
            return awardedFen != null;
        }

        public Assessment.Status status() {
            return assessment.status();
        }
    }
}
