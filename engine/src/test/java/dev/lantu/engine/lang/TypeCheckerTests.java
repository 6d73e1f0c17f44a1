package dev.lantu.engine.lang;

import static dev.lantu.engine.Examples.PARAMETERS;
import static dev.lantu.engine.Examples.SCHEMA;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class TypeCheckerTests {

    private static Type typeOf(String source) {
        Compilation compilation = Language.compile(source, SCHEMA, PARAMETERS);
        assertThat(compilation.errors()).as("errors in %s", source).isEmpty();
        return ((Compilation.Success) compilation).type();
    }

    private static List<LanguageError> errors(String source) {
        Compilation compilation = Language.compile(source, SCHEMA, PARAMETERS);
        assertThat(compilation).as(source).isInstanceOf(Compilation.Failure.class);
        return compilation.errors();
    }

    private static LanguageError error(String source) {
        List<LanguageError> errors = errors(source);
        assertThat(errors).as(source).hasSize(1);
        return errors.get(0);
    }

    @ParameterizedTest(name = "{0} : {1}")
    @CsvSource(delimiter = '|', value = {
            "12                                    | NUMBER",
            "10%                                   | NUMBER",
            "500万元                                | MONEY",
            "2025-02-07                            | DATE",
            "\"440106\"                             | TEXT",
            "[\"a\", \"b\"]                         | SET",
            "[]                                    | SET",
            "true                                  | BOOLEAN",
            "revenue                               | MONEY",
            "revenue[last_year]                    | MONEY",
            "subsidy_rate                          | NUMBER",
            "revenue * subsidy_rate                | MONEY",
            "10% * rd_expense                      | MONEY",
            "revenue / 2                           | MONEY",
            "revenue / revenue[last_year]          | NUMBER",
            "revenue + rd_expense                  | MONEY",
            "employees * 2 + 1                     | NUMBER",
            "-revenue                              | MONEY",
            "revenue >= 2000万元                    | BOOLEAN",
            "registered_on < 2025-01-01            | BOOLEAN",
            "district == \"440106\"                 | BOOLEAN",
            "\"高新技术企业\" in qualifications         | BOOLEAN",
            "district in [\"440106\", \"440112\"]     | BOOLEAN",
            "listed and not (employees < 10)       | BOOLEAN",
            "if listed then 100万元 else 50万元        | MONEY",
            "min(revenue * 10%, cap)               | MONEY",
            "max(employees, 1, 2)                  | NUMBER",
            "clamp(rd_expense, 0元, 1500万元)         | MONEY",
            "abs(employees - 10)                   | NUMBER",
            "tiered(rd_expense, [500万: 10%, 5%])   | MONEY",
            "tiered(employees, [100: 1, 2])        | NUMBER",
            "growth(revenue)                       | NUMBER",
            "growth(employees, 2)                  | NUMBER",
            "has(revenue[last_year])               | BOOLEAN",
            "count(tracks)                         | NUMBER",
    })
    void infersTheTypeOfWellTypedExpressions(String source, Type expected) {
        assertThat(typeOf(source)).isEqualTo(expected);
    }

    @Test
    void anUnknownVariableSuggestsTheClosestKnownName() {
        LanguageError error = error("revenu[last_year] > 1万元");
        assertThat(error.message()).isEqualTo("unknown name 'revenu'");
        assertThat(error.suggestion()).isEqualTo("did you mean revenue?");
        assertThat(error.position()).isEqualTo(new Position(1, 1));
    }

    @Test
    void suggestionsAlsoComeFromParameters() {
        assertThat(error("revenue * subsidy_rat").suggestion()).isEqualTo("did you mean subsidy_rate?");
    }

    @Test
    void aNameFarFromEveryKnownNameGetsNoGuess() {
        assertThat(error("zzz > 1").suggestion()).isEqualTo("declare it in the schema or as a parameter");
    }

    @Test
    void addingMoneyAndANumberIsAnErrorSuggestingAUnit() {
        LanguageError error = error("revenue + 500");
        assertThat(error.message()).isEqualTo("cannot add a number to an amount of money");
        assertThat(error.suggestion()).contains("500元").contains("500万元");
    }

    @Test
    void comparingMoneyWithANumberNamesBothAndSuggestsAUnit() {
        LanguageError error = error("revenue > 2000");
        assertThat(error.message()).isEqualTo("cannot compare an amount of money with a number using '>'");
        assertThat(error.suggestion()).contains("2000万元");
        assertThat(error.position()).isEqualTo(new Position(1, 1));
    }

    @Test
    void multiplyingTwoAmountsIsAnError() {
        assertThat(error("revenue * rd_expense").suggestion()).isEqualTo("one side should be a rate or a count");
    }

    @Test
    void dividingANumberByMoneyIsAnError() {
        assertThat(error("2 / revenue").message()).isEqualTo("cannot divide a number by an amount of money");
    }

    @Test
    void aPeriodOnAStaticVariableIsAnErrorAtTheReference() {
        LanguageError error = error("district[last_year] == \"440106\"");
        assertThat(error.message()).contains("district has one value, not one per year");
        assertThat(error.position()).isEqualTo(new Position(1, 1));
    }

    @Test
    void aPeriodOnAParameterIsAnError() {
        assertThat(error("subsidy_rate[last_year] > 1").message()).contains("takes no period");
    }

    @Test
    void andAndOrNeedConditions() {
        assertThat(error("listed and employees").message()).isEqualTo("'and' joins conditions, found a number");
    }

    @Test
    void orderingNeedsAnOrderedType() {
        assertThat(error("district < \"440106\"").message()).contains("orders numbers, amounts or dates");
    }

    @Test
    void membershipNeedsATextInASet() {
        assertThat(error("qualifications in \"专精特新\"").suggestion())
                .isEqualTo("write \"专精特新\" in qualifications");
        assertThat(error("employees in tracks").message()).contains("needs a text on the left");
        assertThat(error("district in [\"a\", 1]").message()).isEqualTo("a list holds texts, not a number");
    }

    @Test
    void branchesOfIfMustAgree() {
        assertThat(error("if listed then 1 else 2元").message()).contains("both branches of 'if' must have one type");
        assertThat(error("if employees then 1 else 2").message()).contains("the condition of 'if'");
    }

    @Test
    void growthNeedsAYearlyVariableWithoutAPeriod() {
        assertThat(error("growth(district)").message()).contains("yearly variable");
        assertThat(error("growth(revenue[last_year])").message()).contains("yearly variable");
        assertThat(error("growth(revenue, 0)").message()).contains("whole number of years");
        assertThat(error("growth(revenue, employees)").message()).contains("whole number of years");
    }

    @Test
    void tieredBoundsHaveTheBaseTypeAndIncrease() {
        assertThat(error("tiered(rd_expense, [500: 10%])").suggestion()).contains("500万元");
        assertThat(error("tiered(rd_expense, [500万: 10%, 100万: 5%])").message()).contains("must increase");
        assertThat(error("tiered(rd_expense, [500万: 1元])").message()).contains("a rate is a number");
        assertThat(error("tiered(district, [1: 10%])").message()).contains("number or an amount");
    }

    @Test
    void minAndMaxNeedOneOrderedType() {
        assertThat(error("min(revenue, 5)").message()).contains("must have one type");
        assertThat(error("max(district, district)").message()).contains("not text values");
    }

    @Test
    void aPeriodWordUsedAsAValueIsExplained() {
        assertThat(error("this_year > 2020").suggestion()).isEqualTo("write it after a yearly variable: revenue[this_year]");
    }

    @Test
    void oneErrorIsReportedOnceNotAtEveryLevelAboveIt() {
        assertThat(errors("(revenu + 1万元) * 2 > 5万元 and listed")).hasSize(1);
    }

    @Test
    void independentErrorsAreAllReported() {
        assertThat(errors("revenu > 1万元 and employes > 5 and district[last_year] == \"x\""))
                .extracting(LanguageError::position)
                .containsExactly(new Position(1, 1), new Position(1, 18), new Position(1, 35));
    }

    @Test
    void anExpectedTypeIsEnforced() {
        Compilation eligibility = Language.compile("revenue * 10%", SCHEMA, PARAMETERS, Type.BOOLEAN);
        assertThat(eligibility.errors()).singleElement()
                .satisfies(e -> assertThat(e.message()).isEqualTo("expected boolean here, found money"));
        assertThat(Language.compile("revenue > 1元", SCHEMA, PARAMETERS, Type.BOOLEAN))
                .isInstanceOf(Compilation.Success.class);
    }

    @Test
    void aNameInBothTheSchemaAndTheParametersIsAmbiguous() {
        Parameters clashing = Parameters.of(java.util.Map.of("revenue", Type.MONEY));
        assertThat(Language.compile("revenue > 1元", SCHEMA, clashing).errors()).singleElement()
                .satisfies(e -> assertThat(e.message()).contains("both a variable and a parameter"));
    }
}
