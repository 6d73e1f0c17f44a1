package dev.lantu.engine.eval;

import static dev.lantu.engine.eval.EvaluatorTests.TIANHE_SOFTWARE;
import static dev.lantu.engine.eval.EvaluatorTests.evaluated;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReasonsTests {

    @Test
    void whyNotIsTheFalseConjunctWithTheFactsAndParametersItRestsOn() {
        Outcome.Evaluated result = evaluated("revenue >= revenue_threshold and \"专精特新\" in qualifications",
                TIANHE_SOFTWARE);
        assertThat(result.reasons()).extracting(Step::explain).containsExactly(
                "revenue >= revenue_threshold is false: revenue[2025] = 1800万元, revenue_threshold = 2000万元 (第三条)");
    }

    @Test
    void whyIsEveryConjunctOfATrueAnd() {
        Outcome.Evaluated result = evaluated("employees >= 100 and \"专精特新\" in qualifications", TIANHE_SOFTWARE);
        assertThat(result.reasons()).extracting(Step::expression)
                .containsExactly("employees >= 100", "\"专精特新\" in qualifications");
    }

    @Test
    void whyIsOnlyTheTrueDisjunctOfATrueOr() {
        Outcome.Evaluated result = evaluated("listed or employees >= 100", TIANHE_SOFTWARE);
        assertThat(result.reasons()).extracting(Step::explain)
                .containsExactly("employees >= 100 is true: employees[2025] = 120");
    }

    @Test
    void notPassesOnTheReasonsOfItsOperand() {
        Outcome.Evaluated result = evaluated("not (listed or district == \"440112\")", TIANHE_SOFTWARE);
        assertThat(result.verdict()).isEqualTo(Verdict.TRUE);
        assertThat(result.reasons()).extracting(Step::explain)
                .containsExactly("listed is false: listed = false", "district == \"440112\" is false: district = \"440106\"");
    }

    @Test
    void anUndeterminedConditionRestsOnItsUnknownParts() {
        Outcome.Evaluated result = evaluated(
                "revenue[last_year] >= 1000万元 and employees[last_year] > 100 and district == \"440106\"",
                MapEnterprise.builder().fact("district", Value.text("440106")).build());
        assertThat(result.reasons()).extracting(Step::expression)
                .containsExactly("revenue[last_year] >= 1000万元", "employees[last_year] > 100");
    }

    @Test
    void aStepThatIsNotLogicIsItsOwnReason() {
        Outcome.Evaluated result = evaluated("revenue * 10%", TIANHE_SOFTWARE);
        assertThat(result.reasons()).extracting(Step::explain).containsExactly("revenue * 10% is 180万元: revenue[2025] = 1800万元");
    }
}
