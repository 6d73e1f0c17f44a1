package dev.lantu.engine.lang;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Resolves every name against the schema and the parameters and infers the type of every
 * sub-expression, reporting all problems with their positions. The rules keep money honest:
 * money × number is money, money / money is a number, money + number is an error (the author
 * forgot a unit), and comparisons need two sides of one type.
 *
 * <p>A sub-expression whose type cannot be known because of an error already reported yields
 * {@code null} internally, so one mistake is reported once, not at every level above it.
 */
public final class TypeChecker {

    private final Schema schema;
    private final Parameters parameters;
    private final List<LanguageError> errors = new ArrayList<>();

    private TypeChecker(Schema schema, Parameters parameters) {
        this.schema = schema;
        this.parameters = parameters;
    }

    /** The type of {@code expr}, or every type and name error in it. */
    public static Checked check(Expr expr, Schema schema, Parameters parameters) {
        TypeChecker checker = new TypeChecker(schema, parameters);
        Type type = checker.typeOf(expr);
        return new Checked(type, List.copyOf(checker.errors));
    }

    /** @param type the inferred type; {@code null} when there are errors that hide it */
    public record Checked(Type type, List<LanguageError> errors) {
    }

    private Type typeOf(Expr expr) {
        if (expr instanceof Expr.NumberLiteral) {
            return Type.NUMBER;
        }
        if (expr instanceof Expr.MoneyLiteral) {
            return Type.MONEY;
        }
        if (expr instanceof Expr.BooleanLiteral) {
            return Type.BOOLEAN;
        }
        if (expr instanceof Expr.DateLiteral) {
            return Type.DATE;
        }
        if (expr instanceof Expr.TextLiteral) {
            return Type.TEXT;
        }
        if (expr instanceof Expr.SetLiteral set) {
            return setLiteral(set);
        }
        if (expr instanceof Expr.Reference reference) {
            return reference(reference);
        }
        if (expr instanceof Expr.Unary unary) {
            return unary(unary);
        }
        if (expr instanceof Expr.Binary binary) {
            return binary(binary);
        }
        if (expr instanceof Expr.Conditional conditional) {
            return conditional(conditional);
        }
        if (expr instanceof Expr.Membership membership) {
            return membership(membership);
        }
        if (expr instanceof Expr.Call call) {
            return call(call);
        }
        if (expr instanceof Expr.Tiered tiered) {
            return tiered(tiered);
        }
        throw new IllegalStateException("unchecked node " + expr);
    }

    private Type setLiteral(Expr.SetLiteral set) {
        boolean ok = true;
        for (Expr element : set.elements()) {
            Type type = typeOf(element);
            if (type != null && type != Type.TEXT) {
                error(element, "a list holds texts, not " + article(type), "quote it: \"…\"");
                ok = false;
            }
        }
        return ok ? Type.SET : null;
    }

    private Type reference(Expr.Reference reference) {
        String name = reference.name();
        Optional<Variable> variable = schema.variable(name);
        Optional<Type> parameter = parameters.typeOf(name);
        if (variable.isPresent() && parameter.isPresent()) {
            error(reference, "'" + name + "' is both a variable and a parameter", "rename the parameter");
            return null;
        }
        if (variable.isPresent()) {
            if (reference.hasPeriod() && !variable.get().isYearly()) {
                error(reference, name + " has one value, not one per year, so it takes no period",
                        "write " + name + " without [" + reference.period() + "]");
                return null;
            }
            return variable.get().type();
        }
        if (parameter.isPresent()) {
            if (reference.hasPeriod()) {
                error(reference, "the parameter " + name + " takes no period; the value in force is used",
                        "write " + name + " without [" + reference.period() + "]");
                return null;
            }
            return parameter.get();
        }
        unknownName(reference);
        return null;
    }

