package dev.lantu.engine.batch;

import static dev.lantu.engine.Examples.SCHEMA;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lantu.engine.eval.Enterprise;
import dev.lantu.engine.eval.Fact;
import dev.lantu.engine.eval.MapEnterprise;
import dev.lantu.engine.eval.Value;
import dev.lantu.engine.policy.Assessment;
import dev.lantu.engine.policy.Assessor;
import dev.lantu.engine.policy.Clause;
import dev.lantu.engine.policy.ClauseSource;
import dev.lantu.engine.policy.Delivery;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.Test;

class BatchEvaluatorTests {

    private static final int YEAR = 2025;
    private static final LocalDate RULE_DATE = LocalDate.of(2025, 6, 1);
    private static final Assessor ASSESSOR = new Assessor(SCHEMA, BatchPropertiesTests.PARAMETERS);

    private static Clause clause(String id, String eligibility, String award, Long capFen) {
        Clause.Compiled compiled = Clause.compile(new ClauseSource(id, "", "", eligibility, award, capFen,
                Delivery.ON_APPLICATION, ""), SCHEMA, BatchPropertiesTests.PARAMETERS);
        assertThat(compiled.errors()).isEmpty();
        return compiled.clause();
    }

    private static BatchPlan plan(Clause... clauses) {
        return BatchEvaluator.compile(List.of(clauses), SCHEMA, BatchPropertiesTests.PARAMETERS.inForceOn(RULE_DATE), YEAR,
                64);
    }

    private static MapEnterprise.Builder withRevenue(long fen) {
        return MapEnterprise.builder().fact("revenue", YEAR, Value.money(fen));
    }

    /** Runs the clauses on the enterprises and checks every result against the assessor before returning it. */
    private static BatchResult run(List<Enterprise> enterprises, Clause... clauses) {
        BatchResult result = plan(clauses).run(EnterpriseColumns.of(SCHEMA, 2022, 2025, enterprises));
        BatchAgreement.assertAgrees(result, List.of(clauses), enterprises, ASSESSOR, YEAR, RULE_DATE, e -> "#" + e);
        return result;
    }

