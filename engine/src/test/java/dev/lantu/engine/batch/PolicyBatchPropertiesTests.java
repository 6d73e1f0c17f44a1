package dev.lantu.engine.batch;

import static dev.lantu.engine.Examples.SCHEMA;
import static dev.lantu.engine.Properties.forAll;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lantu.engine.eval.Enterprise;
import dev.lantu.engine.eval.RandomClauses;
import dev.lantu.engine.policy.Calculation;
import dev.lantu.engine.policy.Calculator;
import dev.lantu.engine.policy.Clause;
import dev.lantu.engine.policy.ClauseSource;
import dev.lantu.engine.policy.IssuerCap;
import dev.lantu.engine.policy.PolicyDocument;
import dev.lantu.engine.policy.Reduction;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Over a whole registry, {@link PolicyBatch} pays every enterprise what the {@link Calculator} pays it,
 * policy by policy and clause by clause, for random policies whose clauses compete for subjects and
 * whose caps (per clause, per policy, per issuer) bind at random.
 */
class PolicyBatchPropertiesTests {

    private static final List<String> SUBJECTS = List.of("", "", "算力", "研发");
    private static final List<String> ISSUERS = List.of("区科技局", "区工信局");
    private static final List<LocalDate> STARTS = List.of(LocalDate.of(2023, 1, 1), LocalDate.of(2024, 6, 1),
            LocalDate.of(2025, 1, 1), LocalDate.of(2025, 9, 1));

    record Scenario(List<PolicyDocument> policies, List<IssuerCap> issuerCaps, List<BatchPropertiesTests.Firm> firms,
                    LocalDate applicationDate) {
        @Override
        public String toString() {
            StringBuilder text = new StringBuilder("applied on " + applicationDate + ", issuer caps " + issuerCaps);
            for (PolicyDocument policy : policies) {
                text.append("\n").append(policy.id()).append(" by ").append(policy.issuer()).append(" from ")
                        .append(policy.effectiveFrom()).append(", cap ").append(policy.capPerEnterprisePerYear());
                for (PolicyDocument.PolicyClause entry : policy.clauses()) {
                    Clause clause = entry.clause();
                    text.append("\n  ").append(clause.id()).append(" [").append(clause.subject()).append("] cap ")
                            .append(clause.capFen());
                }
            }
            return text + "\n" + firms.size() + " enterprises";
        }
    }

    static Scenario scenario(SplittableRandom random) {
        List<PolicyDocument> policies = new ArrayList<>();
        int policyCount = 1 + random.nextInt(4);
        for (int p = 0; p < policyCount; p++) {
            List<PolicyDocument.PolicyClause> clauses = new ArrayList<>();
            int clauseCount = 1 + random.nextInt(4);
            for (int c = 0; c < clauseCount; c++) {
                ClauseSource drawn = BatchPropertiesTests.clause(random, c);
                ClauseSource source = new ClauseSource(drawn.id(), "", RandomClauses.pick(random, SUBJECTS),
                        drawn.eligibility(), drawn.award(), drawn.capFen(), drawn.delivery(), "");
                clauses.add(new PolicyDocument.PolicyClause(BatchPropertiesTests.compile(List.of(source)).get(0), false, ""));
            }
            Long cap = RandomClauses.pick(random, null, 0L, 100_000_000L, 1_000_000_000L, 3_000_000_000L);
            policies.add(new PolicyDocument("p" + p, "政策" + p, "", RandomClauses.pick(random, ISSUERS), "",
                    List.of("440100"), RandomClauses.pick(random, STARTS), null,
                    new PolicyDocument.Source("test", "", "", ""), BatchPropertiesTests.PARAMETERS, clauses, cap, null));
        }
        List<IssuerCap> issuerCaps = new ArrayList<>();
        for (String issuer : ISSUERS) {
            if (random.nextBoolean()) {
                issuerCaps.add(new IssuerCap(issuer, RandomClauses.pick(random, 50_000_000L, 500_000_000L, 2_000_000_000L), ""));
            }
        }
        List<BatchPropertiesTests.Firm> firms = new ArrayList<>();
        int size = 1 + random.nextInt(120);
        for (int i = 0; i < size; i++) {
            firms.add(BatchPropertiesTests.firm(random));
        }
        return new Scenario(policies, issuerCaps, firms, RandomClauses.pick(random, STARTS).plusDays(random.nextInt(200)));
    }

    private final Set<Reduction.Kind> seen = EnumSet.noneOf(Reduction.Kind.class);

    @Test
    void theBatchPaysEveryEnterpriseWhatTheCalculatorPaysIt() {
        forAll(150, PolicyBatchPropertiesTests::scenario, scenario -> {
            List<Enterprise> enterprises = scenario.firms().stream().map(BatchPropertiesTests.Firm::enterprise).toList();
            Calculator calculator = new Calculator(SCHEMA, scenario.policies(), scenario.issuerCaps());
            PolicyPayments payments = new PolicyBatch(SCHEMA, scenario.policies(), scenario.issuerCaps())
                    .run(EnterpriseColumns.of(SCHEMA, 2022, 2025, enterprises), RandomClauses.YEAR, scenario.applicationDate());
            assertThat(payments.policies()).isEqualTo(calculator.policies());
            for (int e = 0; e < enterprises.size(); e++) {
                Calculation calculation = calculator.calculate(enterprises.get(e), RandomClauses.YEAR, scenario.applicationDate());
                for (int p = 0; p < calculation.policies().size(); p++) {
                    Calculation.PolicyOutcome outcome = calculation.policies().get(p);
                    String where = "enterprise " + e + " (" + scenario.firms().get(e) + "), policy " + outcome.policy().id();
                    assertThat(payments.inForce(p)).as(where).isEqualTo(outcome.inForce());
                    assertThat(payments.paidFen(p, e)).as(where).isEqualTo(outcome.totalFen());
                    assertThat(payments.complete(p, e)).as(where).isEqualTo(outcome.complete());
                    for (int c = 0; c < outcome.clauses().size(); c++) {
                        Calculation.ClauseOutcome clause = outcome.clauses().get(c);
                        assertThat(payments.clauseDetermined(p, c, e)).as(where + ", clause " + c).isEqualTo(clause.determined());
                        assertThat(payments.clauseStatus(p, c, e)).as(where + ", clause " + c).isEqualTo(clause.status());
                        Long entitlement = clause.status() == dev.lantu.engine.policy.Assessment.Status.FAILED ? null
                                : clause.entitlement() instanceof dev.lantu.engine.eval.Value.Money money ? money.fen() : null;
                        assertThat(payments.clauseAwardFen(p, c, e)).as(where + ", clause " + c).isEqualTo(entitlement);
                        if (clause.determined()) {
                            assertThat(payments.clausePaidFen(p, c, e)).as(where + ", clause " + c).isEqualTo(clause.awardedFen());
                        }
                        clause.reductions().forEach(cut -> seen.add(cut.kind()));
                    }
                }
            }
        });
        // the scenarios reach every rule, or the property proves less than it says
        assertThat(seen).containsAll(EnumSet.allOf(Reduction.Kind.class));
    }
}