    private void unknownName(Expr.Reference reference) {
        String name = reference.name();
        if (List.of("this_year", "last_year", "year").contains(name)) {
            error(reference, name + " is a period, not a value", "write it after a yearly variable: revenue[" + name + "]");
            return;
        }
        if (Function.named(name).isPresent()) {
            error(reference, name + " is a function", Function.named(name).get().signature());
            return;
        }
        Collection<String> known = new ArrayList<>(schema.names());
        known.addAll(parameters.names());
        error(reference, "unknown name '" + name + "'",
                Suggestions.closest(name, known).map(s -> "did you mean " + s + "?")
                        .orElse("declare it in the schema or as a parameter"));
    }

    private Type unary(Expr.Unary unary) {
        Type operand = typeOf(unary.operand());
        if (operand == null) {
            return null;
        }
        if (unary.operator() == Operator.NOT) {
            if (operand != Type.BOOLEAN) {
                error(unary, "'not' needs a condition, found " + article(operand), "");
                return null;
            }
            return Type.BOOLEAN;
        }
        if (operand != Type.NUMBER && operand != Type.MONEY) {
            error(unary, "'-' needs a number or an amount, found " + article(operand), "");
            return null;
        }
        return operand;
    }

    private Type binary(Expr.Binary binary) {
        Type left = typeOf(binary.left());
        Type right = typeOf(binary.right());
        if (left == null || right == null) {
            return null;
        }
        Operator operator = binary.operator();
        if (operator.isLogical()) {
            return logical(binary, left, right);
        }
        if (operator.isComparison()) {
            return comparison(binary, left, right);
        }
        return arithmetic(binary, left, right);
    }

    private Type logical(Expr.Binary binary, Type left, Type right) {
        boolean ok = true;
        if (left != Type.BOOLEAN) {
            error(binary.left(), "'" + binary.operator().symbol() + "' joins conditions, found " + article(left), "");
            ok = false;
        }
        if (right != Type.BOOLEAN) {
            error(binary.right(), "'" + binary.operator().symbol() + "' joins conditions, found " + article(right), "");
            ok = false;
        }
        return ok ? Type.BOOLEAN : null;
    }

    private Type comparison(Expr.Binary binary, Type left, Type right) {
        String symbol = binary.operator().symbol();
        if (left != right) {
            error(binary, "cannot compare " + article(left) + " with " + article(right) + " using '" + symbol + "'",
                    unitHint(binary.left(), left, binary.right(), right));
            return null;
        }
        if (binary.operator().isOrdering() && !left.isOrdered()) {
            error(binary, "'" + symbol + "' orders numbers, amounts or dates, not " + left + " values",
                    "use == or !=");
            return null;
        }
        return Type.BOOLEAN;
    }

    private Type arithmetic(Expr.Binary binary, Type left, Type right) {
        Operator operator = binary.operator();
        Type result = arithmeticResult(operator, left, right);
        if (result == null) {
            String what = switch (operator) {
                case PLUS -> "add " + article(right) + " to " + article(left);
                case MINUS -> "subtract " + article(right) + " from " + article(left);
                case TIMES -> "multiply " + article(left) + " by " + article(right);
                default -> "divide " + article(left) + " by " + article(right);
            };
            String hint = left == Type.MONEY && right == Type.MONEY && operator == Operator.TIMES
                    ? "one side should be a rate or a count"
                    : unitHint(binary.left(), left, binary.right(), right);
            error(binary, "cannot " + what, hint);
        }
        return result;
    }

    /** The arithmetic table; {@code null} where the combination has no meaning. */
    static Type arithmeticResult(Operator operator, Type left, Type right) {
        boolean numbers = left == Type.NUMBER && right == Type.NUMBER;
        boolean amounts = left == Type.MONEY && right == Type.MONEY;
        return switch (operator) {
            case PLUS, MINUS -> numbers ? Type.NUMBER : amounts ? Type.MONEY : null;
            case TIMES -> numbers ? Type.NUMBER
                    : (left == Type.MONEY && right == Type.NUMBER) || (left == Type.NUMBER && right == Type.MONEY)
                    ? Type.MONEY : null;
            case DIVIDE -> numbers || amounts ? Type.NUMBER
                    : left == Type.MONEY && right == Type.NUMBER ? Type.MONEY : null;
            default -> null;
        };
    }

