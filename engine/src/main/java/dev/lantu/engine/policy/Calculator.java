package dev.lantu.engine.policy;

import dev.lantu.engine.eval.Enterprise;
import dev.lantu.engine.eval.Fact;
import dev.lantu.engine.eval.Value;
import dev.lantu.engine.lang.Printer;
import dev.lantu.engine.lang.Schema;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The policy calculator (政策计算器): every clause of every policy for one enterprise and one
 * application year, and then the rules that sit above single clauses, in this order:
 * <ol>
 *   <li>each clause's own cap (the {@link Assessor});</li>
 *   <li>exclusive subjects (就高不重复): among clauses with the same subject, across policies, only the
 *       highest award is paid; a tie goes to the earlier policy (by date in force, then id), then the
 *       earlier clause in its document;</li>
 *   <li>each policy's cap per enterprise per year, shared among its clauses in proportion to their
 *       awards ({@link ProRata});</li>
 *   <li>each issuer's cap per enterprise per year, shared in the same way among the clauses of all its
 *       policies.</li>
 * </ol>
 * Exclusion comes before the caps because "就高" compares what each clause entitles the enterprise to,
 * and the caps limit what is paid out of that. The rules apply to the clauses whose eligibility and
 * amount are both known; an undetermined clause keeps the amount it would give and is named, so a
 * reader sees what could still change. The rule date of every assessment is the application date: the
 * rule as it stands when the enterprise applies. A policy's budget limits the sum over enterprises and
 * is checked where awards are approved, not here.
 */
public final class Calculator {

    private final List<PolicyDocument> policies;
    private final List<Assessor> assessors;
    private final AboveClauseRules rules;

    public Calculator(Schema schema, List<PolicyDocument> policies, List<IssuerCap> issuerCaps) {
        this.policies = inTieOrder(policies);
        this.assessors = this.policies.stream().map(policy -> new Assessor(schema, policy.parameters())).toList();
        Map<String, IssuerCap> byIssuer = new LinkedHashMap<>();
        for (IssuerCap cap : issuerCaps) {
            if (byIssuer.put(cap.issuer(), cap) != null) {
                throw new IllegalArgumentException("two caps for the issuer " + cap.issuer());
            }
        }
        this.rules = new AboveClauseRules(this.policies, byIssuer.values());
    }

    /**
     * The policies in the order ties are broken: by date in force, then by id.
     *
     * @throws IllegalArgumentException when two policies have one id
     */
    public static List<PolicyDocument> inTieOrder(List<PolicyDocument> policies) {
        Set<String> ids = new HashSet<>();
        for (PolicyDocument policy : policies) {
            if (!ids.add(policy.id())) {
                throw new IllegalArgumentException("two policies have the id " + policy.id());
            }
        }
        return policies.stream()
                .sorted(Comparator.comparing(PolicyDocument::effectiveFrom).thenComparing(PolicyDocument::id))
                .toList();
    }

    /** The policies in the order ties are broken: by date in force, then by id. */
    public List<PolicyDocument> policies() {
        return policies;
    }

    public Calculation calculate(Enterprise enterprise, int applicationYear, LocalDate applicationDate) {
        List<Working> all = new ArrayList<>(rules.clauseCount());
        for (int p = 0; p < policies.size(); p++) {
            PolicyDocument policy = policies.get(p);
            boolean inForce = inForce(policy, applicationDate);
            for (PolicyDocument.PolicyClause entry : policy.clauses()) {
                Assessment assessment = inForce
                        ? assessors.get(p).assess(entry.clause(), enterprise, applicationYear, applicationDate)
                        : null;
                all.add(new Working(policy, entry, assessment));
            }
        }
        long[] paid = new long[all.size()];
        for (int c = 0; c < paid.length; c++) {
            paid[c] = all.get(c).paid == null ? AboveClauseRules.NOT_TAKING_PART : all.get(c).paid;
        }
        rules.apply(paid, new Explaining(all));

        List<Calculation.PolicyOutcome> outcomes = new ArrayList<>();
        SortedSet<Fact> missing = new TreeSet<>();
        long total = 0;
        for (int p = 0; p < policies.size(); p++) {
            PolicyDocument policy = policies.get(p);
            boolean inForce = inForce(policy, applicationDate);
            List<Calculation.ClauseOutcome> clauses = new ArrayList<>();
            long policyTotal = 0;
            int first = rules.firstClause(p);
            for (int c = first; inForce && c < first + policy.clauses().size(); c++) {
                Calculation.ClauseOutcome outcome = all.get(c).outcome();
                clauses.add(outcome);
                missing.addAll(outcome.assessment().missing());
                policyTotal += outcome.determined() ? outcome.awardedFen() : 0;
            }
            outcomes.add(new Calculation.PolicyOutcome(policy, inForce, clauses, policyTotal));
            total += policyTotal;
        }
        return new Calculation(applicationYear, applicationDate, outcomes, total, missing);
    }

