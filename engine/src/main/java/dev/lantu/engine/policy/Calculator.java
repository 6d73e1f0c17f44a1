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
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

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
    private final Map<String, Assessor> assessors = new LinkedHashMap<>();
    private final Map<String, IssuerCap> issuerCaps;

    public Calculator(Schema schema, List<PolicyDocument> policies, List<IssuerCap> issuerCaps) {
        this.policies = policies.stream()
                .sorted(Comparator.comparing(PolicyDocument::effectiveFrom).thenComparing(PolicyDocument::id))
                .toList();
        for (PolicyDocument policy : this.policies) {
            if (assessors.put(policy.id(), new Assessor(schema, policy.parameters())) != null) {
                throw new IllegalArgumentException("two policies have the id " + policy.id());
            }
        }
        this.issuerCaps = issuerCaps.stream().collect(Collectors.toMap(IssuerCap::issuer, Function.identity(),
                (first, second) -> {
                    throw new IllegalArgumentException("two caps for the issuer " + first.issuer());
                }));
    }

    /** The policies in the order ties are broken: by date in force, then by id. */
    public List<PolicyDocument> policies() {
        return policies;
    }

    public Calculation calculate(Enterprise enterprise, int applicationYear, LocalDate applicationDate) {
        List<Working> all = new ArrayList<>();
        Map<PolicyDocument, List<Working>> byPolicy = new LinkedHashMap<>();
        for (PolicyDocument policy : policies) {
            List<Working> clauses = new ArrayList<>();
            if (inForce(policy, applicationDate)) {
                Assessor assessor = assessors.get(policy.id());
                for (PolicyDocument.PolicyClause entry : policy.clauses()) {
                    Assessment assessment = assessor.assess(entry.clause(), enterprise, applicationYear, applicationDate);
                    clauses.add(new Working(policy, entry, assessment));
                }
            }
            byPolicy.put(policy, clauses);
            all.addAll(clauses);
        }
        excludeBySubject(all);
        byPolicy.forEach((policy, clauses) -> {
            if (policy.capPerEnterprisePerYear() != null) {
                share(clauses, policy.capPerEnterprisePerYear(), Reduction.Kind.POLICY_CAP, "reduction.policy-cap",
                        "the policy's cap of " + Printer.money(policy.capPerEnterprisePerYear())
                                + " per enterprise per year");
            }
        });
        issuerCaps.values().forEach(cap -> {
            List<Working> clauses = all.stream().filter(working -> working.policy.issuer() != null
                    && working.policy.issuer().equals(cap.issuer())).toList();
            share(clauses, cap.fen(), Reduction.Kind.ISSUER_CAP, "reduction.issuer-cap",
                    "the cap of " + Printer.money(cap.fen()) + " per enterprise per year on all policies of "
                            + cap.issuer() + (cap.reference().isBlank() ? "" : " (" + cap.reference() + ")"));
        });

        List<Calculation.PolicyOutcome> outcomes = new ArrayList<>();
        SortedSet<Fact> missing = new TreeSet<>();
        long total = 0;
        for (Map.Entry<PolicyDocument, List<Working>> entry : byPolicy.entrySet()) {
            List<Calculation.ClauseOutcome> clauses = entry.getValue().stream().map(Working::outcome).toList();
            long policyTotal = clauses.stream().filter(Calculation.ClauseOutcome::determined)
                    .mapToLong(Calculation.ClauseOutcome::awardedFen).sum();
            entry.getValue().forEach(working -> missing.addAll(working.assessment.missing()));
            outcomes.add(new Calculation.PolicyOutcome(entry.getKey(), inForce(entry.getKey(), applicationDate),
                    clauses, policyTotal));
            total += policyTotal;
        }
        return new Calculation(applicationYear, applicationDate, outcomes, total, missing);
    }

    static boolean inForce(PolicyDocument policy, LocalDate date) {
        return !date.isBefore(policy.effectiveFrom()) && (policy.effectiveTo() == null || !date.isAfter(policy.effectiveTo()));
    }

    private static void excludeBySubject(List<Working> all) {
        Map<String, List<Working>> bySubject = all.stream()
                .filter(working -> working.paid != null && working.paid > 0 && !working.entry.clause().subject().isBlank())
                .collect(Collectors.groupingBy(working -> working.entry.clause().subject(), LinkedHashMap::new,
                        Collectors.toList()));
        bySubject.forEach((subject, rivals) -> {
            // the list keeps the tie order (policies by date in force and id, clauses in document order)
            Working winner = rivals.get(0);
            for (Working rival : rivals) {
                if (rival.paid > winner.paid) {
                    winner = rival;
                }
            }
            for (Working rival : rivals) {
                if (rival != winner) {
                    rival.cut(Reduction.Kind.EXCLUSIVE_SUBJECT, 0, "reduction.exclusive-subject",
                            List.of(subject, winner.label(), Printer.money(winner.paid)),
                            "only the highest award on the subject " + subject + " is paid (就高不重复): "
                                    + winner.label() + " pays " + Printer.money(winner.paid));
                }
            }
        });
    }

    private static void share(List<Working> clauses, long capFen, Reduction.Kind kind, String code, String rule) {
        List<Working> paying = clauses.stream().filter(working -> working.paid != null).toList();
        long[] claims = paying.stream().mapToLong(working -> working.paid).toArray();
        long[] shares = ProRata.share(claims, capFen);
        long claimed = java.util.Arrays.stream(claims).sum();
        for (int i = 0; i < shares.length; i++) {
            if (shares[i] < claims[i]) {
                paying.get(i).cut(kind, shares[i], code, List.of(Printer.money(capFen), Printer.money(claimed)),
                        rule + " binds: the clauses claim " + Printer.money(claimed)
                                + " together, so each gets its share in proportion to its award");
            }
        }
    }

    /** A clause on its way through the rules: what it would be paid so far, and every cut. */
    private static final class Working {
        final PolicyDocument policy;
        final PolicyDocument.PolicyClause entry;
        final Assessment assessment;
        final Value entitlement;
        final List<Reduction> reductions = new ArrayList<>();
        /** {@code null} while the payment is not determined */
        Long paid;

        Working(PolicyDocument policy, PolicyDocument.PolicyClause entry, Assessment assessment) {
            this.policy = policy;
            this.entry = entry;
            this.assessment = assessment;
            this.entitlement = assessment.awarded();
            boolean determined = assessment.status() == Assessment.Status.ELIGIBLE
                    || assessment.status() == Assessment.Status.NOT_ELIGIBLE;
            if (determined && entitlement instanceof Value.Money money) {
                paid = money.fen();
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
            return new Calculation.ClauseOutcome(entry, assessment, entitlement, paid, reductions);
        }
    }
}