    /** When a bare number meets money, the author most likely forgot the unit: say so. */
    private static String unitHint(Expr left, Type leftType, Expr right, Type rightType) {
        Expr bare = leftType == Type.NUMBER && rightType == Type.MONEY ? left
                : leftType == Type.MONEY && rightType == Type.NUMBER ? right : null;
        if (bare instanceof Expr.NumberLiteral number) {
            String digits = number.value().toPlainString();
            return "write the amount with its unit: " + digits + "元 or " + digits + "万元";
        }
        if (bare != null) {
            return "amounts carry a unit (元, 万元, 亿元); a plain number does not";
        }
        return "";
    }

    private Type conditional(Expr.Conditional conditional) {
        Type condition = typeOf(conditional.condition());
        Type whenTrue = typeOf(conditional.whenTrue());
        Type whenFalse = typeOf(conditional.whenFalse());
        if (condition != null && condition != Type.BOOLEAN) {
            error(conditional.condition(), "the condition of 'if' must be true or false, found " + article(condition), "");
            return null;
        }
        if (whenTrue == null || whenFalse == null || condition == null) {
            return null;
        }
        if (whenTrue != whenFalse) {
            error(conditional.whenFalse(), "both branches of 'if' must have one type: 'then' gives " + article(whenTrue)
                    + ", 'else' gives " + article(whenFalse), unitHint(conditional.whenTrue(), whenTrue,
                    conditional.whenFalse(), whenFalse));
            return null;
        }
        return whenTrue;
    }

    private Type membership(Expr.Membership membership) {
        Type element = typeOf(membership.element());
        Type set = typeOf(membership.set());
        if (element == null || set == null) {
            return null;
        }
        if (element == Type.SET && set == Type.TEXT) {
            error(membership, "'in' asks whether a text is in a set; the sides are swapped",
                    "write " + Printer.print(membership.set()) + " in " + Printer.print(membership.element()));
            return null;
        }
        if (element != Type.TEXT || set != Type.SET) {
            error(membership, "'in' needs a text on the left and a set on the right, found " + article(element)
                    + " and " + article(set), "");
            return null;
        }
        return Type.BOOLEAN;
    }

    private Type call(Expr.Call call) {
        List<Type> types = new ArrayList<>();
        for (Expr argument : call.arguments()) {
            types.add(typeOf(argument));
        }
        if (types.contains(null)) {
            return null;
        }
        return switch (call.function()) {
            case MIN, MAX, CLAMP -> sameOrdered(call, types);
            case ABS -> {
                if (types.get(0) != Type.NUMBER && types.get(0) != Type.MONEY) {
                    error(call, "abs needs a number or an amount, found " + article(types.get(0)), "");
                    yield null;
                }
                yield types.get(0);
            }
            case COUNT -> {
                if (types.get(0) != Type.SET) {
                    error(call, "count needs a set, found " + article(types.get(0)), "");
                    yield null;
                }
                yield Type.NUMBER;
            }
            case HAS -> {
                if (!(call.arguments().get(0) instanceof Expr.Reference reference)
                        || schema.variable(reference.name()).isEmpty()) {
                    error(call, "has needs a variable of the schema", Function.HAS.signature());
                    yield null;
                }
                yield Type.BOOLEAN;
            }
            case GROWTH -> growth(call, types);
            case TIERED -> throw new IllegalStateException("tiered is parsed as its own node");
        };
    }