    /** Whether the application date falls in the policy's period. */
    public static boolean inForce(PolicyDocument policy, LocalDate date) {
        return !date.isBefore(policy.effectiveFrom()) && (policy.effectiveTo() == null || !date.isAfter(policy.effectiveTo()));
    }

    /** Turns the rules' cuts into reductions a reader can follow. */
    private final class Explaining implements AboveClauseRules.Cuts {
        private final List<Working> all;

        Explaining(List<Working> all) {
            this.all = all;
        }

        @Override
        public void excluded(int clause, long beforeFen, String subject, int winner, long winnerFen) {
            String label = all.get(winner).label();
            all.get(clause).cut(Reduction.Kind.EXCLUSIVE_SUBJECT, 0, "reduction.exclusive-subject",
                    List.of(subject, label, Printer.money(winnerFen)),
                    "only the highest award on the subject " + subject + " is paid (就高不重复): " + label + " pays "
                            + Printer.money(winnerFen));
        }

        @Override
        public void shared(int clause, long beforeFen, long afterFen, Reduction.Kind kind, int capOwner, long capFen,
                           long claimedFen) {
            String rule;
            String code;
            if (kind == Reduction.Kind.POLICY_CAP) {
                code = "reduction.policy-cap";
                rule = "the policy's cap of " + Printer.money(capFen) + " per enterprise per year";
            } else {
                IssuerCap cap = rules.issuerCaps().get(capOwner);
                code = "reduction.issuer-cap";
                rule = "the cap of " + Printer.money(capFen) + " per enterprise per year on all policies of "
                        + cap.issuer() + (cap.reference().isBlank() ? "" : " (" + cap.reference() + ")");
            }
            all.get(clause).cut(kind, afterFen, code, List.of(Printer.money(capFen), Printer.money(claimedFen)),
                    rule + " binds: the clauses claim " + Printer.money(claimedFen)
                            + " together, so each gets its share in proportion to its award");
        }
    }

    /** A clause on its way through the rules: what it would be paid so far, and every cut. */
    private static final class Working {
        final PolicyDocument policy;
        final PolicyDocument.PolicyClause entry;
        final Assessment assessment;
        final List<Reduction> reductions = new ArrayList<>();
        /** {@code null} while the payment is not determined */
        Long paid;

        /** @param assessment {@code null} when the policy is not in force */
        Working(PolicyDocument policy, PolicyDocument.PolicyClause entry, Assessment assessment) {
            this.policy = policy;
            this.entry = entry;
            this.assessment = assessment;
            if (assessment == null) {
                return;
            }
            boolean determined = assessment.status() == Assessment.Status.ELIGIBLE
                    || assessment.status() == Assessment.Status.NOT_ELIGIBLE;
            if (determined && assessment.awarded() instanceof Value.Money money) {
                paid = money.fen();
                if (paid < 0) {
                    cut(Reduction.Kind.NOTHING_BELOW_ZERO, 0, "reduction.nothing-below-zero",
                            List.of(Printer.money(money.fen())),
                            "the award comes to " + Printer.money(money.fen()) + ", less than nothing, so nothing is paid");
                }
            }
            Clause clause = entry.clause();
            if (clause.hasCap() && assessment.awardTrace() != null
                    && assessment.awardTrace().value() instanceof Value.Money computed
                    && computed.fen() > clause.capFen()) {
                reductions.add(new Reduction(Reduction.Kind.CLAUSE_CAP, computed.fen(), clause.capFen(),
                        "reduction.clause-cap", List.of(Printer.money(clause.capFen()), Printer.money(computed.fen())),
                        "the clause's cap of " + Printer.money(clause.capFen()) + " cut the award from "
                                + Printer.money(computed.fen())));
            }
        }

        String label() {
            return policy.id() + "/" + entry.clause().id();
        }

        void cut(Reduction.Kind kind, long toFen, String code, List<String> arguments, String explanation) {
            reductions.add(new Reduction(kind, paid, toFen, code, arguments, explanation));
            paid = toFen;
        }

        Calculation.ClauseOutcome outcome() {
            return new Calculation.ClauseOutcome(entry, assessment, assessment.awarded(), paid, reductions);
        }
    }
}