    @Test
    void aConditionSeveralClausesShareIsOneNodeEvaluatedOncePerChunk() {
        Clause alone = clause("alone", "\"高新技术企业\" in qualifications and revenue[last_year] >= 2000万元",
                "rd_expense[last_year] * 10%", null);
        // the same condition and award written differently: spacing, an explicit this_year, a percentage as a decimal
        Clause twin = clause("twin", "\"高新技术企业\"   in qualifications and revenue[last_year]>=2000万元",
                "rd_expense[last_year] * 0.1", 100_000_000L);
        Clause sibling = clause("sibling", "\"高新技术企业\" in qualifications and revenue[last_year] >= 2000万元 and listed",
                "compute_purchases[this_year] * 10%", null);
        BatchPlan one = plan(alone);
        BatchPlan three = plan(alone, twin, sibling);
        assertThat(plan(alone, twin).distinctNodes()).isEqualTo(one.distinctNodes());
        // the sibling adds only what it does not share: listed, the 'and' on it, compute_purchases and its product
        assertThat(three.distinctNodes()).isEqualTo(one.distinctNodes() + 4);
        assertThat(three.expressionNodes()).isGreaterThan(2 * one.expressionNodes());

        List<Enterprise> enterprises = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            enterprises.add(MapEnterprise.builder().fact("qualifications", Value.set("高新技术企业"))
                    .fact("listed", Value.bool(i % 2 == 0))
                    .fact("revenue", 2024, Value.money(i * 1_000_000_000L / 7))
                    .fact("rd_expense", 2024, Value.money(i * 3_333_333L))
                    .fact("compute_purchases", 2025, Value.money(i)).build());
        }
        EnterpriseColumns columns = EnterpriseColumns.of(SCHEMA, 2022, 2025, enterprises);
        BatchResult result = three.run(columns);
        BatchAgreement.assertAgrees(result, List.of(alone, twin, sibling), enterprises, ASSESSOR, YEAR, RULE_DATE,
                e -> "#" + e);
        int chunks = (200 + 63) / 64;
        long perChunk = result.nodeEvaluations() / chunks;
        assertThat(result.nodeEvaluations()).isEqualTo(perChunk * chunks);
        assertThat(perChunk).isEqualTo(one.run(columns).nodeEvaluations() / chunks + 4);
    }

    @Test
    void aHalfFenRoundsAwayFromZeroOnceAfterExactArithmetic() {
        Clause half = clause("half", "true", "revenue * 0.5", null);
        Clause quarter = clause("quarter", "true", "revenue / 4", null);
        Clause doubleRounding = clause("double-rounding", "true", "revenue * 0.249 * 2", null);
        Clause tiered = clause("tiered", "true", "tiered(revenue, [0.03元: 50%, 0.05元: 25%, 1%])", null);
        long[] fen = {1, -1, 3, -3, 5, 2, 6, 7, -7, Long.MAX_VALUE, Long.MIN_VALUE};
        List<Enterprise> enterprises = new ArrayList<>();
        for (long each : fen) {
            enterprises.add(withRevenue(each).build());
        }
        BatchResult result = run(enterprises, half, quarter, doubleRounding, tiered);
        // 1 fen × 0.5 = 0.5 fen → 1 fen; -0.5 → -1; 1.5 → 2; -1.5 → -2
        assertThat(result.awardFen(0, 0)).isEqualTo(1);
        assertThat(result.awardFen(0, 1)).isEqualTo(-1);
        assertThat(result.awardFen(0, 2)).isEqualTo(2);
        assertThat(result.awardFen(0, 3)).isEqualTo(-2);
        // 2 / 4 = 0.5 → 1; 6 / 4 = 1.5 → 2; 7 / 4 = 1.75 → 2; -7 / 4 → -2
        assertThat(result.awardFen(1, 5)).isEqualTo(1);
        assertThat(result.awardFen(1, 6)).isEqualTo(2);
        assertThat(result.awardFen(1, 7)).isEqualTo(2);
        assertThat(result.awardFen(1, 8)).isEqualTo(-2);
        // money × number rounds at each product: 1 × 0.249 = 0.249 → 0 fen, then × 2 = 0
        assertThat(result.awardFen(2, 0)).isEqualTo(0);
        // 5 fen: 50% of 3 fen + 25% of 2 fen = 1.5 + 0.5 = 2 fen exactly, no rounding per tier
        assertThat(result.awardFen(3, 4)).isEqualTo(2);
        // 7 fen: 1.5 + 0.5 + 1% of 2 = 2.02 → 2 fen
        assertThat(result.awardFen(3, 7)).isEqualTo(2);
        // Long.MAX_VALUE fen × 0.5 is exact beyond a long's product, and rounds back into one
        assertThat(result.awardFen(0, 9)).isEqualTo(Long.MAX_VALUE / 2 + 1);
        assertThat(result.awardFen(0, 10)).isEqualTo(Long.MIN_VALUE / 2);
    }

    @Test
    void divisionByZeroGrowthFromZeroAndOverflowFailTheClause() {
        Clause byZero = clause("by-zero", "true", "revenue / (employees - employees)", null);
        Clause growth = clause("growth", "growth(revenue) > 10%", "1元", null);
        Clause overflow = clause("overflow", "true", "revenue + 1元", null);
        Clause negated = clause("negated", "true", "-revenue", null);
        List<Enterprise> enterprises = List.of(
                withRevenue(100).fact("employees", YEAR, Value.number(3)).fact("revenue", 2024, Value.money(0)).build(),
                withRevenue(Long.MAX_VALUE).fact("revenue", 2024, Value.money(1)).build(),
                withRevenue(Long.MIN_VALUE).build());
        BatchResult result = run(enterprises, byZero, growth, overflow, negated);
        assertThat(result.status(0, 0)).isEqualTo(Assessment.Status.FAILED);
        assertThat(result.isAwardKnown(0, 0)).isFalse();
        assertThat(result.status(1, 0)).isEqualTo(Assessment.Status.FAILED);
        assertThat(result.status(1, 1)).isEqualTo(Assessment.Status.ELIGIBLE);
        assertThat(result.status(2, 1)).isEqualTo(Assessment.Status.FAILED);
        assertThat(result.status(2, 2)).isEqualTo(Assessment.Status.ELIGIBLE);
        assertThat(result.status(3, 2)).isEqualTo(Assessment.Status.FAILED);
    }

    @Test
    void aFailureTheReferenceNeverReachesDoesNotCount() {
        // 'and' skips its right side when the left is false; an ineligible clause's award is not computed
        Clause guarded = clause("guarded", "listed and revenue / 0 > 0元", "revenue / 0", null);
        List<Enterprise> enterprises = List.of(
                withRevenue(100).fact("listed", Value.bool(false)).build(),
                withRevenue(100).fact("listed", Value.bool(true)).build(),
                withRevenue(100).build(),
                MapEnterprise.builder().fact("listed", Value.bool(true)).build());
        BatchResult result = run(enterprises, guarded);
        assertThat(result.status(0, 0)).isEqualTo(Assessment.Status.NOT_ELIGIBLE);
        assertThat(result.awardFen(0, 0)).isZero();
        assertThat(result.status(0, 1)).isEqualTo(Assessment.Status.FAILED);
        // listed unknown: the right side is evaluated, and fails
        assertThat(result.status(0, 2)).isEqualTo(Assessment.Status.FAILED);
        // revenue unknown: the division of an unknown is unknown, not an error
        assertThat(result.status(0, 3)).isEqualTo(Assessment.Status.UNDETERMINED);
        assertThat(result.isAwardKnown(0, 3)).isFalse();
    }

    @Test
    void aParameterWithNoValueInForceFailsOnlyWhereItIsEvaluated() {
        Clause capped = clause("capped", "listed", "min(revenue, cap)", null);
        LocalDate before = LocalDate.of(2024, 6, 1);
        List<Enterprise> enterprises = List.of(withRevenue(100).fact("listed", Value.bool(false)).build(),
                withRevenue(100).fact("listed", Value.bool(true)).build());
        BatchResult result = BatchEvaluator.compile(List.of(capped), SCHEMA,
                BatchPropertiesTests.PARAMETERS.inForceOn(before), YEAR).run(EnterpriseColumns.of(SCHEMA, 2022, 2025,
                enterprises));
        BatchAgreement.assertAgrees(result, List.of(capped), enterprises, ASSESSOR, YEAR, before, e -> "#" + e);
        assertThat(result.status(0, 0)).isEqualTo(Assessment.Status.NOT_ELIGIBLE);
        assertThat(result.status(0, 1)).isEqualTo(Assessment.Status.FAILED);
    }

    @Test
    void anUnknownFactIsNotZeroAndIfUnknownTakesTheBranchesWhenTheyAgree() {
        Clause threshold = clause("threshold", "revenue < 1元", "if listed then 5元 else 5元", 300L);
        Clause either = clause("either", "true", "if listed then revenue else 5元", null);
        List<Enterprise> enterprises = List.of(MapEnterprise.builder().build(), withRevenue(0).build(),
                withRevenue(500).fact("listed", Value.bool(true)).build());
        BatchResult result = run(enterprises, threshold, either);
        assertThat(result.status(0, 0)).isEqualTo(Assessment.Status.UNDETERMINED);
        // the award is known though listed is not, and the cap of 3元 cuts it
        assertThat(result.isAwardKnown(0, 0)).isTrue();
        assertThat(result.awardFen(0, 0)).isEqualTo(300);
        assertThat(result.status(0, 1)).isEqualTo(Assessment.Status.ELIGIBLE);
        assertThat(result.isAwardKnown(1, 1)).isFalse();
        assertThat(result.awardFen(1, 2)).isEqualTo(500);
    }

    @Test
    void aProfileValueOfTheWrongTypeFailsWhereItIsRead() {
        Clause reads = clause("reads", "has(revenue)", "revenue", null);
        Clause ignores = clause("ignores", "listed", "1元", null);
        Enterprise wrong = MapEnterprise.builder().fact("revenue", YEAR, Value.text("a lot"))
                .fact("listed", Value.bool(true)).build();
        BatchResult result = run(List.of(wrong), reads, ignores);
        assertThat(result.status(0, 0)).isEqualTo(Assessment.Status.FAILED);
        assertThat(result.status(1, 0)).isEqualTo(Assessment.Status.ELIGIBLE);
    }

    @Test
    void columnsBuiltFromPrimitiveArraysGiveTheResultsOfTheReferenceOnTheSameFacts() {
        int rows = 1000;
        EnterpriseColumns.Builder builder = EnterpriseColumns.builder(SCHEMA, rows, 2024, 2025);
        long[] revenue = new long[rows];
        long[] known = new long[(rows + 63) / 64];
        long[] employees = new long[rows];
        long[] listed = new long[(rows + 63) / 64];
        int[] district = new int[rows];
        long[] qualifications = new long[rows];
        long[] registered = new long[rows];
        int tianhe = builder.dictionary().id("440106");
        int haizhu = builder.dictionary().id("440105");
        for (int row = 0; row < rows; row++) {
            revenue[row] = row * 7_654_321L;
            if (row % 10 != 3) {
                known[row >>> 6] |= 1L << row;
            }
            employees[row] = row * 25L;
            if (row % 3 == 0) {
                listed[row >>> 6] |= 1L << row;
            }
            district[row] = row % 2 == 0 ? tianhe : haizhu;
            qualifications[row] = row % 4;
            registered[row] = LocalDate.of(2015, 1, 1).toEpochDay() + row * 3L;
        }
        builder.putMoney("revenue", 2024, revenue, known);
        builder.putNumber("employees", 2025, 1, employees, null);
        builder.putBool("listed", null, listed, null);
        builder.putText("district", null, district, null);
        builder.putTextSet("qualifications", null, List.of("高新技术企业", "专精特新"), qualifications, null);
        builder.putDate("registered_on", null, registered, null);
        MoneyColumn rd = builder.money("rd_expense", 2024);
        for (int row = 0; row < rows; row += 2) {
            rd.set(row, row * 100L);
        }
        EnterpriseColumns columns = builder.build();
        assertThat(columns.enterprise(10).fact("employees", 2025)).contains(Value.number("25"));
        assertThat(columns.enterprise(3).fact("revenue", 2024)).isEmpty();
        assertThat(columns.enterprise(3).fact("qualifications")).contains(Value.set("高新技术企业", "专精特新"));
        assertThat(columns.sizeInBytes()).isGreaterThanOrEqualTo(8L * rows * 5 + 4L * rows);

        List<Clause> clauses = List.of(
                clause("rd", "\"高新技术企业\" in qualifications and revenue[last_year] >= 2000万元 and district == \"440106\"",
                        "tiered(rd_expense[last_year], [500元: 10%, 5%])", 20_000L),
                clause("young", "registered_on > 2017-01-01 and not listed and employees > 100", "employees * 1元 / 3",
                        null),
                clause("count", "count(qualifications) == 2 or district in [\"440105\", \"440104\"]", "0.5万元", null));
        List<Enterprise> asHeld = new ArrayList<>();
        for (int row = 0; row < rows; row++) {
            asHeld.add(columns.enterprise(row));
        }
        BatchPlan plan = BatchEvaluator.compile(clauses, SCHEMA, BatchPropertiesTests.PARAMETERS.inForceOn(RULE_DATE), YEAR);
        ForkJoinPool pool = new ForkJoinPool(2);
        try {
            BatchResult result = plan.run(columns, pool);
            BatchAgreement.assertAgrees(result, clauses, asHeld, ASSESSOR, YEAR, RULE_DATE, e -> "row " + e);
            BatchAgreement.assertSummarizes(plan.summarize(columns, pool), result);
            // the odd rows are in Haizhu, and those with both qualifications (row % 4 == 3) are among them
            assertThat(result.countEligible(2)).isEqualTo(rows / 2);
            assertThat(result.eligibleFen(2)).isEqualTo(BigInteger.valueOf(500_000L * rows / 2));
        } finally {
            pool.shutdown();
        }
        assertThat(plan.reads()).containsExactly(Fact.of("district"), Fact.of("employees", 2025), Fact.of("listed"),
                Fact.of("qualifications"), Fact.of("rd_expense", 2024), Fact.of("registered_on"), Fact.of("revenue", 2024));
    }

    @Test
    void builtColumnsAreReadOnlyAndBadColumnsAreRefusedWithTheReason() {
        EnterpriseColumns.Builder builder = EnterpriseColumns.builder(SCHEMA, 10, 2024, 2025);
        assertThatThrownBy(() -> builder.money("revenu", 2024)).hasMessageContaining("no variable revenu");
        assertThatThrownBy(() -> builder.money("employees", 2024)).hasMessageContaining("employees is number");
        assertThatThrownBy(() -> builder.money("revenue", null)).hasMessageContaining("revenue is yearly");
        assertThatThrownBy(() -> builder.money("revenue", 2021)).hasMessageContaining("outside the years 2024 to 2025");
        assertThatThrownBy(() -> builder.putMoney("revenue", 2024, new long[3], null)).hasMessageContaining("found 3");
        assertThatThrownBy(() -> builder.textSet("qualifications", null, List.of("a")).set(0, List.of("b")))
                .hasMessageContaining("no member b");
        MoneyColumn revenue = builder.money("revenue", 2024);
        revenue.set(0, 1);
        builder.build();
        assertThatThrownBy(() -> revenue.set(1, 1)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("read-only");
    }
}
