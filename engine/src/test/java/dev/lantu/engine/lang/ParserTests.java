package dev.lantu.engine.lang;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class ParserTests {

    private static Expr parse(String source) {
        Parser.Parsed parsed = Parser.parse(source);
        assertThat(parsed.errors()).as("errors parsing %s", source).isEmpty();
        return parsed.expr();
    }

    private static List<LanguageError> errors(String source) {
        Parser.Parsed parsed = Parser.parse(source);
        assertThat(parsed.expr()).isNull();
        return parsed.errors();
    }

    @Test
    void multiplicationBindsTighterThanAddition() {
        assertThat(Printer.print(parse("1 + 2 * 3"))).isEqualTo("1 + 2 * 3");
        Expr.Binary sum = (Expr.Binary) parse("1 + 2 * 3");
        assertThat(sum.operator()).isEqualTo(Operator.PLUS);
        assertThat(((Expr.Binary) sum.right()).operator()).isEqualTo(Operator.TIMES);
    }

    @Test
    void subtractionIsLeftAssociative() {
        Expr.Binary outer = (Expr.Binary) parse("10 - 3 - 2");
        assertThat(outer.left()).isInstanceOf(Expr.Binary.class);
        assertThat(outer.right()).isEqualTo(new Expr.NumberLiteral(new BigDecimal("2"), new Position(1, 10)));
    }

    @Test
    void andBindsTighterThanOrAndNotTighterThanAnd() {
        Expr.Binary or = (Expr.Binary) parse("not a and b or c");
        assertThat(or.operator()).isEqualTo(Operator.OR);
        Expr.Binary and = (Expr.Binary) or.left();
        assertThat(and.operator()).isEqualTo(Operator.AND);
        assertThat(and.left()).isInstanceOf(Expr.Unary.class);
    }

    @Test
    void notAppliesToAWholeComparison() {
        Expr.Unary not = (Expr.Unary) parse("not revenue > 1万元");
        assertThat(not.operand()).isInstanceOf(Expr.Binary.class);
    }

    @Test
    void referencesTakeAnOptionalPeriod() {
        assertThat(((Expr.Reference) parse("revenue")).period()).isNull();
        assertThat(((Expr.Reference) parse("revenue[this_year]")).period()).isEqualTo(Period.THIS_YEAR);
        assertThat(((Expr.Reference) parse("revenue[last_year]")).period()).isEqualTo(Period.LAST_YEAR);
        assertThat(((Expr.Reference) parse("revenue[year - 2]")).period()).isEqualTo(new Period.Relative(-2));
        assertThat(((Expr.Reference) parse("revenue[year]")).period()).isEqualTo(Period.THIS_YEAR);
        assertThat(((Expr.Reference) parse("revenue[2023]")).period()).isEqualTo(new Period.Absolute(2023));
    }

    @Test
    void aMisspeltPeriodSuggestsTheRightOne() {
        assertThat(errors("revenue[last_yaer]")).singleElement().satisfies(error -> {
            assertThat(error.position()).isEqualTo(new Position(1, 9));
            assertThat(error.suggestion()).isEqualTo("did you mean last_year?");
        });
    }

    @Test
    void conditionalsNeedBothBranches() {
        assertThat(parse("if a then 1 else 2")).isInstanceOf(Expr.Conditional.class);
        assertThat(errors("if a then 1")).singleElement()
                .satisfies(error -> assertThat(error.message()).contains("expected 'else'"));
    }

    @Test
    void aConditionalCanBeAnOperand() {
        Expr.Binary sum = (Expr.Binary) parse("1 + if a then 2 else 3");
        assertThat(sum.right()).isInstanceOf(Expr.Conditional.class);
    }

    @Test
    void membershipInAListOrASetVariable() {
        Expr.Membership membership = (Expr.Membership) parse("\"高新技术企业\" in qualifications");
        assertThat(membership.set()).isInstanceOf(Expr.Reference.class);
        Expr.Membership inList = (Expr.Membership) parse("district in [\"440106\", \"440112\"]");
        assertThat(((Expr.SetLiteral) inList.set()).elements()).hasSize(2);
    }

    @Test
    void functionCallsKnowTheirFunction() {
        Expr.Call call = (Expr.Call) parse("clamp(x, 0, 10)");
        assertThat(call.function()).isEqualTo(Function.CLAMP);
        assertThat(call.arguments()).hasSize(3);
    }

    @Test
    void anUnknownFunctionSuggestsAKnownOne() {
        assertThat(errors("mni(a, b)")).singleElement().satisfies(error -> {
            assertThat(error.message()).contains("unknown function 'mni'");
            assertThat(error.suggestion()).isEqualTo("did you mean min?");
        });
    }

    @Test
    void aWrongNumberOfArgumentsIsAnError() {
        assertThat(errors("clamp(x, 1)")).singleElement()
                .satisfies(error -> assertThat(error.message()).isEqualTo("clamp takes 3 arguments, not 2"));
        assertThat(errors("min(x)")).singleElement()
                .satisfies(error -> assertThat(error.message()).isEqualTo("min takes at least 2 arguments, not 1"));
    }

    @Test
    void aTieredScheduleListsBoundsWithRatesAndAnOptionalRateForTheRest() {
        Expr.Tiered tiered = (Expr.Tiered) parse("tiered(investment, [500万: 10%, 2000万: 5%, 3%])");
        assertThat(tiered.tiers()).hasSize(2);
        assertThat(tiered.tiers().get(0).upTo()).isEqualTo(new Expr.MoneyLiteral(500_000_000L, new Position(1, 21)));
        assertThat(((Expr.NumberLiteral) tiered.aboveRate()).value()).isEqualByComparingTo("0.03");
        assertThat(((Expr.Tiered) parse("tiered(x, [100: 10%])")).aboveRate()).isNull();
    }

    @Test
    void theRateForTheRestMustComeLast() {
        assertThat(errors("tiered(x, [5%, 100: 10%])")).singleElement()
                .satisfies(error -> assertThat(error.message()).contains("must be the last entry"));
        assertThat(errors("tiered(x, [5%])")).singleElement()
                .satisfies(error -> assertThat(error.message()).contains("at least one bound"));
    }

    @Test
    void comparisonsDoNotChain() {
        assertThat(errors("0 < x < 10")).singleElement().satisfies(error -> {
            assertThat(error.message()).isEqualTo("comparisons do not chain");
            assertThat(error.suggestion()).isEqualTo("write a < b and b < c");
        });
    }

    @Test
    void nodesCarryThePositionOfTheirFirstToken() {
        Expr.Binary and = (Expr.Binary) parse("a > 1\n  and b");
        assertThat(and.position()).isEqualTo(new Position(1, 1));
        assertThat(and.right().position()).isEqualTo(new Position(2, 7));
    }

    @Test
    void oneParseReportsManyErrors() {
        List<LanguageError> errors = errors("revenue > and employees == ) or (x +");
        assertThat(errors).extracting(LanguageError::position)
                .containsExactly(new Position(1, 11), new Position(1, 28), new Position(1, 37));
    }

    @Test
    void lexicalAndSyntaxErrorsAreReportedTogetherInOrder() {
        List<LanguageError> errors = errors("a @ b and (c");
        assertThat(errors).extracting(LanguageError::position)
                .containsExactly(new Position(1, 3), new Position(1, 5), new Position(1, 13));
    }

    @Test
    void anEmptyExpressionIsAnError() {
        assertThat(errors("   ")).singleElement()
                .satisfies(error -> assertThat(error.message()).isEqualTo("the expression is empty"));
    }

    @Test
    void tooDeepANestingIsAnErrorNotAStackOverflow() {
        String deep = "(".repeat(10_000) + "1" + ")".repeat(10_000);
        assertThat(errors(deep)).first().satisfies(error -> assertThat(error.message()).contains("nested too deeply"));
        String long_ = "1" + " + 1".repeat(10_000);
        assertThat(errors(long_)).first().satisfies(error -> assertThat(error.message()).contains("nested too deeply"));
    }

    @Test
    void printingAndReparsingGivesTheSameTree() {
        for (String source : List.of("(a + b) * c", "a - (b - c)", "not (a and b) or c", "-(x + 1)",
                "(if a then 1 else 2) + 3", "\"q\\\"uote\" in [\"a\", \"b\"]", "tiered(x, [5万元: 10%, 5%])",
                "revenue[year - 2] / revenue[last_year] >= 1.2", "(a == b) == c")) {
            String printed = Printer.print(parse(source));
            assertThat(Printer.print(parse(printed))).as(source).isEqualTo(printed);
            assertThat(withoutPositions(parse(printed))).as(source).isEqualTo(withoutPositions(parse(source)));
        }
    }

    /** Trees compared by shape: positions differ after reprinting. */
    static String withoutPositions(Expr expr) {
        return expr.toString().replaceAll("position=\\d+:\\d+", "");
    }
}
