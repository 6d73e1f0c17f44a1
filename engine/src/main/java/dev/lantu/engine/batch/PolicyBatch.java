package dev.lantu.engine.batch;

import dev.lantu.engine.lang.Schema;
import dev.lantu.engine.policy.AboveClauseRules;
import dev.lantu.engine.policy.Calculator;
import dev.lantu.engine.policy.Clause;
import dev.lantu.engine.policy.IssuerCap;
import dev.lantu.engine.policy.PolicyDocument;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * What policies pay every enterprise of a registry, after the rules above the clause (exclusive
 * subjects, policy caps, issuer caps): the {@link Calculator}'s answer for each enterprise, computed
 * from columns. Each policy's clauses run as one {@link BatchPlan} with the parameters in force on the
 * application date; the rules then run per enterprise through the same {@link AboveClauseRules} the
 * calculator uses. This is what budget simulation and proactive matching (免申即享) sum.
 */
public final class PolicyBatch {

    private final Schema schema;
    private final List<PolicyDocument> policies;
    private final AboveClauseRules rules;

    public PolicyBatch(Schema schema, List<PolicyDocument> policies, List<IssuerCap> issuerCaps) {
        this.schema = schema;
        this.policies = Calculator.inTieOrder(policies);
        Map<String, IssuerCap> byIssuer = new LinkedHashMap<>();
        issuerCaps.forEach(cap -> {
            if (byIssuer.put(cap.issuer(), cap) != null) {
                throw new IllegalArgumentException("two caps for the issuer " + cap.issuer());
            }
        });
        this.rules = new AboveClauseRules(this.policies, byIssuer.values());
    }

    /** The policies in the calculator's tie order, which is the order of {@link PolicyPayments}. */
    public List<PolicyDocument> policies() {
        return policies;
    }

    public PolicyPayments run(EnterpriseColumns columns, int applicationYear, LocalDate applicationDate) {
        int enterprises = columns.size();
        List<BatchResult> results = new ArrayList<>();
        boolean[] inForce = new boolean[policies.size()];
        for (int p = 0; p < policies.size(); p++) {
            PolicyDocument policy = policies.get(p);
            inForce[p] = Calculator.inForce(policy, applicationDate);
            List<Clause> clauses = policy.clauses().stream().map(PolicyDocument.PolicyClause::clause).toList();
            results.add(inForce[p] ? BatchEvaluator.compile(clauses, schema, policy.parameters().inForceOn(applicationDate),
                    applicationYear).run(columns) : null);
        }
        long[][] paidByClause = new long[rules.clauseCount()][enterprises];
        int chunk = BatchEvaluator.DEFAULT_CHUNK_SIZE;
        IntStream.range(0, (enterprises + chunk - 1) / chunk).parallel().forEach(block -> {
            long[] paid = new long[rules.clauseCount()];
            for (int e = block * chunk; e < Math.min(enterprises, (block + 1) * chunk); e++) {
                for (int p = 0; p < policies.size(); p++) {
                    int first = rules.firstClause(p);
                    for (int c = 0; c < policies.get(p).clauses().size(); c++) {
                        paid[first + c] = inForce[p] ? payment(results.get(p), c, e) : AboveClauseRules.NOT_TAKING_PART;
                    }
                }
                rules.apply(paid, null);
                for (int c = 0; c < paid.length; c++) {
                    paidByClause[c][e] = paid[c];
                }
            }
        });
        int[] firstClause = IntStream.range(0, policies.size()).map(rules::firstClause).toArray();
        return new PolicyPayments(policies, inForce, firstClause, paidByClause, results, applicationYear, applicationDate);
    }

    /**
     * What the clause pays on its own: known for an eligible clause with a known award and for an
     * ineligible one; never below zero.
     */
    private static long payment(BatchResult result, int clause, int enterprise) {
        byte status = result.statusCode(clause, enterprise);
        if ((status == BatchResult.ELIGIBLE || status == BatchResult.NOT_ELIGIBLE) && result.isAwardKnown(clause, enterprise)) {
            return Math.max(0, result.awardFen(clause, enterprise));
        }
        return AboveClauseRules.NOT_TAKING_PART;
    }
}
