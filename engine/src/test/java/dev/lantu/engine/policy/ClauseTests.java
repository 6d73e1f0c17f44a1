package dev.lantu.engine.policy;

import static dev.lantu.engine.Examples.SCHEMA;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lantu.engine.eval.Value;
import dev.lantu.engine.lang.Position;
import dev.lantu.engine.lang.Type;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClauseTests {

    static final ParameterSet PARAMETERS = ParameterSet.of(ParameterTests.SUBSIDY_RATE,
            new Parameter("revenue_threshold", Type.MONEY, "营业收入门槛", List.of(
                    new DatedValue(LocalDate.of(2022, 7, 1), Value.yuan("20000000"), "第三条"))));

    static final ClauseSource RD_SUBSIDY = new ClauseSource("rd-subsidy", "研发投入补助", "研发投入",
            "\"高新技术企业\" in qualifications and revenue[last_year] >= revenue_threshold",
            "rd_expense[last_year] * subsidy_rate", 150_000_000L, Delivery.WITHOUT_APPLICATION,
            "对上年度营业收入2000万元以上的高新技术企业，按上年度研发费用的一定比例给予补助，最高150万元。");

    @Test
    void aWellTypedClauseCompiles() {
        Clause.Compiled compiled = Clause.compile(RD_SUBSIDY, SCHEMA, PARAMETERS);
        assertThat(compiled.errors()).isEmpty();
        assertThat(compiled.clause().eligibility().type()).isEqualTo(Type.BOOLEAN);
        assertThat(compiled.clause().award().type()).isEqualTo(Type.MONEY);
        assertThat(compiled.clause().delivery()).isEqualTo(Delivery.WITHOUT_APPLICATION);
        assertThat(compiled.clause().capFen()).isEqualTo(150_000_000L);
    }

    @Test
    void errorsInBothExpressionsAreReportedWithTheirFieldAndPosition() {
        ClauseSource broken = new ClauseSource("rd-subsidy", "", "", "revenu[last_year] >= revenue_threshold",
                "rd_expense[last_year] + 10", null, Delivery.ON_APPLICATION, "");
        Clause.Compiled compiled = Clause.compile(broken, SCHEMA, PARAMETERS);
        assertThat(compiled.clause()).isNull();
        assertThat(compiled.errors()).extracting(ClauseError::field).containsExactly("eligibility", "award");
        assertThat(compiled.errors().get(0).error().suggestion()).isEqualTo("did you mean revenue?");
        assertThat(compiled.errors().get(0).error().position()).isEqualTo(new Position(1, 1));
    }

    @Test
    void anEligibilityMustBeAConditionAndAnAwardAnAmount() {
        ClauseSource swapped = new ClauseSource("x", "", "", "rd_expense * subsidy_rate", "revenue > 1元", null,
                Delivery.ON_APPLICATION, "");
        assertThat(Clause.compile(swapped, SCHEMA, PARAMETERS).errors()).extracting(e -> e.error().message())
                .containsExactly("expected boolean here, found money", "expected money here, found boolean");
    }

    @Test
    void aNegativeCapAndAMissingDeliveryAreReported() {
        ClauseSource bad = new ClauseSource("x", "", "", "true", "0元", -1L, null, "");
        assertThat(Clause.compile(bad, SCHEMA, PARAMETERS).errors()).extracting(ClauseError::field)
                .containsExactly("delivery", "cap");
    }
}