    private Type sameOrdered(Expr.Call call, List<Type> types) {
        Type first = types.get(0);
        for (int i = 0; i < types.size(); i++) {
            if (!types.get(i).isOrdered()) {
                error(call.arguments().get(i), call.function().spelling() + " compares numbers, amounts or dates, not "
                        + types.get(i) + " values", "");
                return null;
            }
            if (types.get(i) != first) {
                error(call.arguments().get(i), "the arguments of " + call.function().spelling()
                        + " must have one type: " + article(first) + " and " + article(types.get(i)),
                        unitHint(call.arguments().get(0), first, call.arguments().get(i), types.get(i)));
                return null;
            }
        }
        return first;
    }

    private Type growth(Expr.Call call, List<Type> types) {
        Expr subject = call.arguments().get(0);
        Optional<Variable> variable = subject instanceof Expr.Reference reference && !reference.hasPeriod()
                ? schema.variable(reference.name()) : Optional.empty();
        if (variable.isEmpty() || !variable.get().isYearly()) {
            error(subject, "growth needs a yearly variable written without a period", "write growth(revenue)");
            return null;
        }
        if (types.get(0) != Type.NUMBER && types.get(0) != Type.MONEY) {
            error(subject, "growth needs a number or an amount, found " + article(types.get(0)), "");
            return null;
        }
        if (call.arguments().size() == 2 && !isYearCount(call.arguments().get(1))) {
            error(call.arguments().get(1), "the span of growth is a whole number of years from 1 to 100",
                    "write growth(revenue, 2) for growth over two years");
            return null;
        }
        return Type.NUMBER;
    }

    static boolean isYearCount(Expr expr) {
        return expr instanceof Expr.NumberLiteral number && number.value().stripTrailingZeros().scale() <= 0
                && number.value().compareTo(BigDecimal.ONE) >= 0 && number.value().compareTo(BigDecimal.valueOf(100)) <= 0;
    }

    private Type tiered(Expr.Tiered tiered) {
        Type base = typeOf(tiered.base());
        if (base != null && base != Type.NUMBER && base != Type.MONEY) {
            error(tiered.base(), "tiered applies rates to a number or an amount, found " + article(base), "");
            base = null;
        }
        boolean ok = base != null;
        BigDecimal previousBound = null;
        for (Expr.Tier tier : tiered.tiers()) {
            Type bound = typeOf(tier.upTo());
            Type rate = typeOf(tier.rate());
            if (bound != null && base != null && bound != base) {
                error(tier.upTo(), "a bound of the schedule must have the base's type, " + article(base)
                        + ", found " + article(bound), unitHint(tiered.base(), base, tier.upTo(), bound));
                ok = false;
            }
            ok &= rateIsNumber(tier.rate(), rate);
            BigDecimal literal = literalValue(tier.upTo());
            if (literal != null && previousBound != null && literal.compareTo(previousBound) <= 0) {
                error(tier.upTo(), "the bounds of a schedule must increase", "list bounds from low to high");
                ok = false;
            }
            previousBound = literal;
        }
        if (tiered.aboveRate() != null) {
            ok &= rateIsNumber(tiered.aboveRate(), typeOf(tiered.aboveRate()));
        }
        return ok ? base : null;
    }

    private boolean rateIsNumber(Expr rate, Type type) {
        if (type != null && type != Type.NUMBER) {
            error(rate, "a rate is a number such as 10%, found " + article(type), "");
            return false;
        }
        return type != null;
    }

    private static BigDecimal literalValue(Expr expr) {
        if (expr instanceof Expr.MoneyLiteral money) {
            return BigDecimal.valueOf(money.fen());
        }
        if (expr instanceof Expr.NumberLiteral number) {
            return number.value();
        }
        return null;
    }

    private static String article(Type type) {
        return switch (type) {
            case NUMBER -> "a number";
            case MONEY -> "an amount of money";
            case BOOLEAN -> "a condition (true or false)";
            case DATE -> "a date";
            case TEXT -> "a text";
            case SET -> "a set of texts";
        };
    }

    private void error(Expr where, String message, String suggestion) {
        errors.add(new LanguageError(where.position(), message, suggestion));
    }
}
