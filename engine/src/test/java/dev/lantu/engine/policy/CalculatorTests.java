package dev.lantu.engine.policy;

import static dev.lantu.engine.Examples.SCHEMA;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lantu.engine.eval.Fact;
import dev.lantu.engine.eval.MapEnterprise;
import dev.lantu.engine.eval.Value;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class CalculatorTests {

    private static final LocalDate APPLIED_ON = LocalDate.of(2025, 3, 1);

    /** A policy with a cap of 200万 a year over three fixed-sum clauses, two on the subject 算力. */
    private static final PolicyDocument COMPUTE = policy("""
            id: compute-2025
            title: {zh: 算力补贴}
            issuer: 某区科技局
            regions: ["440106"]
            effective_from: 2025-01-01
            source: {title: 算力补贴办法}
            cap_per_enterprise_per_year: 200万元
            clauses:
              - id: purchases
                subject: 算力
                eligibility: compute_purchases[last_year] > 0元
                award: compute_purchases[last_year] * 20%
                cap: 150万元
                delivery: application
              - id: listed-bonus
                eligibility: listed
                award: 100万元
                delivery: application
              - id: hightech
                eligibility: '"高新技术企业" in qualifications'
                award: 30万元
                delivery: proactive
            """);

    /** Another issuer's policy that also pays for 算力, more generously. */
    private static final PolicyDocument CITY = policy("""
            id: city-compute-2024
            title: {zh: 市级算力券}
            issuer: 市工信局
            regions: ["440100"]
            effective_from: 2024-06-01
            source: {title: 算力券}
            clauses:
              - id: voucher
                subject: 算力
                eligibility: compute_purchases[last_year] >= 100万元
                award: compute_purchases[last_year] * 30%
                cap: 300万元
                delivery: application
            """);

    private static PolicyDocument policy(String yaml) {
        PolicyReader.Result result = new PolicyReader(SCHEMA).read("test.yaml", yaml);
        assertThat(result.errors()).isEmpty();
        return result.document();
    }

    private static MapEnterprise.Builder enterprise(String computePurchasesYuan) {
        return MapEnterprise.builder()
                .fact("listed", Value.bool(true))
                .fact("qualifications", Value.set("高新技术企业"))
                .fact("compute_purchases", 2024, Value.yuan(computePurchasesYuan));
    }

    private static Calculation.ClauseOutcome clause(Calculation calculation, String policy, String clause) {
        return calculation.policies().stream().filter(outcome -> outcome.policy().id().equals(policy)).findFirst()
                .orElseThrow().clauses().stream().filter(outcome -> outcome.clause().clause().id().equals(clause))
                .findFirst().orElseThrow();
    }

    @Test
    void aPolicyCapIsSharedAmongItsClausesInProportionToTheirAwards() {
        Calculator calculator = new Calculator(SCHEMA, List.of(COMPUTE), List.of());
        // purchases: 20% of 500万 = 100万; bonus 100万; hightech 30万: 230万 against a cap of 200万
        Calculation result = calculator.calculate(enterprise("5000000").build(), 2025, APPLIED_ON);
        assertThat(result.totalFen()).isEqualTo(200_0000_00L);
        // 100/230, 100/230 and 30/230 of 200万, in whole fen adding up to the cap
        assertThat(clause(result, "compute-2025", "purchases").awardedFen()).isEqualTo(86_956_522L);
        assertThat(clause(result, "compute-2025", "listed-bonus").awardedFen()).isEqualTo(86_956_522L);
        assertThat(clause(result, "compute-2025", "hightech").awardedFen()).isEqualTo(26_086_956L);
        assertThat(clause(result, "compute-2025", "hightech").reductions()).singleElement().satisfies(cut -> {
            assertThat(cut.kind()).isEqualTo(Reduction.Kind.POLICY_CAP);
            assertThat(cut.beforeFen()).isEqualTo(30_0000_00L);
            assertThat(cut.explanation()).contains("200万元").contains("230万元");
        });
        assertThat(result.complete()).isTrue();
    }

    @Test
    void underTheCapNothingIsCut() {
        Calculator calculator = new Calculator(SCHEMA, List.of(COMPUTE), List.of());
        Calculation result = calculator.calculate(enterprise("1000000").build(), 2025, APPLIED_ON);
        // 20万 + 100万 + 30万
        assertThat(result.totalFen()).isEqualTo(150_0000_00L);
        assertThat(result.policies().get(0).clauses()).allSatisfy(outcome -> assertThat(outcome.reductions()).isEmpty());
    }

    @Test
    void theClauseCapIsReportedAsTheFirstCut() {
        Calculator calculator = new Calculator(SCHEMA, List.of(COMPUTE), List.of());
        // 20% of 1000万 = 200万, cut to the clause's 150万, then the policy cap shares 200万 over 280万
        Calculation result = calculator.calculate(enterprise("10000000").build(), 2025, APPLIED_ON);
        assertThat(clause(result, "compute-2025", "purchases").reductions()).extracting(Reduction::kind)
                .containsExactly(Reduction.Kind.CLAUSE_CAP, Reduction.Kind.POLICY_CAP);
        assertThat(clause(result, "compute-2025", "purchases").entitlement()).isEqualTo(Value.yuan("1500000"));
        assertThat(result.totalFen()).isEqualTo(200_0000_00L);
    }

    @Test
    void onlyTheHighestAwardOnOneSubjectIsPaidAcrossPolicies() {
        Calculator calculator = new Calculator(SCHEMA, List.of(COMPUTE, CITY), List.of());
        // 算力: the district pays 20% of 200万 = 40万, the city 30% = 60万; the city's wins
        Calculation result = calculator.calculate(enterprise("2000000").build(), 2025, APPLIED_ON);
        assertThat(clause(result, "city-compute-2024", "voucher").awardedFen()).isEqualTo(60_0000_00L);
        Calculation.ClauseOutcome loser = clause(result, "compute-2025", "purchases");
        assertThat(loser.awardedFen()).isZero();
        assertThat(loser.entitlement()).isEqualTo(Value.yuan("400000"));
        assertThat(loser.reductions()).singleElement().satisfies(cut -> {
            assertThat(cut.kind()).isEqualTo(Reduction.Kind.EXCLUSIVE_SUBJECT);
            assertThat(cut.arguments()).containsExactly("算力", "city-compute-2024/voucher", "60万元");
        });
        assertThat(result.totalFen()).isEqualTo((60 + 100 + 30) * 1_0000_00L);
    }

    @Test
    void aTieOnOneSubjectGoesToThePolicyInForceFirst() {
        PolicyDocument same = policy("""
                id: a-later-policy
                title: {zh: 同额}
                issuer: 某区科技局
                regions: ["440106"]
                effective_from: 2025-02-01
                source: {title: 同额}
                clauses:
                  - id: same
                    subject: 算力
                    eligibility: true
                    award: 20万元
                    delivery: application
                """);
        Calculator calculator = new Calculator(SCHEMA, List.of(same, COMPUTE), List.of());
        Calculation result = calculator.calculate(enterprise("1000000").build(), 2025, APPLIED_ON);
        assertThat(clause(result, "compute-2025", "purchases").awardedFen()).isEqualTo(20_0000_00L);
        assertThat(clause(result, "a-later-policy", "same").awardedFen()).isZero();
        assertThat(calculator.policies()).extracting(PolicyDocument::id).containsExactly("compute-2025", "a-later-policy");
    }

    @Test
    void anIssuerCapBindsAcrossItsPolicies() {
        PolicyDocument second = policy("""
                id: talent-2025
                title: {zh: 人才奖励}
                issuer: 某区科技局
                regions: ["440106"]
                effective_from: 2025-01-01
                source: {title: 人才}
                clauses:
                  - id: team
                    eligibility: listed
                    award: 120万元
                    delivery: application
                """);
        IssuerCap cap = new IssuerCap("某区科技局", 250_0000_00L, "某区科技局 2025 年度资金管理办法");
        Calculator calculator = new Calculator(SCHEMA, List.of(COMPUTE, second), List.of(cap));
        // compute pays 150万 (20万 + 100万 + 30万), talent 120万: 270万 against the issuer's 250万
        Calculation result = calculator.calculate(enterprise("1000000").build(), 2025, APPLIED_ON);
        assertThat(result.totalFen()).isEqualTo(250_0000_00L);
        assertThat(clause(result, "talent-2025", "team").reductions()).singleElement()
                .satisfies(cut -> assertThat(cut.explanation()).contains("某区科技局 2025 年度资金管理办法"));
        assertThat(result.policies()).extracting(Calculation.PolicyOutcome::totalFen)
                .containsExactly(138_8888_89L, 111_1111_11L);
    }

    @Test
    void anUndeterminedClauseIsNamedButNotCountedAndNotCut() {
        Calculator calculator = new Calculator(SCHEMA, List.of(COMPUTE), List.of());
        MapEnterprise withoutPurchases = MapEnterprise.builder().fact("listed", Value.bool(true))
                .fact("qualifications", Value.set("高新技术企业")).build();
        Calculation result = calculator.calculate(withoutPurchases, 2025, APPLIED_ON);
        Calculation.ClauseOutcome purchases = clause(result, "compute-2025", "purchases");
        assertThat(purchases.status()).isEqualTo(Assessment.Status.UNDETERMINED);
        assertThat(purchases.determined()).isFalse();
        assertThat(result.complete()).isFalse();
        assertThat(result.missing()).containsExactly(Fact.of("compute_purchases", 2024));
        assertThat(result.totalFen()).isEqualTo(130_0000_00L);
    }

    @Test
    void aPolicyNotInForceOnTheApplicationDateIsNotAssessed() {
        Calculator calculator = new Calculator(SCHEMA, List.of(COMPUTE), List.of());
        Calculation result = calculator.calculate(enterprise("1000000").build(), 2024, LocalDate.of(2024, 12, 31));
        assertThat(result.policies()).singleElement().satisfies(outcome -> {
            assertThat(outcome.inForce()).isFalse();
            assertThat(outcome.clauses()).isEmpty();
        });
        assertThat(result.totalFen()).isZero();
    }

    @Test
    void twoPoliciesWithOneIdAreRefused() {
        assertThatThrownBy(() -> new Calculator(SCHEMA, List.of(COMPUTE, COMPUTE), List.of()))
                .hasMessageContaining("compute-2025");
    }
}
