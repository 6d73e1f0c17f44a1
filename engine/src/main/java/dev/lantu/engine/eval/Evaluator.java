package dev.lantu.engine.eval;

import dev.lantu.engine.lang.Compilation;
import dev.lantu.engine.lang.Expr;
import dev.lantu.engine.lang.Operator;
import dev.lantu.engine.lang.Printer;
import dev.lantu.engine.lang.Schema;
import dev.lantu.engine.lang.Variable;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Evaluates a checked expression for one enterprise, as of an application year, and records a
 * trace of every step. It is the reference evaluator: the batch and SQL evaluators must agree with
 * it exactly.
 *
 * <h2>Periods</h2>
 * {@code this_year} is the application year, {@code last_year} the year before, {@code year - n}
 * n years before; a yearly variable written without a period reads {@code this_year}.
 *
 * <h2>Unknown facts</h2>
 * A fact the profile lacks evaluates to {@link Value.Unknown}, never to zero or false. Logic is
 * Kleene's three-valued logic: {@code false and unknown} is false, {@code true or unknown} is true,
 * {@code not unknown} is unknown. Arithmetic, comparison, membership and functions (except
 * {@code has}) of an unknown are unknown. {@code if unknown then a else b} is a's value when a
 * and b agree, unknown otherwise. Every unknown carries the facts that would settle it.
 *
 * <h2>Money</h2>
 * Amounts are whole fen in a {@code long}. Adding and subtracting amounts is exact. An amount
 * multiplied or divided by a number is computed exactly and then <b>rounded half-up to the fen</b>
 * (to the nearest fen, a half fen away from zero: 0.5 fen → 1 fen, -0.5 fen → -1 fen); the trace
 * notes every rounding that changed a value. A {@code tiered} schedule on an amount sums its tiers
 * exactly and rounds once, at the end. An amount beyond the range of a {@code long} is an error.
 *
 * <h2>Numbers</h2>
 * Numbers are exact decimals. A quotient that does not terminate (1 / 3, growth ratios) is rounded
 * half-up to {@value #NUMBER_SCALE} decimal places.
 *
 * <h2>Errors</h2>
 * Division by zero, an amount out of range, growth from zero, a schedule whose bounds do not
 * increase, or a profile value of the wrong type end the evaluation with an {@link EvaluationError};
 * no exception reaches the caller.
 */
public final class Evaluator {

    /** Decimal places kept in a quotient of numbers that does not terminate. */
    public static final int NUMBER_SCALE = 12;

    private final Schema schema;
    private final ParameterValues parameters;

    public Evaluator(Schema schema, ParameterValues parameters) {
        this.schema = schema;
        this.parameters = parameters;
    }

    /**
     * Evaluates {@code clause} for {@code enterprise} with {@code this_year} = {@code applicationYear}.
     * The clause must have been checked against this evaluator's schema and the types of its
     * parameters; the evaluator relies on those types rather than checking them again.
     */
    public Outcome evaluate(Compilation.Success clause, Enterprise enterprise, int applicationYear) {
        Run run = new Run(enterprise, applicationYear);
        List<Step> root = new ArrayList<>();
        try {
            Value value = run.eval(clause.expr(), root);
            Step trace = root.isEmpty() ? literalStep(clause.expr(), value) : root.get(0);
            return new Outcome.Evaluated(value, trace, applicationYear);
        } catch (Failure failure) {
            return new Outcome.Failed(failure.error);
        }
    }

    private static Step literalStep(Expr expr, Value value) {
        return new Step(expr, value, List.of(), List.of(), List.of(), List.of());
    }

    /** Ends an evaluation; caught in {@link #evaluate}, never seen by callers. */
    private static final class Failure extends RuntimeException {
        private final EvaluationError error;

        Failure(Expr where, String message) {
            super(message, null, false, false);
            this.error = new EvaluationError(where.position(), Printer.print(where), message);
        }
    }

    /** The state of one evaluation: the enterprise and the year. */
    private final class Run {
        private final Enterprise enterprise;
        private final int year;

        Run(Enterprise enterprise, int year) {
            this.enterprise = enterprise;
            this.year = year;
        }

        /** What one step collects before it becomes a {@link Step}. */
        private final class Frame {
            final List<Read> reads = new ArrayList<>();
            final List<ParameterUse> parameters = new ArrayList<>();
            final List<String> notes = new ArrayList<>();
            final List<Step> steps = new ArrayList<>();
        }

        Value eval(Expr expr, List<Step> out) {
            Optional<Value> literal = literal(expr);
            if (literal.isPresent()) {
                return literal.get();
            }
            Frame frame = new Frame();
            Value value;
            try {
                value = compute(expr, frame);
            } catch (ArithmeticException overflow) {
                throw new Failure(expr, "the result is beyond the range of amounts (" + overflow.getMessage() + ")");
            }
            out.add(new Step(expr, value, frame.reads, frame.parameters, frame.notes, frame.steps));
            return value;
        }

        /** Literals need no step: their value is written in the clause. */
        private Optional<Value> literal(Expr expr) {
            if (expr instanceof Expr.NumberLiteral number) {
                return Optional.of(Value.number(number.value()));
            }
            if (expr instanceof Expr.MoneyLiteral money) {
                return Optional.of(Value.money(money.fen()));
            }
            if (expr instanceof Expr.BooleanLiteral bool) {
                return Optional.of(Value.bool(bool.value()));
            }
            if (expr instanceof Expr.DateLiteral date) {
                return Optional.of(Value.date(date.value()));
            }
            if (expr instanceof Expr.TextLiteral text) {
                return Optional.of(Value.text(text.value()));
            }
            if (expr instanceof Expr.SetLiteral set && set.elements().stream().allMatch(e -> e instanceof Expr.TextLiteral)) {
                return Optional.of(Value.set(set.elements().stream().map(e -> ((Expr.TextLiteral) e).value()).toList()));
            }
            return Optional.empty();
        }

        private Value compute(Expr expr, Frame frame) {
            if (expr instanceof Expr.Reference reference) {
                return reference(reference, frame);
            }
            if (expr instanceof Expr.Unary unary) {
                return unary(unary, frame);
            }
            if (expr instanceof Expr.Binary binary) {
                return binary.operator().isLogical() ? logical(binary, frame) : binary(binary, frame);
            }
            if (expr instanceof Expr.Conditional conditional) {
                return conditional(conditional, frame);
            }
            if (expr instanceof Expr.Membership membership) {
                return membership(membership, frame);
            }
            if (expr instanceof Expr.SetLiteral set) {
                return setLiteral(set, frame);
            }
            if (expr instanceof Expr.Call call) {
                return call(call, frame);
            }
            if (expr instanceof Expr.Tiered tiered) {
                return tiered(tiered, frame);
            }
            throw new IllegalStateException("no evaluation for " + expr);
        }

        private Value reference(Expr.Reference reference, Frame frame) {
            Optional<Variable> variable = schema.variable(reference.name());
            if (variable.isPresent()) {
                Fact fact = factOf(variable.get(), reference);
                Value value = read(fact, variable.get(), reference);
                frame.reads.add(new Read(fact, value));
                return value;
            }
            ParameterValue parameter = parameters.lookup(reference.name())
                    .orElseThrow(() -> new Failure(reference, "no value of " + reference.name() + " is in force"));
            frame.parameters.add(new ParameterUse(reference.name(), parameter.value(), parameter.reference()));
            return parameter.value();
        }

        private Fact factOf(Variable variable, Expr.Reference reference) {
            if (!variable.isYearly()) {
                return Fact.of(variable.name());
            }
            return Fact.of(variable.name(), reference.hasPeriod() ? reference.period().resolve(year) : year);
        }

        private Value read(Fact fact, Variable variable, Expr where) {
            Optional<Value> found = fact.isYearly()
                    ? enterprise.fact(fact.variable(), fact.year())
                    : enterprise.fact(fact.variable());
            if (found.isEmpty() || found.get().isUnknown()) {
                return Value.Unknown.of(fact);
            }
            if (found.get().type() != variable.type()) {
                throw new Failure(where, "the profile gives " + found.get().type() + " for " + fact
                        + ", which the schema declares " + variable.type());
            }
            return found.get();
        }

        private Value unary(Expr.Unary unary, Frame frame) {
            Value operand = eval(unary.operand(), frame.steps);
            if (operand.isUnknown()) {
                return operand;
            }
            if (unary.operator() == Operator.NOT) {
                return Value.bool(!bool(operand));
            }
            if (operand instanceof Value.Money money) {
                return Value.money(Math.negateExact(money.fen()));
            }
            return Value.number(number(operand).negate());
        }

        /** Kleene logic; the right side is skipped when the left already decides. */
        private Value logical(Expr.Binary binary, Frame frame) {
            boolean and = binary.operator() == Operator.AND;
            Value left = eval(binary.left(), frame.steps);
            if (!left.isUnknown() && bool(left) != and) {
                frame.notes.add("the left side is " + left.show() + ", which decides '" + binary.operator().symbol()
                        + "'; the right side is not evaluated");
                return left;
            }
            Value right = eval(binary.right(), frame.steps);
            if (!right.isUnknown() && bool(right) != and) {
                if (left.isUnknown()) {
                    frame.notes.add("the right side is " + right.show() + ", which decides '"
                            + binary.operator().symbol() + "' whatever the unknown left side is");
                }
                return right;
            }
            if (left.isUnknown() || right.isUnknown()) {
                return unknown(left, right);
            }
            return Value.bool(and);
        }

        private Value binary(Expr.Binary binary, Frame frame) {
            Value left = eval(binary.left(), frame.steps);
            Value right = eval(binary.right(), frame.steps);
            if (left.isUnknown() || right.isUnknown()) {
                return unknown(left, right);
            }
            Operator operator = binary.operator();
            if (operator.isComparison()) {
                return Value.bool(compare(operator, left, right));
            }
            return switch (operator) {
                case PLUS -> left instanceof Value.Money a
                        ? Value.money(Math.addExact(a.fen(), ((Value.Money) right).fen()))
                        : Value.number(number(left).add(number(right)));
                case MINUS -> left instanceof Value.Money a
                        ? Value.money(Math.subtractExact(a.fen(), ((Value.Money) right).fen()))
                        : Value.number(number(left).subtract(number(right)));
                case TIMES -> multiply(left, right, frame);
                case DIVIDE -> divide(binary, left, right, frame);
                default -> throw new IllegalStateException("not arithmetic: " + operator);
            };
        }

        private boolean compare(Operator operator, Value left, Value right) {
            if (operator == Operator.EQUAL) {
                return left.equals(right);
            }
            if (operator == Operator.NOT_EQUAL) {
                return !left.equals(right);
            }
            int order = order(left, right);
            return switch (operator) {
                case LESS -> order < 0;
                case LESS_EQUAL -> order <= 0;
                case GREATER -> order > 0;
                case GREATER_EQUAL -> order >= 0;
                default -> throw new IllegalStateException("not an ordering: " + operator);
            };
        }

        private Value multiply(Value left, Value right, Frame frame) {
            if (left instanceof Value.Money || right instanceof Value.Money) {
                Value.Money amount = (Value.Money) (left instanceof Value.Money ? left : right);
                BigDecimal rate = number(left instanceof Value.Money ? right : left);
                return toFen(BigDecimal.valueOf(amount.fen()).multiply(rate), frame);
            }
            return Value.number(number(left).multiply(number(right)));
        }

        private Value divide(Expr.Binary binary, Value left, Value right, Frame frame) {
            boolean zero = right instanceof Value.Money money ? money.fen() == 0 : number(right).signum() == 0;
            if (zero) {
                throw new Failure(binary, "division by zero: " + Printer.print(binary.right()) + " is " + right.show());
            }
            if (left instanceof Value.Money amount && right instanceof Value.Money divisor) {
                return quotient(BigDecimal.valueOf(amount.fen()), BigDecimal.valueOf(divisor.fen()));
            }
            if (left instanceof Value.Money amount) {
                // one rounding, straight to the fen: rounding first to some decimals would round twice
                BigDecimal dividend = BigDecimal.valueOf(amount.fen());
                BigDecimal rounded = dividend.divide(number(right), 0, RoundingMode.HALF_UP);
                if (rounded.multiply(number(right)).compareTo(dividend) != 0) {
                    frame.notes.add(amount.show() + " / " + right.show() + " is not a whole number of fen; "
                            + "rounded half-up to the fen: " + Printer.money(rounded.longValueExact()));
                }
                return Value.money(rounded.longValueExact());
            }
            return quotient(number(left), number(right));
        }

        private Value quotient(BigDecimal dividend, BigDecimal divisor) {
            return Value.number(dividend.divide(divisor, NUMBER_SCALE, RoundingMode.HALF_UP));
        }

        /** Rounds an exact amount of fen half-up to a whole fen, and notes it when that changed it. */
        private Value toFen(BigDecimal exactFen, Frame frame) {
            BigDecimal rounded = exactFen.setScale(0, RoundingMode.HALF_UP);
            if (rounded.compareTo(exactFen) != 0) {
                frame.notes.add("exactly " + fenAsYuan(exactFen) + ", rounded half-up to the fen: "
                        + Printer.money(rounded.longValueExact()));
            }
            return Value.money(rounded.longValueExact());
        }

        private Value conditional(Expr.Conditional conditional, Frame frame) {
            Value condition = eval(conditional.condition(), frame.steps);
            if (!condition.isUnknown()) {
                boolean holds = bool(condition);
                frame.notes.add("the condition is " + condition.show() + ", so the '" + (holds ? "then" : "else")
                        + "' branch applies");
                return eval(holds ? conditional.whenTrue() : conditional.whenFalse(), frame.steps);
            }
            Value whenTrue = eval(conditional.whenTrue(), frame.steps);
            Value whenFalse = eval(conditional.whenFalse(), frame.steps);
            if (!whenTrue.isUnknown() && whenTrue.equals(whenFalse)) {
                frame.notes.add("the condition is unknown, but both branches give " + whenTrue.show());
                return whenTrue;
            }
            return unknown(condition, whenTrue, whenFalse);
        }

        private Value membership(Expr.Membership membership, Frame frame) {
            Value element = eval(membership.element(), frame.steps);
            Value set = eval(membership.set(), frame.steps);
            if (element.isUnknown() || set.isUnknown()) {
                return unknown(element, set);
            }
            return Value.bool(((Value.TextSet) set).members().contains(((Value.Text) element).value()));
        }

        private Value setLiteral(Expr.SetLiteral set, Frame frame) {
            List<Value> elements = new ArrayList<>();
            for (Expr element : set.elements()) {
                elements.add(eval(element, frame.steps));
            }
            if (elements.stream().anyMatch(Value::isUnknown)) {
                return unknown(elements.toArray(Value[]::new));
            }
            return Value.set(elements.stream().map(e -> ((Value.Text) e).value()).toList());
        }

        private Value call(Expr.Call call, Frame frame) {
            return switch (call.function()) {
                case HAS -> has((Expr.Reference) call.arguments().get(0), frame);
                case GROWTH -> growth(call, frame);
                default -> {
                    List<Value> arguments = new ArrayList<>();
                    for (Expr argument : call.arguments()) {
                        arguments.add(eval(argument, frame.steps));
                    }
                    if (arguments.stream().anyMatch(Value::isUnknown)) {
                        yield unknown(arguments.toArray(Value[]::new));
                    }
                    yield apply(call, arguments);
                }
            };
        }

        private Value apply(Expr.Call call, List<Value> arguments) {
            return switch (call.function()) {
                case MIN -> arguments.stream().reduce((a, b) -> order(b, a) < 0 ? b : a).orElseThrow();
                case MAX -> arguments.stream().reduce((a, b) -> order(b, a) > 0 ? b : a).orElseThrow();
                case CLAMP -> {
                    Value x = arguments.get(0);
                    Value low = arguments.get(1);
                    Value high = arguments.get(2);
                    if (order(low, high) > 0) {
                        throw new Failure(call, "the low bound " + low.show() + " of clamp is above its high bound "
                                + high.show());
                    }
                    yield order(x, low) < 0 ? low : order(x, high) > 0 ? high : x;
                }
                case ABS -> arguments.get(0) instanceof Value.Money money
                        ? Value.money(Math.absExact(money.fen()))
                        : Value.number(number(arguments.get(0)).abs());
                case COUNT -> Value.number(((Value.TextSet) arguments.get(0)).members().size());
                default -> throw new IllegalStateException("no evaluation for " + call.function());
            };
        }

        /** Whether the profile holds the fact: true or false, never unknown, so a clause can branch on it. */
        private Value has(Expr.Reference reference, Frame frame) {
            Variable variable = schema.variable(reference.name())
                    .orElseThrow(() -> new Failure(reference, reference.name() + " is not a variable"));
            Fact fact = factOf(variable, reference);
            Value value = read(fact, variable, reference);
            frame.reads.add(new Read(fact, value));
            return Value.bool(!value.isUnknown());
        }

        /** growth(v, n) = v[this_year] / v[year - n] - 1, an exact ratio rounded like any quotient. */
        private Value growth(Expr.Call call, Frame frame) {
            Expr.Reference reference = (Expr.Reference) call.arguments().get(0);
            int span = call.arguments().size() == 2
                    ? ((Expr.NumberLiteral) call.arguments().get(1)).value().intValueExact() : 1;
            Variable variable = schema.variable(reference.name())
                    .orElseThrow(() -> new Failure(reference, reference.name() + " is not a variable"));
            Fact now = Fact.of(variable.name(), year);
            Fact then = Fact.of(variable.name(), year - span);
            Value current = read(now, variable, reference);
            Value base = read(then, variable, reference);
            frame.reads.add(new Read(now, current));
            frame.reads.add(new Read(then, base));
            if (current.isUnknown() || base.isUnknown()) {
                return unknown(current, base);
            }
            BigDecimal from = magnitude(base);
            if (from.signum() == 0) {
                throw new Failure(call, "growth from " + then + " is undefined: it was " + base.show());
            }
            return Value.number(magnitude(current).subtract(from).divide(from, NUMBER_SCALE, RoundingMode.HALF_UP));
        }

        /** Marginal schedule: each tier's rate applies to the part of the base inside the tier. */
        private Value tiered(Expr.Tiered tiered, Frame frame) {
            List<Value> operands = new ArrayList<>();
            Value base = eval(tiered.base(), frame.steps);
            operands.add(base);
            List<Value> bounds = new ArrayList<>();
            List<Value> rates = new ArrayList<>();
            for (Expr.Tier tier : tiered.tiers()) {
                bounds.add(eval(tier.upTo(), frame.steps));
                rates.add(eval(tier.rate(), frame.steps));
            }
            Value above = tiered.aboveRate() == null ? null : eval(tiered.aboveRate(), frame.steps);
            operands.addAll(bounds);
            operands.addAll(rates);
            if (above != null) {
                operands.add(above);
            }
            if (operands.stream().anyMatch(Value::isUnknown)) {
                return unknown(operands.toArray(Value[]::new));
            }
            boolean money = base instanceof Value.Money;
            BigDecimal amount = magnitude(base);
            BigDecimal lower = BigDecimal.ZERO;
            BigDecimal total = BigDecimal.ZERO;
            for (int i = 0; i < bounds.size(); i++) {
                BigDecimal upper = magnitude(bounds.get(i));
                if (upper.compareTo(lower) <= 0) {
                    throw new Failure(tiered, "the bounds of the schedule must increase from above zero, but "
                            + bounds.get(i).show() + " follows " + show(lower, money));
                }
                BigDecimal part = amount.min(upper).subtract(lower).max(BigDecimal.ZERO);
                total = total.add(share(part, number(rates.get(i)), lower, upper, money, frame));
                lower = upper;
            }
            if (above != null) {
                BigDecimal part = amount.subtract(lower).max(BigDecimal.ZERO);
                total = total.add(share(part, number(above), lower, null, money, frame));
            }
            return money ? toFen(total, frame) : Value.number(total);
        }

        private BigDecimal share(BigDecimal part, BigDecimal rate, BigDecimal lower, BigDecimal upper, boolean money,
                                 Frame frame) {
            BigDecimal product = part.multiply(rate);
            String range = upper == null ? "above " + show(lower, money) : show(lower, money) + " to " + show(upper, money);
            frame.notes.add(range + ": " + rate.stripTrailingZeros().toPlainString() + " × " + show(part, money)
                    + " = " + show(product, money));
            return product;
        }

        private String show(BigDecimal magnitude, boolean money) {
            if (!money) {
                return magnitude.stripTrailingZeros().toPlainString();
            }
            return magnitude.stripTrailingZeros().scale() <= 0 ? Printer.money(magnitude.longValueExact())
                    : fenAsYuan(magnitude);
        }

        private static String fenAsYuan(BigDecimal fen) {
            return fen.movePointLeft(2).stripTrailingZeros().toPlainString() + "元";
        }

        /** Money as fen or a number as itself, for arithmetic that treats both alike. */
        private BigDecimal magnitude(Value value) {
            return value instanceof Value.Money money ? BigDecimal.valueOf(money.fen()) : number(value);
        }

        private int order(Value left, Value right) {
            if (left instanceof Value.Money a && right instanceof Value.Money b) {
                return Long.compare(a.fen(), b.fen());
            }
            if (left instanceof Value.DateValue a && right instanceof Value.DateValue b) {
                return a.value().compareTo(b.value());
            }
            return number(left).compareTo(number(right));
        }

        private boolean bool(Value value) {
            return ((Value.BooleanValue) value).value();
        }

        private BigDecimal number(Value value) {
            return ((Value.NumberValue) value).value();
        }

        private Value unknown(Value... values) {
            SortedSet<Fact> missing = new TreeSet<>();
            for (Value value : values) {
                if (value instanceof Value.Unknown unknown) {
                    missing.addAll(unknown.missing());
                }
            }
            return new Value.Unknown(missing);
        }
    }
}
