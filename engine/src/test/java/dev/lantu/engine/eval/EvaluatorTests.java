package dev.lantu.engine.eval;

import static dev.lantu.engine.Examples.PARAMETERS;
import static dev.lantu.engine.Examples.SCHEMA;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lantu.engine.lang.Compilation;
import dev.lantu.engine.lang.Language;
import dev.lantu.engine.lang.Position;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EvaluatorTests {

    static final int YEAR = 2025;

    /** A software company in Tianhe: figures for 2023 to 2025, employees known only for 2025. */
    static final Enterprise TIANHE_SOFTWARE = MapEnterprise.builder()
            .fact("district", Value.text("440106"))
            .fact("qualifications", Value.set("高新技术企业", "专精特新"))
            .fact("tracks", Value.set("gz.cluster.software"))
            .fact("registered_on", Value.date(LocalDate.of(2019, 3, 1)))
            .fact("listed", Value.bool(false))
            .fact("revenue", 2023, Value.yuan("10000000"))
            .fact("revenue", 2024, Value.yuan("15000000"))
            .fact("revenue", 2025, Value.yuan("18000000"))
            .fact("rd_expense", 2025, Value.yuan("8000000"))
            .fact("employees", 2025, Value.number(120))
            .build();

    static final ParameterValues IN_FORCE = ParameterValues.of(Map.of(
            "subsidy_rate", new ParameterValue(Value.number("0.1"), "穗工信规字〔2024〕3号 第五条"),
            "revenue_threshold", new ParameterValue(Value.yuan("20000000"), "第三条"),
            "cap", new ParameterValue(Value.yuan("15000000"), "第八条 单个企业每年最高1500万元")));

    static Outcome evaluate(String source, Enterprise enterprise) {
        Compilation compilation = Language.compile(source, SCHEMA, PARAMETERS);
        assertThat(compilation.errors()).as(source).isEmpty();
        return new Evaluator(SCHEMA, IN_FORCE).evaluate((Compilation.Success) compilation, enterprise, YEAR);
    }

    static Outcome.Evaluated evaluated(String source, Enterprise enterprise) {
        Outcome outcome = evaluate(source, enterprise);
        assertThat(outcome).as(source).isInstanceOf(Outcome.Evaluated.class);
        return (Outcome.Evaluated) outcome;
    }

    static Value value(String source) {
        return evaluated(source, TIANHE_SOFTWARE).value();
    }

    static EvaluationError failure(String source) {
        Outcome outcome = evaluate(source, TIANHE_SOFTWARE);
        assertThat(outcome).as(source).isInstanceOf(Outcome.Failed.class);
        return ((Outcome.Failed) outcome).error();
    }

    @ParameterizedTest(name = "{0} = {1} fen")
    @CsvSource(delimiter = '|', value = {
            "100万元 + 0.01元                | 100000001",
            "revenue - revenue[last_year]  | 300000000",
            "3元 * 12.5%                    | 38",
            "1元 * 0.005                    | 1",
            "1元 * 0.0049                   | 0",
            "-1元 * 0.005                   | -1",
            "rd_expense * subsidy_rate     | 80000000",
            "10元 / 3                       | 333",
            "20元 / 3                       | 667",
            "-(5元)                         | -500",
            "abs(0元 - 7元)                  | 700",
    })
    void moneyArithmeticIsExactAndRatesRoundHalfUpToTheFen(String source, long fen) {
        assertThat(value(source)).isEqualTo(Value.money(fen));
    }

    @Test
    void roundingIsNotedInTheTrace() {
        Outcome.Evaluated result = evaluated("3元 * 12.5%", TIANHE_SOFTWARE);
        assertThat(result.trace().notes()).singleElement()
                .isEqualTo("exactly 0.375元, rounded half-up to the fen: 0.38元");
    }

    @Test
    void anExactProductNeedsNoRoundingNote() {
        assertThat(evaluated("rd_expense * 10%", TIANHE_SOFTWARE).trace().notes()).isEmpty();
    }

    @Test
    void amountsDivideIntoANumber() {
        assertThat(value("revenue / revenue[last_year]")).isEqualTo(Value.number("1.2"));
        assertThat(value("1元 / 3元")).isEqualTo(Value.number("0.333333333333"));
    }

    @Test
    void numbersStayExactDecimals() {
        assertThat(value("0.1 + 0.2")).isEqualTo(Value.number("0.3"));
        assertThat(value("1.50 * 2")).isEqualTo(Value.number("3"));
    }

    @Test
    void divisionByZeroIsAClearErrorAtTheDivision() {
        EvaluationError error = failure("revenue > 1元 and 100元 / (employees - 120) > 1元");
        assertThat(error.message()).isEqualTo("division by zero: employees - 120 is 0");
        assertThat(error.expression()).isEqualTo("100元 / (employees - 120)");
        assertThat(error.position()).isEqualTo(new Position(1, 18));
        assertThat(failure("revenue / (revenue - revenue)").message()).contains("division by zero");
    }

    @Test
    void divisionByAnUnknownIsUnknownNotAnError() {
        Outcome.Evaluated result = evaluated("100元 / employees[last_year]", TIANHE_SOFTWARE);
        assertThat(result.value().isUnknown()).isTrue();
        assertThat(result.missing()).containsExactly(Fact.of("employees", 2024));
    }

    @Test
    void anAmountBeyondTheRangeOfFenIsAnError() {
        assertThat(failure("9000亿元 * 1000000").message()).contains("beyond the range");
        assertThat(failure("9000亿元 * 60000 + 9000亿元 * 60000").message()).contains("beyond the range");
    }

    @Test
    void periodsResolveAgainstTheApplicationYear() {
        assertThat(value("revenue")).isEqualTo(Value.yuan("18000000"));
        assertThat(value("revenue[this_year]")).isEqualTo(Value.yuan("18000000"));
        assertThat(value("revenue[last_year]")).isEqualTo(Value.yuan("15000000"));
        assertThat(value("revenue[year - 2]")).isEqualTo(Value.yuan("10000000"));
        assertThat(value("revenue[2023]")).isEqualTo(Value.yuan("10000000"));
    }

    @Test
    void theSameClauseReadsOtherYearsInAnotherApplicationYear() {
        Compilation.Success clause = (Compilation.Success) Language.compile("revenue[last_year]", SCHEMA, PARAMETERS);
        Outcome.Evaluated in2024 = (Outcome.Evaluated) new Evaluator(SCHEMA, IN_FORCE).evaluate(clause, TIANHE_SOFTWARE, 2024);
        assertThat(in2024.value()).isEqualTo(Value.yuan("10000000"));
        assertThat(in2024.trace().reads()).containsExactly(new Read(Fact.of("revenue", 2023), Value.yuan("10000000")));
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(delimiter = '|', value = {
            "revenue >= revenue_threshold                     | false",
            "revenue[last_year] < revenue                     | true",
            "registered_on < 2020-01-01                       | true",
            "district == \"440106\"                            | true",
            "district != \"440106\"                            | false",
            "\"专精特新\" in qualifications                      | true",
            "\"小巨人\" in qualifications                        | false",
            "district in [\"440106\", \"440112\"]                | true",
            "district in [district]                           | true",
            "tracks == [\"gz.cluster.software\"]               | true",
            "not listed                                       | true",
            "employees >= 100 and not listed                  | true",
            "listed or employees < 100                        | false",
            "has(revenue[year - 2])                           | true",
            "has(employees[last_year])                        | false",
            "count(qualifications) == 2                       | true",
            "growth(revenue) == 20%                           | true",
            "growth(revenue, 2) == 80%                        | true",
            "max(revenue, revenue[last_year]) == revenue      | true",
            "min(2025-01-01, registered_on) == registered_on  | true",
            "clamp(revenue, 0元, cap) == cap                   | true",
    })
    void conditionsOnAKnownProfile(String source, boolean expected) {
        assertThat(evaluated(source, TIANHE_SOFTWARE).verdict()).isEqualTo(expected ? Verdict.TRUE : Verdict.FALSE);
    }

    @Test
    void clampWithItsBoundsReversedIsAnError() {
        assertThat(failure("clamp(revenue, cap, 0元)").message()).contains("low bound 1500万元 of clamp is above");
    }

    @Test
    void growthFromZeroIsAnError() {
        Enterprise startup = MapEnterprise.builder()
                .fact("revenue", 2024, Value.money(0)).fact("revenue", 2025, Value.yuan("100")).build();
        Outcome outcome = evaluate("growth(revenue) > 10%", startup);
        assertThat(((Outcome.Failed) outcome).error().message()).isEqualTo("growth from revenue[2024] is undefined: it was 0元");
    }

    @Test
    void tieredPaysEachRateOnItsOwnPartOfTheBase() {
        // 10% of the first 500万 (50万) and 5% of the 300万 above it (15万)
        Outcome.Evaluated result = evaluated("tiered(rd_expense, [500万: 10%, 5%])", TIANHE_SOFTWARE);
        assertThat(result.value()).isEqualTo(Value.yuan("650000"));
        assertThat(result.trace().notes()).containsExactly(
                "0元 to 500万元: 0.1 × 500万元 = 50万元",
                "above 500万元: 0.05 × 300万元 = 15万元");
    }

    @Test
    void theWorkedTieredExampleOfTheLanguageReference() {
        Outcome.Evaluated result = evaluated("tiered(rd_expense, [500万: 10%, 2000万: 5%, 3%])", TIANHE_SOFTWARE);
        assertThat(result.value()).isEqualTo(Value.yuan("650000"));
        assertThat(result.trace().notes()).containsExactly(
                "0元 to 500万元: 0.1 × 500万元 = 50万元",
                "500万元 to 2000万元: 0.05 × 300万元 = 15万元",
                "above 2000万元: 0.03 × 0元 = 0元");
    }

    @Test
    void tieredPaysNothingAboveTheLastBoundWithoutARateForTheRest() {
        assertThat(value("tiered(rd_expense, [200万: 10%, 500万: 5%])")).isEqualTo(Value.yuan("350000"));
        assertThat(value("tiered(rd_expense, [1000万: 10%, 2000万: 5%])")).isEqualTo(Value.yuan("800000"));
    }

    @Test
    void tieredOnAmountsRoundsOnceAtTheEnd() {
        // 0.1元 × 10% = 0.01元 exactly; 0.01元 × 5% = 0.0005元, so 1.05 fen in all: one fen
        assertThat(value("tiered(0.11元, [0.1元: 10%, 5%])")).isEqualTo(Value.money(1));
        // 0.4 fen + 0.4 fen: rounding each tier would pay nothing, rounding the sum pays one fen
        Outcome.Evaluated result = evaluated("tiered(0.12元, [0.04元: 10%, 5%])", TIANHE_SOFTWARE);
        assertThat(result.value()).isEqualTo(Value.money(1));
        assertThat(result.trace().notes()).last().isEqualTo("exactly 0.008元, rounded half-up to the fen: 0.01元");
    }

    @Test
    void tieredOnNumbersIsExact() {
        assertThat(value("tiered(employees, [100: 1, 2])")).isEqualTo(Value.number(140));
    }

    @Test
    void tieredBoundsFromParametersMustIncrease() {
        Outcome outcome = new Evaluator(SCHEMA, IN_FORCE).evaluate((Compilation.Success) Language.compile(
                "tiered(revenue, [revenue_threshold: 10%, cap: 5%])", SCHEMA, PARAMETERS), TIANHE_SOFTWARE, YEAR);
        assertThat(((Outcome.Failed) outcome).error().message()).contains("must increase");
    }

    @Test
    void theTraceRecordsWhatEachStepReadAndWhichParametersItUsed() {
        Outcome.Evaluated result = evaluated("min(rd_expense * subsidy_rate, cap)", TIANHE_SOFTWARE);
        assertThat(result.value()).isEqualTo(Value.yuan("800000"));
        assertThat(result.trace().allReads()).containsExactly(new Read(Fact.of("rd_expense", 2025), Value.yuan("8000000")));
        assertThat(result.trace().allParameters()).extracting(ParameterUse::name).containsExactly("subsidy_rate", "cap");
        assertThat(result.trace().allParameters().get(1).reference()).isEqualTo("第八条 单个企业每年最高1500万元");
        assertThat(result.trace().render()).isEqualTo("""
                min(rd_expense * subsidy_rate, cap) → 80万元
                  rd_expense * subsidy_rate → 80万元
                    rd_expense → 800万元  [rd_expense[2025] = 800万元]
                    subsidy_rate → 0.1  [subsidy_rate = 0.1 (穗工信规字〔2024〕3号 第五条)]
                  cap → 1500万元  [cap = 1500万元 (第八条 单个企业每年最高1500万元)]
                """);
    }

    @Test
    void theTraceShowsWhyNotWhichConditionFailedAndThatTheRestWasSkipped() {
        Outcome.Evaluated result = evaluated("revenue >= revenue_threshold and \"专精特新\" in qualifications",
                TIANHE_SOFTWARE);
        assertThat(result.verdict()).isEqualTo(Verdict.FALSE);
        assertThat(result.trace().render()).isEqualTo("""
                revenue >= revenue_threshold and "专精特新" in qualifications → false
                  · the left side is false, which decides 'and'; the right side is not evaluated
                  revenue >= revenue_threshold → false
                    revenue → 1800万元  [revenue[2025] = 1800万元]
                    revenue_threshold → 2000万元  [revenue_threshold = 2000万元 (第三条)]
                """);
    }

    @Test
    void aLiteralClauseHasAOneLineTrace() {
        assertThat(evaluated("500万元", TIANHE_SOFTWARE).trace().render()).isEqualTo("500万元 → 500万元\n");
    }

    @Test
    void aProfileValueOfTheWrongTypeIsAnError() {
        Enterprise wrong = MapEnterprise.builder().fact("revenue", 2025, Value.text("a lot")).build();
        Outcome outcome = evaluate("revenue > 1元", wrong);
        assertThat(((Outcome.Failed) outcome).error().message())
                .isEqualTo("the profile gives text for revenue[2025], which the schema declares money");
    }

    @Test
    void aParameterWithNoValueInForceIsAnError() {
        Compilation.Success clause = (Compilation.Success) Language.compile("revenue * subsidy_rate", SCHEMA, PARAMETERS);
        Outcome outcome = new Evaluator(SCHEMA, ParameterValues.NONE).evaluate(clause, TIANHE_SOFTWARE, YEAR);
        assertThat(((Outcome.Failed) outcome).error().message()).isEqualTo("no value of subsidy_rate is in force");
    }

    @Test
    void theDeepestExpressionTheParserAcceptsIsCheckedAndEvaluated() {
        String deepSum = "1元 + (".repeat(95) + "1元" + ")".repeat(95);
        assertThat(value(deepSum)).isEqualTo(Value.yuan("96"));
        String deepNot = "not ".repeat(190) + "listed";
        assertThat(value(deepNot)).isEqualTo(Value.bool(false));
    }

    @Test
    void aConditionalTakesOneBranchAndSaysWhy() {
        Outcome.Evaluated result = evaluated("if listed then 100万元 else 50万元", TIANHE_SOFTWARE);
        assertThat(result.value()).isEqualTo(Value.yuan("500000"));
        assertThat(result.trace().notes()).containsExactly("the condition is false, so the 'else' branch applies");
    }
}
