package dev.lantu.engine.eval;

import static dev.lantu.engine.eval.EvaluatorTests.evaluated;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ThreeValuedLogicTests {

    /** {@code listed} stands for the left operand and {@code employees > 10} for the right one. */
    private static Enterprise profile(String left, String right) {
        MapEnterprise.Builder builder = MapEnterprise.builder();
        if (!left.equals("U")) {
            builder.fact("listed", Value.bool(left.equals("T")));
        }
        if (!right.equals("U")) {
            builder.fact("employees", 2025, Value.number(right.equals("T") ? 20 : 5));
        }
        return builder.build();
    }

    private static Verdict verdict(String letter) {
        return switch (letter) {
            case "T" -> Verdict.TRUE;
            case "F" -> Verdict.FALSE;
            default -> Verdict.UNDETERMINED;
        };
    }

    @ParameterizedTest(name = "{0} and {1} = {2}, {0} or {1} = {3}")
    @CsvSource({
            "T, T, T, T",
            "T, F, F, T",
            "T, U, U, T",
            "F, T, F, T",
            "F, F, F, F",
            "F, U, F, U",
            "U, T, U, T",
            "U, F, F, U",
            "U, U, U, U",
    })
    void andAndOrFollowKleenesTables(String left, String right, String and, String or) {
        Enterprise enterprise = profile(left, right);
        assertThat(evaluated("listed and employees > 10", enterprise).verdict()).isEqualTo(verdict(and));
        assertThat(evaluated("listed or employees > 10", enterprise).verdict()).isEqualTo(verdict(or));
    }

    @Test
    void notOfUnknownIsUnknown() {
        Outcome.Evaluated result = evaluated("not listed", MapEnterprise.builder().build());
        assertThat(result.verdict()).isEqualTo(Verdict.UNDETERMINED);
        assertThat(result.missing()).containsExactly(Fact.of("listed"));
    }

    @Test
    void anUndeterminedConditionNamesEveryFactThatWouldDecideIt() {
        Outcome.Evaluated result = evaluated(
                "revenue[last_year] >= 1000万元 and employees[last_year] > 100 and district == \"440106\"",
                MapEnterprise.builder().fact("district", Value.text("440106")).build());
        assertThat(result.verdict()).isEqualTo(Verdict.UNDETERMINED);
        assertThat(result.missing()).containsExactly(Fact.of("employees", 2024), Fact.of("revenue", 2024));
    }

    @Test
    void aFalseConjunctDecidesWhateverIsMissingSoNothingIsMissing() {
        Outcome.Evaluated result = evaluated("revenue[last_year] >= 1000万元 and district == \"440112\"",
                MapEnterprise.builder().fact("district", Value.text("440106")).build());
        assertThat(result.verdict()).isEqualTo(Verdict.FALSE);
        assertThat(result.missing()).isEmpty();
        assertThat(result.trace().notes()).containsExactly(
                "the right side is false, which decides 'and' whatever the unknown left side is");
    }

    @Test
    void arithmeticComparisonAndFunctionsOfAnUnknownAreUnknown() {
        Enterprise empty = MapEnterprise.builder().build();
        for (String source : new String[] {"revenue * 10% > 1元", "revenue + 1元 == 1元", "min(revenue, 1元) == 1元",
                "\"专精特新\" in qualifications", "count(tracks) > 0", "growth(revenue) > 0",
                "tiered(rd_expense, [1元: 10%]) > 0元", "-employees < 0"}) {
            Outcome.Evaluated result = evaluated(source, empty);
            assertThat(result.verdict()).as(source).isEqualTo(Verdict.UNDETERMINED);
            assertThat(result.missing()).as(source).isNotEmpty();
        }
    }

    @Test
    void growthNamesBothYearsItNeeds() {
        Outcome.Evaluated result = evaluated("growth(revenue, 2) > 10%", MapEnterprise.builder().build());
        assertThat(result.missing()).containsExactly(Fact.of("revenue", 2023), Fact.of("revenue", 2025));
    }

    @Test
    void hasIsNeverUnknown() {
        Outcome.Evaluated result = evaluated("has(revenue) or not has(revenue)", MapEnterprise.builder().build());
        assertThat(result.verdict()).isEqualTo(Verdict.TRUE);
    }

    @Test
    void hasIsTheOneConditionASuppliedFactCanOverturn() {
        Enterprise before = MapEnterprise.builder().build();
        Enterprise after = MapEnterprise.builder().fact("revenue", 2025, Value.yuan("1")).build();
        assertThat(evaluated("has(revenue)", before).verdict()).isEqualTo(Verdict.FALSE);
        assertThat(evaluated("has(revenue)", after).verdict()).isEqualTo(Verdict.TRUE);
    }

    @Test
    void anUnknownConditionStillGivesAValueWhenBothBranchesAgree() {
        Outcome.Evaluated same = evaluated("if listed then 50万元 else 50万元", MapEnterprise.builder().build());
        assertThat(same.value()).isEqualTo(Value.yuan("500000"));
        assertThat(same.trace().notes()).containsExactly("the condition is unknown, but both branches give 50万元");
    }

    @Test
    void anUnknownConditionWithDifferentBranchesIsUnknownNamingTheCondition() {
        Outcome.Evaluated differ = evaluated("if listed then 100万元 else 50万元", MapEnterprise.builder().build());
        assertThat(differ.value().isUnknown()).isTrue();
        assertThat(differ.missing()).containsExactly(Fact.of("listed"));
    }

    @Test
    void anUnknownAmountShowsWhatIsMissing() {
        Outcome.Evaluated result = evaluated("rd_expense * 10%", MapEnterprise.builder().build());
        assertThat(result.value().show()).isEqualTo("unknown (missing rd_expense[2025])");
        assertThat(result.trace().render()).contains("rd_expense → unknown (missing rd_expense[2025])  [rd_expense[2025] = unknown");
    }
}
