package dev.lantu.engine.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lantu.engine.eval.Value;
import dev.lantu.engine.lang.Type;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class ParameterTests {

    static final Parameter SUBSIDY_RATE = new Parameter("subsidy_rate", Type.NUMBER, "研发投入补助比例", List.of(
            new DatedValue(LocalDate.of(2025, 1, 1), Value.number("0.08"), "穗工信规字〔2024〕12号 第五条"),
            new DatedValue(LocalDate.of(2022, 7, 1), Value.number("0.1"), "穗工信规字〔2022〕3号 第五条")));

    @Test
    void theValueInForceIsTheLastThatTookEffectOnOrBeforeTheDate() {
        assertThat(SUBSIDY_RATE.inForceOn(LocalDate.of(2024, 12, 31))).get()
                .extracting(DatedValue::value).isEqualTo(Value.number("0.1"));
        assertThat(SUBSIDY_RATE.inForceOn(LocalDate.of(2025, 1, 1))).get()
                .extracting(DatedValue::value).isEqualTo(Value.number("0.08"));
        assertThat(SUBSIDY_RATE.inForceOn(LocalDate.of(2030, 1, 1))).get()
                .extracting(DatedValue::reference).isEqualTo("穗工信规字〔2024〕12号 第五条");
    }

    @Test
    void beforeItsFirstValueAParameterHasNoValueInForce() {
        assertThat(SUBSIDY_RATE.inForceOn(LocalDate.of(2022, 6, 30))).isEmpty();
    }

    @Test
    void bothValuesOfAChangedRateAreKeptInDateOrder() {
        assertThat(SUBSIDY_RATE.values()).extracting(DatedValue::from)
                .containsExactly(LocalDate.of(2022, 7, 1), LocalDate.of(2025, 1, 1));
    }

    @Test
    void aValueOfAnotherTypeIsRefused() {
        assertThatThrownBy(() -> new Parameter("cap", Type.MONEY, "", List.of(
                new DatedValue(LocalDate.of(2025, 1, 1), Value.number("1500"), "第八条"))))
                .hasMessageContaining("is money, but its value from 2025-01-01 is number");
    }

    @Test
    void twoValuesFromOneDateAreRefused() {
        assertThatThrownBy(() -> new Parameter("cap", Type.MONEY, "", List.of(
                new DatedValue(LocalDate.of(2025, 1, 1), Value.yuan("1"), "a"),
                new DatedValue(LocalDate.of(2025, 1, 1), Value.yuan("2"), "b"))))
                .hasMessageContaining("two values from 2025-01-01");
    }

    @Test
    void everyValueNeedsItsLegalReference() {
        assertThatThrownBy(() -> new DatedValue(LocalDate.of(2025, 1, 1), Value.yuan("1"), " "))
                .hasMessageContaining("legal reference");
    }

    @Test
    void aParameterSetGivesTypesToTheCheckerAndValuesInForceToTheEvaluator() {
        ParameterSet parameters = ParameterSet.of(SUBSIDY_RATE);
        assertThat(parameters.types().typeOf("subsidy_rate")).contains(Type.NUMBER);
        assertThat(parameters.types().names()).containsExactly("subsidy_rate");
        assertThat(parameters.inForceOn(LocalDate.of(2025, 3, 1)).lookup("subsidy_rate")).get()
                .satisfies(value -> {
                    assertThat(value.value()).isEqualTo(Value.number("0.08"));
                    assertThat(value.reference()).isEqualTo("穗工信规字〔2024〕12号 第五条, in force from 2025-01-01");
                });
        assertThat(parameters.inForceOn(LocalDate.of(2020, 1, 1)).lookup("subsidy_rate")).isEmpty();
    }

    @Test
    void aParameterDeclaredTwiceIsRefused() {
        assertThatThrownBy(() -> ParameterSet.of(SUBSIDY_RATE, SUBSIDY_RATE)).hasMessageContaining("declared twice");
    }
}
