package dev.lantu.engine.batch;

import dev.lantu.engine.policy.AboveClauseRules;
import dev.lantu.engine.policy.Assessment;
import dev.lantu.engine.policy.PolicyDocument;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.List;

/**
 * What each policy pays each enterprise of a registry after every rule, as {@link PolicyBatch}
 * computed it. A clause whose payment is not determined for an enterprise (undetermined eligibility,
 * unknown amount, failed, or a policy not in force) counts as paying nothing, and is counted apart so a
 * simulation can say how much of the registry it could not decide.
 */
public final class PolicyPayments {

    private final List<PolicyDocument> policies;
    private final boolean[] inForce;
    private final int[] firstClause;
    /** [clause number across policies][enterprise]; {@link AboveClauseRules#NOT_TAKING_PART} when not determined */
    private final long[][] paid;
    /** each policy's clauses as they stand on their own; null for a policy not in force */
    private final List<BatchResult> clauseResults;
    private final int applicationYear;
    private final LocalDate applicationDate;

    PolicyPayments(List<PolicyDocument> policies, boolean[] inForce, int[] firstClause, long[][] paid,
                   List<BatchResult> clauseResults, int applicationYear, LocalDate applicationDate) {
        this.policies = policies;
        this.inForce = inForce;
        this.firstClause = firstClause;
        this.paid = paid;
        this.clauseResults = clauseResults;
        this.applicationYear = applicationYear;
        this.applicationDate = applicationDate;
    }

    public List<PolicyDocument> policies() {
        return policies;
    }

    public int enterprises() {
        return paid.length == 0 ? 0 : paid[0].length;
    }

    public int applicationYear() {
        return applicationYear;
    }

    public LocalDate applicationDate() {
        return applicationDate;
    }

    public boolean inForce(int policy) {
        return inForce[policy];
    }

    /** What clause {@code clause} (its index in the policy's document) pays the enterprise; 0 when not determined. */
    public long clausePaidFen(int policy, int clause, int enterprise) {
        long amount = paid[firstClause[policy] + clause][enterprise];
        return amount == AboveClauseRules.NOT_TAKING_PART ? 0 : amount;
    }

    /**
     * The clause's own result for the enterprise, before the rules above the clause: eligible, not
     * eligible, undetermined or failed (the calculator's {@code Assessment.status()}); null when the
     * policy is not in force, so no clause of it was assessed. An eligible clause may still pay 0 when
     * another clause of the same subject wins (就高不重复) or a cap leaves it nothing.
     */
    public Assessment.Status clauseStatus(int policy, int clause, int enterprise) {
        BatchResult result = clauseResults.get(policy);
        return result == null ? null : result.status(clause, enterprise);
    }

    /**
     * The clause's award after its own cap, before exclusive subjects and the policy's and issuer's caps
     * (the calculator's entitlement); null when it is not known (undetermined amount, failed clause,
     * policy not in force). What an undetermined clause would pay.
     */
    public Long clauseAwardFen(int policy, int clause, int enterprise) {
        BatchResult result = clauseResults.get(policy);
        return result == null || !result.isAwardKnown(clause, enterprise) ? null : result.awardFen(clause, enterprise);
    }

    /** Whether the clause's payment to the enterprise is determined. */
    public boolean clauseDetermined(int policy, int clause, int enterprise) {
        return paid[firstClause[policy] + clause][enterprise] != AboveClauseRules.NOT_TAKING_PART;
    }

    /** What the policy pays the enterprise from its determined clauses: the calculator's policy total. */
    public long paidFen(int policy, int enterprise) {
        long total = 0;
        for (int c = 0; c < policies.get(policy).clauses().size(); c++) {
            total += clausePaidFen(policy, c, enterprise);
        }
        return total;
    }

    /** Whether every clause of an in-force policy is determined for the enterprise. */
    public boolean complete(int policy, int enterprise) {
        for (int c = 0; inForce[policy] && c < policies.get(policy).clauses().size(); c++) {
            if (!clauseDetermined(policy, c, enterprise)) {
                return false;
            }
        }
        return true;
    }

    /** The policy's cost over the registry, exact at any size. */
    public BigInteger totalFen(int policy) {
        BigInteger total = BigInteger.ZERO;
        long running = 0;
        for (int e = 0; e < enterprises(); e++) {
            long amount = paidFen(policy, e);
            if (running > Long.MAX_VALUE - amount) {
                total = total.add(BigInteger.valueOf(running));
                running = 0;
            }
            running += amount;
        }
        return total.add(BigInteger.valueOf(running));
    }

    /** How many enterprises the policy pays something. */
    public long payees(int policy) {
        long count = 0;
        for (int e = 0; e < enterprises(); e++) {
            if (paidFen(policy, e) > 0) {
                count++;
            }
        }
        return count;
    }

    /** How many enterprises have a clause of the policy still undetermined. */
    public long incomplete(int policy) {
        long count = 0;
        for (int e = 0; e < enterprises(); e++) {
            if (!complete(policy, e)) {
                count++;
            }
        }
        return count;
    }
}
