package dev.lantu.engine.policy;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rules that sit above single clauses, applied to what each clause would pay one enterprise:
 * exclusive subjects (就高不重复), each policy's cap per enterprise per year, each issuer's cap. One
 * implementation serves the explaining {@link Calculator} and the batch evaluation of whole
 * registries, so the two cannot drift apart; the order and the sharing rule are stated in
 * {@code docs/policy-language.md} ("Above the clause").
 *
 * <p>Clauses are numbered across the policies in the order given (the tie order: by date in force,
 * then id), each policy's clauses in document order. {@link #NOT_TAKING_PART} marks a clause whose
 * payment is not determined: undetermined, failed, or of a policy not in force. Payments are never
 * negative: an award that comes to less than zero pays nothing (the calculator says so).
 */
public final class AboveClauseRules {

    /** A payment that does not take part in the rules. */
    public static final long NOT_TAKING_PART = Long.MIN_VALUE;

    private final List<PolicyDocument> policies;
    private final int clauseCount;
    /** The first clause number of each policy, and one past the last at the end. */
    private final int[] policyStart;
    private final int[][] subjectGroups;
    private final List<IssuerCap> issuerCaps;
    private final int[][] issuerClauses;

    /** What the rules did, for an explanation; the batch passes none. */
    public interface Cuts {
        void excluded(int clause, long beforeFen, String subject, int winner, long winnerFen);

        void shared(int clause, long beforeFen, long afterFen, Reduction.Kind kind, int capOwner, long capFen,
                    long claimedFen);
    }

    public AboveClauseRules(List<PolicyDocument> policies, Collection<IssuerCap> issuerCaps) {
        this.policies = List.copyOf(policies);
        this.policyStart = new int[policies.size() + 1];
        Map<String, List<Integer>> bySubject = new LinkedHashMap<>();
        int next = 0;
        for (int p = 0; p < policies.size(); p++) {
            policyStart[p] = next;
            for (PolicyDocument.PolicyClause entry : policies.get(p).clauses()) {
                String subject = entry.clause().subject();
                if (!subject.isBlank()) {
                    bySubject.computeIfAbsent(subject, key -> new ArrayList<>()).add(next);
                }
                next++;
            }
        }
        policyStart[policies.size()] = next;
        this.clauseCount = next;
        this.subjectGroups = bySubject.values().stream().filter(group -> group.size() > 1)
                .map(group -> group.stream().mapToInt(Integer::intValue).toArray()).toArray(int[][]::new);
        this.issuerCaps = List.copyOf(issuerCaps);
        this.issuerClauses = new int[issuerCaps.size()][];
        for (int i = 0; i < this.issuerCaps.size(); i++) {
            String issuer = this.issuerCaps.get(i).issuer();
            List<Integer> clauses = new ArrayList<>();
            for (int p = 0; p < policies.size(); p++) {
                if (issuer.equals(policies.get(p).issuer())) {
                    for (int c = policyStart[p]; c < policyStart[p + 1]; c++) {
                        clauses.add(c);
                    }
                }
            }
            issuerClauses[i] = clauses.stream().mapToInt(Integer::intValue).toArray();
        }
    }

    public int clauseCount() {
        return clauseCount;
    }

    /** The number of the first clause of the policy at {@code policyIndex}. */
    public int firstClause(int policyIndex) {
        return policyStart[policyIndex];
    }

    public List<IssuerCap> issuerCaps() {
        return issuerCaps;
    }

    /**
     * Applies the rules to {@code paid} in place: exclusive subjects, then the policies' caps, then
     * the issuers'. {@link #NOT_TAKING_PART} entries stay as they are.
     *
     * @param cuts told of every cut, or {@code null}
     */
    public void apply(long[] paid, Cuts cuts) {
        for (int[] group : subjectGroups) {
            exclude(paid, group, cuts);
        }
        for (int p = 0; p < policies.size(); p++) {
            Long cap = policies.get(p).capPerEnterprisePerYear();
            if (cap != null) {
                share(paid, range(policyStart[p], policyStart[p + 1]), cap, Reduction.Kind.POLICY_CAP, p, cuts);
            }
        }
        for (int i = 0; i < issuerCaps.size(); i++) {
            share(paid, issuerClauses[i], issuerCaps.get(i).fen(), Reduction.Kind.ISSUER_CAP, i, cuts);
        }
    }

    private void exclude(long[] paid, int[] group, Cuts cuts) {
        int winner = -1;
        for (int clause : group) {
            // strictly greater: a tie stays with the earlier clause in the tie order
            if (paid[clause] > 0 && (winner < 0 || paid[clause] > paid[winner])) {
                winner = clause;
            }
        }
        if (winner < 0) {
            return;
        }
        for (int clause : group) {
            if (clause != winner && paid[clause] > 0) {
                if (cuts != null) {
                    cuts.excluded(clause, paid[clause], subjectOf(group), winner, paid[winner]);
                }
                paid[clause] = 0;
            }
        }
    }

    private String subjectOf(int[] group) {
        int clause = group[0];
        int policy = policyOf(clause);
        return policies.get(policy).clauses().get(clause - policyStart[policy]).clause().subject();
    }

    /** The index of the policy that holds clause number {@code clause}. */
    public int policyOf(int clause) {
        int policy = 0;
        while (policyStart[policy + 1] <= clause) {
            policy++;
        }
        return policy;
    }

    private static int[] range(int from, int to) {
        int[] clauses = new int[to - from];
        for (int i = 0; i < clauses.length; i++) {
            clauses[i] = from + i;
        }
        return clauses;
    }

    private static void share(long[] paid, int[] clauses, long capFen, Reduction.Kind kind, int owner, Cuts cuts) {
        long claimed = 0;
        int taking = 0;
        for (int clause : clauses) {
            if (paid[clause] > 0) {
                claimed = Math.addExact(claimed, paid[clause]);
                taking++;
            }
        }
        if (claimed <= capFen) {
            return;
        }
        int[] claimants = new int[taking];
        long[] claims = new long[taking];
        int k = 0;
        for (int clause : clauses) {
            if (paid[clause] > 0) {
                claimants[k] = clause;
                claims[k++] = paid[clause];
            }
        }
        long[] shares = ProRata.share(claims, capFen);
        for (int i = 0; i < taking; i++) {
            if (shares[i] < claims[i]) {
                if (cuts != null) {
                    cuts.shared(claimants[i], claims[i], shares[i], kind, owner, capFen, claimed);
                }
                paid[claimants[i]] = shares[i];
            }
        }
    }
}
