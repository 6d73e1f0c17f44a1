package dev.lantu.engine.batch;

import static dev.lantu.engine.Properties.forAll;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lantu.engine.BundledPolicies;
import dev.lantu.engine.eval.Enterprise;
import dev.lantu.engine.eval.MapEnterprise;
import dev.lantu.engine.eval.RandomClauses;
import dev.lantu.engine.eval.Value;
import dev.lantu.engine.lang.Schema;
import dev.lantu.engine.policy.Assessor;
import dev.lantu.engine.policy.Clause;
import dev.lantu.engine.policy.PolicyDocument;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Haizhu's large-model policy (the bundled dataset's policies/) assessed in batch over generated
 * enterprises, in and out of Haizhu, with filings before and after the policy, amounts whose 30%
 * falls on half a fen, and facts missing: the same statuses and awards as the assessor.
 */
class HaizhuPolicyBatchTests {

    private static final Schema SCHEMA = BundledPolicies.schema();
    private static final PolicyDocument POLICY = BundledPolicies.policy(BundledPolicies.HAIZHU);
    private static final List<Clause> CLAUSES = POLICY.clauses().stream().map(PolicyDocument.PolicyClause::clause).toList();

    /** An enterprise in the shape the policy asks about; each fact known two times in three. */
    static Enterprise enterprise(SplittableRandom random) {
        MapEnterprise.Builder builder = MapEnterprise.builder();
        if (random.nextInt(3) > 0) {
            builder.fact("district", Value.text(RandomClauses.pick(random, "440105", "440105", "440106", "440104")));
        }
        if (random.nextInt(3) > 0) {
            builder.fact("large_model_enterprise", Value.bool(random.nextBoolean()));
        }
        if (random.nextInt(3) > 0) {
            builder.fact("llm_filing_first_on", Value.date(LocalDate.of(2023, 6, 1).plusDays(random.nextInt(900))));
        }
        if (random.nextInt(3) > 0) {
            builder.fact("algorithm_filing_first_on", Value.date(LocalDate.of(2024, 6, 10).plusDays(random.nextInt(20))));
        }
        for (int year = 2023; year <= 2025; year++) {
            if (random.nextInt(3) > 0) {
                builder.fact("model_optimisation_expense", year, Value.money(random.nextBoolean() ? 0 : random.nextLong(1, 5_000_000_000L)));
            }
            if (random.nextInt(3) > 0) {
                builder.fact("scenario_demonstration_project", year, Value.bool(random.nextBoolean()));
            }
            if (random.nextInt(3) > 0) {
                // odd multiples of 5 fen: 30% of them ends in half a fen
                long input = random.nextBoolean() ? random.nextLong(0, 4_000_000_000L) : 5 * (2 * random.nextLong(0, 1_000_000) + 1);
                builder.fact("scenario_project_input", year, Value.money(input));
            }
        }
        return builder.build();
    }

    @Test
    void thePlanSharesTheDistrictTestOfItsFourClauses() {
        BatchPlan plan = BatchEvaluator.compile(CLAUSES, SCHEMA, POLICY.parameters().inForceOn(POLICY.effectiveFrom()), 2025);
        assertThat(plan.clauseIds()).containsExactly("llm-filing", "algorithm-filing", "model-optimisation",
                "application-scenario");
        // district, "440105" and their comparison are one node, not four each
        assertThat(plan.distinctNodes()).isLessThanOrEqualTo(plan.expressionNodes() - 9);
    }

    /** Enterprises, the year they apply for, and the date of the rule in force. */
    record Population(List<Enterprise> enterprises, int year, LocalDate ruleDate) {
    }

    @Test
    void theBatchAssessesHaizhusPolicyAsTheAssessorDoes() {
        Assessor assessor = new Assessor(SCHEMA, POLICY.parameters());
        forAll(40, random -> {
            List<Enterprise> enterprises = new ArrayList<>();
            for (int i = 0, n = random.nextInt(400); i < n; i++) {
                enterprises.add(enterprise(random));
            }
            return new Population(enterprises, RandomClauses.pick(random, 2024, 2025),
                    RandomClauses.pick(random, POLICY.effectiveFrom(), LocalDate.of(2025, 3, 1)));
        }, population -> {
            List<Enterprise> enterprises = population.enterprises();
            int year = population.year();
            LocalDate ruleDate = population.ruleDate();
            BatchPlan plan = BatchEvaluator.compile(CLAUSES, SCHEMA, POLICY.parameters().inForceOn(ruleDate), year, 128);
            EnterpriseColumns columns = EnterpriseColumns.of(SCHEMA, 2022, 2025, enterprises);
            BatchResult result = plan.run(columns);
            BatchAgreement.assertAgrees(result, CLAUSES, enterprises, assessor, year, ruleDate,
                    e -> enterprises.get(e).toString());
            BatchAgreement.assertSummarizes(plan.summarize(columns), result);
        });
    }
}
