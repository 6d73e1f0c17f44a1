package dev.lantu.engine.sql;

import dev.lantu.engine.eval.Evaluator;
import dev.lantu.engine.eval.ParameterValue;
import dev.lantu.engine.eval.ParameterValues;
import dev.lantu.engine.eval.Value;
import dev.lantu.engine.lang.Expr;
import dev.lantu.engine.lang.Operator;
import dev.lantu.engine.lang.Printer;
import dev.lantu.engine.lang.Type;
import dev.lantu.engine.lang.Variable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Compiles one checked expression into {@link Term}s, construct by construct, following
 * {@link Evaluator} step for step: which operands it evaluates (so which failures count), when a
 * result is unknown, and how it rounds. Each method names the rule of the evaluator it mirrors.
 */
final class ExpressionCompiler {

    static final String LONG_MIN = "-9223372036854775808";
    static final String LONG_MAX = "9223372036854775807";
    /** DuckDB's decimals hold 38 digits. */
    private static final int MAX_DIGITS = 38;

    private final SqlDialect dialect;
    private final ProfileTable table;
    private final ParameterValues parameters;
    private final int year;
    private final Layers layers;

    ExpressionCompiler(SqlDialect dialect, ProfileTable table, ParameterValues parameters, int year, Layers layers) {
        this.dialect = dialect;
        this.table = table;
        this.parameters = parameters;
        this.year = year;
        this.layers = layers;
    }

    Term compile(Expr expr) {
        if (expr instanceof Expr.NumberLiteral number) {
            return number(number.value());
        }
        if (expr instanceof Expr.MoneyLiteral money) {
            return Term.inline(Type.MONEY, 0, dialect.moneyLiteral(money.fen()), Set.of());
        }
        if (expr instanceof Expr.BooleanLiteral bool) {
            return Term.inline(Type.BOOLEAN, 0, bool.value() ? "TRUE" : "FALSE", Set.of());
        }
        if (expr instanceof Expr.DateLiteral date) {
            return Term.inline(Type.DATE, 0, "DATE '" + date.value() + "'", Set.of());
        }
        if (expr instanceof Expr.TextLiteral text) {
            return Term.inline(Type.TEXT, 0, dialect.textLiteral(text.value()), Set.of());
        }
        if (expr instanceof Expr.SetLiteral set) {
            return setValue(set);
        }
        if (expr instanceof Expr.Reference reference) {
            return reference(reference);
        }
        if (expr instanceof Expr.Unary unary) {
            return unary(unary);
        }
        if (expr instanceof Expr.Binary binary) {
            if (binary.operator().isLogical()) {
                return logical(binary);
            }
            return binary.operator().isComparison() ? comparison(binary) : arithmetic(binary);
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
        throw new SqlCompilationException("no SQL for " + Printer.print(expr));
    }

    // ---- leaves ----------------------------------------------------------------------------

    private Term number(BigDecimal value) {
        return Term.inline(Type.NUMBER, scaleOf(value), dialect.numberLiteral(value), Set.of());
    }

    private static int scaleOf(BigDecimal value) {
        return value.signum() == 0 ? 0 : Math.max(0, value.stripTrailingZeros().scale());
    }

    private Term literal(Value value) {
        return switch (value.type()) {
            case NUMBER -> number(((Value.NumberValue) value).value());
            case MONEY -> Term.inline(Type.MONEY, 0, dialect.moneyLiteral(((Value.Money) value).fen()), Set.of());
            case BOOLEAN -> Term.inline(Type.BOOLEAN, 0, ((Value.BooleanValue) value).value() ? "TRUE" : "FALSE", Set.of());
            case DATE -> Term.inline(Type.DATE, 0, "DATE '" + ((Value.DateValue) value).value() + "'", Set.of());
            case TEXT -> Term.inline(Type.TEXT, 0, dialect.textLiteral(((Value.Text) value).value()), Set.of());
            case SET -> Term.inline(Type.SET, 0, setLiteral(((Value.TextSet) value).members()), Set.of());
        };
    }

    private String setLiteral(Set<String> members) {
        try {
            return dialect.textLiteral(ProfileTable.setText(members));
        } catch (IllegalArgumentException delimiter) {
            throw new SqlCompilationException("the set " + members + " cannot be written as a set column: "
                    + delimiter.getMessage());
        }
    }

    private String nullOf(Type type, int scale) {
        String sqlType = switch (type) {
            case NUMBER -> dialect.numberType(scale);
            case MONEY -> dialect.moneyType();
            case BOOLEAN -> "BOOLEAN";
            case DATE -> "DATE";
            case TEXT, SET -> "VARCHAR";
        };
        return "CAST(NULL AS " + sqlType + ")";
    }

    /** A variable's column, or NULL when the table has no column for that year: a fact nobody has. */
    private Term variable(Variable variable, Integer factYear) {
        String column = factYear == null ? ProfileTable.column(variable.name())
                : ProfileTable.column(variable.name(), factYear);
        int scale = variable.type() == Type.NUMBER ? ProfileTable.NUMBER_SCALE : 0;
        if (factYear != null && !table.hasYear(factYear)) {
            return Term.inline(variable.type(), scale, nullOf(variable.type(), scale), Set.of());
        }
        String quoted = SqlDialect.quote(column);
        String value = variable.type() == Type.MONEY ? "CAST(" + quoted + " AS " + dialect.moneyType() + ")" : quoted;
        return Term.inline(variable.type(), scale, value, Set.of(quoted));
    }

    private Optional<Variable> schemaVariable(String name) {
        return table.schema().variable(name);
    }

    private Integer factYear(Variable variable, Expr.Reference reference) {
        if (!variable.isYearly()) {
            return null;
        }
        return reference.hasPeriod() ? reference.period().resolve(year) : year;
    }

    /** Evaluator.reference: a variable's fact, or the parameter's value in force, inlined. */
    private Term reference(Expr.Reference reference) {
        Optional<Variable> variable = schemaVariable(reference.name());
        if (variable.isPresent()) {
            return variable(variable.get(), factYear(variable.get(), reference));
        }
        Optional<ParameterValue> parameter = parameters.lookup(reference.name());
        if (parameter.isEmpty()) {
            throw new SqlCompilationException("no value of the parameter " + reference.name() + " is in force at "
                    + reference.position() + "; compile with the values in force on the rule date");
        }
        return literal(parameter.get().value());
    }

    // ---- helpers -------------------------------------------------------------------------------

    private static String or(String... parts) {
        List<String> present = Arrays.stream(parts).filter(Objects::nonNull).distinct().toList();
        if (present.isEmpty()) {
            return null;
        }
        return present.size() == 1 ? present.get(0) : "(" + String.join(" OR ", present) + ")";
    }

    private static String fails(Term... terms) {
        return or(Arrays.stream(terms).map(Term::fail).toArray(String[]::new));
    }

    private static String ranges(Term... terms) {
        return or(Arrays.stream(terms).map(Term::range).toArray(String[]::new));
    }

    private static String allKnown(Term... terms) {
        Set<String> checks = new LinkedHashSet<>();
        for (Term term : terms) {
            checks.add(term.known());
        }
        return "(" + String.join(" AND ", checks) + ")";
    }

    /** A new term whose texts are defined as columns in the layer above {@code reads}. */
    private Term emit(Type type, int scale, String value, String fail, String range, Term... reads) {
        String valueColumn = layers.define(value, reads);
        String failColumn = layers.define(fail, reads);
        String rangeColumn = layers.define(range, reads);
        Set<String> columns = new LinkedHashSet<>();
        int layer = 0;
        for (String column : new String[] {valueColumn, failColumn, rangeColumn}) {
            if (column != null && layers.isColumn(column)) {
                columns.add(column);
                layer = Math.max(layer, layers.layerOf(column));
            }
        }
        for (Term read : reads) {
            // a text kept as it was (a literal, a table column) still reads what it read
            if (Objects.equals(read.value(), valueColumn) || Objects.equals(read.fail(), failColumn)
                    || Objects.equals(read.range(), rangeColumn)) {
                columns.addAll(read.columns());
                layer = Math.max(layer, read.layer());
            }
        }
        return new Term(type, scale, valueColumn, failColumn, rangeColumn, layer, columns);
    }

    /** On DuckDB a number of a smaller scale is cast up, so that no implicit cast can overflow unguarded. */
    private Term widen(Term term, int scale) {
        if (!dialect.boundedDecimals() || term.type() != Type.NUMBER || term.scale() >= scale) {
            return term;
        }
        if (scale > MAX_DIGITS) {
            return emit(Type.NUMBER, MAX_DIGITS, nullOf(Type.NUMBER, MAX_DIGITS), term.fail(),
                    or(term.range(), term.known()), term);
        }
        Term raw = emit(Type.NUMBER, scale, dialect.guarded("CAST(" + term.value() + " AS " + dialect.numberType(scale)
                + ")"), null, null, term);
        return emit(Type.NUMBER, scale, raw.value(), term.fail(),
                or(term.range(), "(" + term.value() + " IS NOT NULL AND " + raw.value() + " IS NULL)"), raw, term);
    }

    private List<Term> widenAll(List<Term> terms) {
        int scale = terms.stream().mapToInt(Term::scale).max().orElse(0);
        return terms.stream().map(term -> widen(term, scale)).toList();
    }

    /**
     * A number computed by {@code sql} from known {@code operands}; on DuckDB the computation is
     * guarded and a NULL from known operands marks the value as beyond DuckDB's range.
     *
     * @param extra intermediate terms {@code sql} reads besides the operands
     */
    private Term numberResult(String sql, int scale, String ownFail, List<Term> operands, List<Term> extra) {
        Term[] ops = operands.toArray(Term[]::new);
        List<Term> reads = new ArrayList<>(operands);
        reads.addAll(extra);
        if (scale > MAX_DIGITS && dialect.boundedDecimals()) {
            return emit(Type.NUMBER, MAX_DIGITS, nullOf(Type.NUMBER, MAX_DIGITS), or(fails(ops), ownFail),
                    or(ranges(ops), allKnown(ops)), ops);
        }
        if (!dialect.boundedDecimals()) {
            return emit(Type.NUMBER, scale, sql, or(fails(ops), ownFail), ranges(ops), reads.toArray(Term[]::new));
        }
        Term raw = emit(Type.NUMBER, scale, dialect.guarded("CAST(" + sql + " AS " + dialect.numberType(scale) + ")"),
                null, null, reads.toArray(Term[]::new));
        reads.add(raw);
        String beyond = "(" + allKnown(ops) + " AND " + raw.value() + " IS NULL"
                + (ownFail == null ? "" : " AND NOT COALESCE(" + ownFail + ", FALSE)") + ")";
        return emit(Type.NUMBER, scale, raw.value(), or(fails(ops), ownFail), or(ranges(ops), beyond),
                reads.toArray(Term[]::new));
    }

    private Term numberResult(String sql, int scale, String ownFail, Term... operands) {
        return numberResult(sql, scale, ownFail, List.of(operands), List.of());
    }

    /**
     * An amount computed exactly by {@code wide} (a wide integer, NULL when unknown): the evaluator
     * fails when it is beyond the range of a long, and then the value is dropped so that nothing
     * downstream computes with it.
     *
     * @param guarded              whether {@code wide} is guarded on DuckDB, so that NULL from known
     *                             operands means it overflowed DECIMAL(38)
     * @param overflowIsOutOfRange whether such an overflow proves the amount beyond a long's range
     * @param extra                intermediate terms {@code wide} reads besides the operands
     */
    private Term moneyResult(String wide, String ownFail, boolean guarded, boolean overflowIsOutOfRange,
                             List<Term> operands, List<Term> extra) {
        Term[] ops = operands.toArray(Term[]::new);
        List<Term> reads = new ArrayList<>(operands);
        reads.addAll(extra);
        Term raw = emit(Type.MONEY, 0, wide, null, null, reads.toArray(Term[]::new));
        reads.add(raw);
        String outOfRange = "(" + raw.value() + " NOT BETWEEN " + LONG_MIN + " AND " + LONG_MAX + ")";
        String overflow = !guarded ? null
                : "(" + allKnown(ops) + " AND " + raw.value() + " IS NULL"
                + (ownFail == null ? "" : " AND NOT COALESCE(" + ownFail + ", FALSE)") + ")";
        String fail = or(fails(ops), ownFail, outOfRange, overflowIsOutOfRange ? overflow : null);
        String range = or(ranges(ops), overflowIsOutOfRange ? null : overflow);
        return emit(Type.MONEY, 0, "CASE WHEN " + raw.value() + " BETWEEN " + LONG_MIN + " AND " + LONG_MAX + " THEN "
                + raw.value() + " END", fail, range, reads.toArray(Term[]::new));
    }

    private Term moneyResult(String wide, Term... operands) {
        return moneyResult(wide, null, false, false, List.of(operands), List.of());
    }

    // ---- operators -----------------------------------------------------------------------------

    private Term unary(Expr.Unary unary) {
        Term operand = compile(unary.operand());
        if (unary.operator() == Operator.NOT) {
            return emit(Type.BOOLEAN, 0, "(NOT " + operand.value() + ")", operand.fail(), operand.range(), operand);
        }
        if (operand.type() == Type.MONEY) {
            return moneyResult("(-" + operand.value() + ")", operand);
        }
        return emit(Type.NUMBER, operand.scale(), "(-" + operand.value() + ")", operand.fail(), operand.range(), operand);
    }

    /** Evaluator.logical: Kleene logic, and the right side counts only when the left does not decide. */
    private Term logical(Expr.Binary binary) {
        boolean and = binary.operator() == Operator.AND;
        Term left = compile(binary.left());
        Term right = compile(binary.right());
        // the right side is evaluated when the left is unknown or does not decide
        String rightEvaluated = and ? "COALESCE(" + left.value() + ", TRUE)" : "COALESCE(NOT " + left.value() + ", TRUE)";
        String fail = or(left.fail(), right.fail() == null ? null : "(" + rightEvaluated + " AND " + right.fail() + ")");
        String range = or(left.range(), right.range() == null ? null : "(" + rightEvaluated + " AND " + right.range() + ")");
        return emit(Type.BOOLEAN, 0, "(" + left.value() + (and ? " AND " : " OR ") + right.value() + ")", fail, range,
                left, right);
    }

    private Term comparison(Expr.Binary binary) {
        List<Term> sides = widenAll(List.of(compile(binary.left()), compile(binary.right())));
        Term left = sides.get(0);
        Term right = sides.get(1);
        String symbol = switch (binary.operator()) {
            case EQUAL -> "=";
            case NOT_EQUAL -> "<>";
            default -> binary.operator().symbol();
        };
        return emit(Type.BOOLEAN, 0, "(" + left.value() + " " + symbol + " " + right.value() + ")",
                fails(left, right), ranges(left, right), left, right);
    }

    private Term arithmetic(Expr.Binary binary) {
        Term left = compile(binary.left());
        Term right = compile(binary.right());
        Operator operator = binary.operator();
        if (left.type() == Type.MONEY && right.type() == Type.MONEY) {
            return switch (operator) {
                case PLUS -> moneyResult("(" + left.value() + " + " + right.value() + ")", left, right);
                case MINUS -> moneyResult("(" + left.value() + " - " + right.value() + ")", left, right);
                case DIVIDE -> quotient(left, right, Evaluator.NUMBER_SCALE);
                default -> throw new SqlCompilationException("no SQL for " + Printer.print(binary));
            };
        }
        if (left.type() == Type.MONEY || right.type() == Type.MONEY) {
            if (operator == Operator.DIVIDE) {
                return moneyQuotient(left, right);
            }
            return moneyTimes(left.type() == Type.MONEY ? left : right, left.type() == Type.MONEY ? right : left);
        }
        return switch (operator) {
            case PLUS, MINUS -> {
                List<Term> sides = widenAll(List.of(left, right));
                yield numberResult("(" + sides.get(0).value() + " " + operator.symbol() + " " + sides.get(1).value() + ")",
                        sides.get(0).scale(), null, sides.get(0), sides.get(1));
            }
            case TIMES -> numberResult("(" + left.value() + " * " + right.value() + ")", left.scale() + right.scale(),
                    null, left, right);
            case DIVIDE -> quotient(left, right, Evaluator.NUMBER_SCALE);
            default -> throw new SqlCompilationException("no SQL for " + Printer.print(binary));
        };
    }

    /** Evaluator.multiply: the exact product, rounded half-up (away from zero) to the fen. */
    private Term moneyTimes(Term amount, Term rate) {
        if (!dialect.boundedDecimals()) {
            return moneyResult("ROUND(" + amount.value() + " * " + rate.value() + ", 0)", amount, rate);
        }
        if (rate.scale() > MAX_DIGITS) {
            return emit(Type.MONEY, 0, nullOf(Type.MONEY, 0), fails(amount, rate),
                    or(ranges(amount, rate), allKnown(amount, rate)), amount, rate);
        }
        String product = dialect.guarded("CAST(" + amount.value() + " * " + rate.value() + " AS "
                + dialect.numberType(rate.scale()) + ")");
        // DECIMAL(38, s) overflows only past 10^(38-s) fen, beyond a long when s <= 19: the evaluator fails too
        return moneyResult("ROUND(" + product + ", 0)", null, true, rate.scale() <= MAX_DIGITS - 19,
                List.of(amount, rate), List.of());
    }

    /** Evaluator.divide for amount / number: one rounding, half-up straight to the fen. */
    private Term moneyQuotient(Term amount, Term divisor) {
        String zero = "(" + amount.known() + " AND " + divisor.value() + " = 0)";
        Rounded rounded = roundedQuotient(amount, divisor, 0);
        return moneyResult(rounded.sql(), zero, dialect.boundedDecimals(), false, List.of(amount, divisor),
                rounded.extra());
    }

    /** Evaluator.quotient: a number rounded half-up to 12 places; division by zero fails. */
    private Term quotient(Term dividend, Term divisor, int scale) {
        String zero = "(" + dividend.known() + " AND " + divisor.value() + " = 0)";
        Rounded rounded = roundedQuotient(dividend, divisor, scale);
        return numberResult(rounded.sql(), scale, zero, List.of(dividend, divisor), rounded.extra());
    }

    /** SQL for round-half-up(dividend / divisor, scale), and the terms it reads. */
    private record Rounded(String sql, List<Term> extra) {
    }

    /**
     * round-half-up(n / d) = sign(n)·sign(d)·⌊(2|n| + |d|) / 2|d|⌋ for a scaled dividend n and divisor
     * d: one exact whole-number division, so nothing is rounded twice. PostgreSQL and H2 divide
     * their decimals as they are; DuckDB, whose decimal division gives a DOUBLE, divides the
     * decimals' unscaled integers as HUGEINTs.
     */
    private Rounded roundedQuotient(Term dividend, Term divisor, int scale) {
        String divisorOrNull = "NULLIF(" + divisor.value() + ", 0)";
        if (!dialect.boundedDecimals()) {
            String n = scale == 0 ? dividend.value() : "(" + dividend.value() + " * 1" + "0".repeat(scale) + ")";
            String q = wholeRounded(n, divisorOrNull);
            return new Rounded(scale == 0 ? q : "(" + q + " * " + dialect.numberLiteral(BigDecimal.ONE.movePointLeft(scale))
                    + ")", List.of());
        }
        int exponent = scale + divisor.scale() - dividend.scale();
        String n = unscaled(dividend);
        String d = unscaled(divisor);
        if (exponent > 0) {
            n = "(" + n + " * " + powerOfTen(exponent) + ")";
        } else if (exponent < 0) {
            d = "(" + d + " * " + powerOfTen(-exponent) + ")";
        }
        Term integers = emit(Type.NUMBER, 0, dialect.guarded(n), null, null, dividend);
        Term divisorInteger = emit(Type.NUMBER, 0, dialect.guarded("NULLIF(" + d + ", 0)"), null, null, divisor);
        String q = dialect.guarded(wholeRounded(integers.value(), divisorInteger.value()));
        String value = "CAST(" + q + " AS " + dialect.numberType(0) + ")";
        if (scale > 0) {
            value = "(" + value + " * " + dialect.numberLiteral(BigDecimal.ONE.movePointLeft(scale)) + ")";
        }
        return new Rounded(value, List.of(integers, divisorInteger));
    }

    private String wholeRounded(String n, String d) {
        return "(SIGN(" + n + ") * SIGN(" + d + ") * "
                + dialect.wholeQuotient("(2 * ABS(" + n + ") + ABS(" + d + "))", "(2 * ABS(" + d + "))") + ")";
    }

    /** DuckDB: the HUGEINT behind a DECIMAL(38, s), read through its text so that no step can round. */
    private String unscaled(Term term) {
        if (term.scale() == 0) {
            return "CAST(" + term.value() + " AS HUGEINT)";
        }
        return "CAST(REPLACE(CAST(CAST(" + term.value() + " AS " + dialect.numberType(term.scale())
                + ") AS VARCHAR), '.', '') AS HUGEINT)";
    }

    private static String powerOfTen(int exponent) {
        return exponent > MAX_DIGITS ? "CAST(NULL AS HUGEINT)" : "CAST('1" + "0".repeat(exponent) + "' AS HUGEINT)";
    }

    /** Evaluator.conditional: a known condition evaluates one branch; an unknown one both, agreeing or unknown. */
    private Term conditional(Expr.Conditional conditional) {
        Term condition = compile(conditional.condition());
        List<Term> branches = widenAll(List.of(compile(conditional.whenTrue()), compile(conditional.whenFalse())));
        Term whenTrue = branches.get(0);
        Term whenFalse = branches.get(1);
        String c = condition.value();
        String value = "CASE WHEN " + c + " THEN " + whenTrue.value() + " WHEN NOT " + c + " THEN " + whenFalse.value()
                + " WHEN " + whenTrue.value() + " = " + whenFalse.value() + " THEN " + whenTrue.value() + " END";
        String fail = or(condition.fail(), branch(c, whenTrue.fail(), whenFalse.fail()));
        String range = or(condition.range(), branch(c, whenTrue.range(), whenFalse.range()));
        return emit(whenTrue.type(), whenTrue.scale(), value, fail, range, condition, whenTrue, whenFalse);
    }

    private static String branch(String condition, String whenTrue, String whenFalse) {
        if (whenTrue == null && whenFalse == null) {
            return null;
        }
        String t = whenTrue == null ? "FALSE" : whenTrue;
        String f = whenFalse == null ? "FALSE" : whenFalse;
        return "CASE WHEN " + condition + " THEN " + t + " WHEN NOT " + condition + " THEN " + f + " ELSE " + or(t, f)
                + " END";
    }

    // ---- sets ----------------------------------------------------------------------------------

    private static boolean isConstant(Expr.SetLiteral set) {
        return set.elements().stream().allMatch(e -> e instanceof Expr.TextLiteral);
    }

    private static Set<String> constantMembers(Expr.SetLiteral set) {
        return set.elements().stream().map(e -> ((Expr.TextLiteral) e).value()).collect(Collectors.toCollection(TreeSet::new));
    }

    private Term setValue(Expr.SetLiteral set) {
        if (!isConstant(set)) {
            throw new SqlCompilationException("SQL holds a list of computed texts only on the right of 'in' and in "
                    + "count(): " + Printer.print(set));
        }
        return Term.inline(Type.SET, 0, setLiteral(constantMembers(set)), Set.of());
    }

    /** Evaluator.membership: element and set evaluated; unknown if either is. */
    private Term membership(Expr.Membership membership) {
        Term element = compile(membership.element());
        if (membership.set() instanceof Expr.SetLiteral list) {
            List<Term> members = list.elements().stream().map(this::compile).toList();
            List<Term> all = new ArrayList<>(List.of(element));
            all.addAll(members);
            Term[] reads = all.toArray(Term[]::new);
            String value;
            if (members.isEmpty()) {
                value = "CASE WHEN " + element.value() + " IS NULL THEN NULL ELSE FALSE END";
            } else if (isConstant(list)) {
                value = "(" + element.value() + " IN (" + members.stream().map(Term::value).distinct()
                        .collect(Collectors.joining(", ")) + "))";
            } else {
                value = "CASE WHEN " + allKnown(reads) + " THEN (" + members.stream()
                        .map(m -> element.value() + " = " + m.value()).collect(Collectors.joining(" OR ")) + ") END";
            }
            return emit(Type.BOOLEAN, 0, value, fails(reads), ranges(reads), reads);
        }
        Term set = compile(membership.set());
        String bar = dialect.textLiteral(String.valueOf(ProfileTable.SET_DELIMITER));
        String value;
        if (membership.element() instanceof Expr.TextLiteral text) {
            value = text.value().indexOf(ProfileTable.SET_DELIMITER) >= 0
                    ? "CASE WHEN " + set.value() + " IS NULL THEN NULL ELSE FALSE END"
                    : "(POSITION(" + dialect.textLiteral("|" + text.value() + "|") + " IN " + set.value() + ") > 0)";
        } else {
            value = "CASE WHEN " + allKnown(element, set) + " THEN (POSITION(" + bar + " IN " + element.value()
                    + ") = 0 AND POSITION(" + bar + " || " + element.value() + " || " + bar + " IN " + set.value()
                    + ") > 0) END";
        }
        return emit(Type.BOOLEAN, 0, value, fails(element, set), ranges(element, set), element, set);
    }

    /** count(s): the members of a set column are its bars less one; a list's distinct members. */
    private Term count(Expr argument) {
        if (argument instanceof Expr.SetLiteral list) {
            if (isConstant(list)) {
                return number(BigDecimal.valueOf(constantMembers(list).size()));
            }
            List<Term> members = list.elements().stream().map(this::compile).toList();
            Term[] reads = members.toArray(Term[]::new);
            StringBuilder distinct = new StringBuilder("1");
            for (int i = 1; i < members.size(); i++) {
                String earlier = members.subList(0, i).stream().map(Term::value).collect(Collectors.joining(", "));
                distinct.append(" + CASE WHEN ").append(members.get(i).value()).append(" IN (").append(earlier)
                        .append(") THEN 0 ELSE 1 END");
            }
            return emit(Type.NUMBER, 0, "CASE WHEN " + allKnown(reads) + " THEN CAST(" + distinct + " AS "
                    + dialect.numberType(0) + ") END", fails(reads), ranges(reads), reads);
        }
        Term set = compile(argument);
        String length = dialect == SqlDialect.DUCKDB ? "STRLEN" : "LENGTH";
        String bars = "(" + length + "(" + set.value() + ") - " + length + "(REPLACE(" + set.value() + ", "
                + dialect.textLiteral("|") + ", '')) - 1)";
        return emit(Type.NUMBER, 0, "CAST(" + bars + " AS " + dialect.numberType(0) + ")", set.fail(), set.range(), set);
    }

    // ---- functions -----------------------------------------------------------------------------

    private Term call(Expr.Call call) {
        return switch (call.function()) {
            case HAS -> has((Expr.Reference) call.arguments().get(0));
            case GROWTH -> growth(call);
            case COUNT -> count(call.arguments().get(0));
            case MIN, MAX -> extreme(call);
            case CLAMP -> clamp(call);
            case ABS -> abs(call);
            case TIERED -> throw new SqlCompilationException("tiered has its own node");
        };
    }

    /** has(v): true or false, never unknown, never failing. */
    private Term has(Expr.Reference reference) {
        Variable variable = schemaVariable(reference.name())
                .orElseThrow(() -> new SqlCompilationException(reference.name() + " is not a variable"));
        Term read = variable(variable, factYear(variable, reference));
        if (read.columns().isEmpty()) {
            return Term.inline(Type.BOOLEAN, 0, "FALSE", Set.of());
        }
        return Term.inline(Type.BOOLEAN, 0, "(" + read.value() + " IS NOT NULL)", read.columns());
    }

    /** growth(v, n) = (v[year] - v[year - n]) / v[year - n], rounded like any quotient; from zero it fails. */
    private Term growth(Expr.Call call) {
        Expr.Reference reference = (Expr.Reference) call.arguments().get(0);
        int span = call.arguments().size() == 2
                ? ((Expr.NumberLiteral) call.arguments().get(1)).value().intValueExact() : 1;
        Variable variable = schemaVariable(reference.name())
                .orElseThrow(() -> new SqlCompilationException(reference.name() + " is not a variable"));
        Term now = variable(variable, year);
        Term then = variable(variable, year - span);
        Term difference = variable.type() == Type.MONEY
                ? emit(Type.MONEY, 0, "(" + now.value() + " - " + then.value() + ")", null, null, now, then)
                : numberResult("(" + now.value() + " - " + then.value() + ")", now.scale(), null, now, then);
        String zero = "(" + now.known() + " AND " + then.value() + " = 0)";
        Rounded rounded = roundedQuotient(difference, then, Evaluator.NUMBER_SCALE);
        List<Term> extra = new ArrayList<>(rounded.extra());
        extra.add(difference);
        return numberResult(rounded.sql(), Evaluator.NUMBER_SCALE, or(difference.fail(), zero), List.of(now, then),
                extra);
    }

    private Term extreme(Expr.Call call) {
        List<Term> arguments = widenAll(call.arguments().stream().map(this::compile).toList());
        Term[] reads = arguments.toArray(Term[]::new);
        String function = call.function() == dev.lantu.engine.lang.Function.MIN ? "LEAST" : "GREATEST";
        // LEAST and GREATEST skip NULLs in PostgreSQL and DuckDB; an unknown argument makes the result unknown
        String value = "CASE WHEN " + allKnown(reads) + " THEN " + function + "("
                + arguments.stream().map(Term::value).collect(Collectors.joining(", ")) + ") END";
        return emit(arguments.get(0).type(), arguments.get(0).scale(), value, fails(reads), ranges(reads), reads);
    }

    private Term clamp(Expr.Call call) {
        List<Term> arguments = widenAll(call.arguments().stream().map(this::compile).toList());
        Term x = arguments.get(0);
        Term low = arguments.get(1);
        Term high = arguments.get(2);
        String known = allKnown(x, low, high);
        String value = "CASE WHEN " + known + " THEN CASE WHEN " + x.value() + " < " + low.value() + " THEN " + low.value()
                + " WHEN " + x.value() + " > " + high.value() + " THEN " + high.value() + " ELSE " + x.value() + " END END";
        String inverted = "(" + known + " AND " + low.value() + " > " + high.value() + ")";
        return emit(x.type(), x.scale(), value, or(fails(x, low, high), inverted), ranges(x, low, high), x, low, high);
    }

    private Term abs(Expr.Call call) {
        Term x = compile(call.arguments().get(0));
        if (x.type() == Type.MONEY) {
            return moneyResult("ABS(" + x.value() + ")", x);
        }
        return emit(Type.NUMBER, x.scale(), "ABS(" + x.value() + ")", x.fail(), x.range(), x);
    }

    /**
     * Evaluator.tiered: every operand evaluated, unknown if any is; bounds must increase from above
     * zero; the shares are summed exactly and an amount is rounded once, at the end.
     */
    private Term tiered(Expr.Tiered tiered) {
        Term base = compile(tiered.base());
        List<Term> bounds = new ArrayList<>();
        List<Term> rates = new ArrayList<>();
        for (Expr.Tier tier : tiered.tiers()) {
            bounds.add(compile(tier.upTo()));
            rates.add(compile(tier.rate()));
        }
        Term above = tiered.aboveRate() == null ? null : compile(tiered.aboveRate());
        List<Term> magnitudes = new ArrayList<>(List.of(base));
        magnitudes.addAll(bounds);
        magnitudes = widenAll(magnitudes);
        base = magnitudes.get(0);
        bounds = magnitudes.subList(1, magnitudes.size());
        List<Term> operands = new ArrayList<>(magnitudes);
        operands.addAll(rates);
        if (above != null) {
            operands.add(above);
        }
        Term[] reads = operands.toArray(Term[]::new);
        boolean money = base.type() == Type.MONEY;
        String zero = money ? dialect.moneyLiteral(0) : dialect.boundedDecimals()
                ? "CAST(0 AS " + dialect.numberType(base.scale()) + ")" : "0.0";
        int scale = rates.stream().mapToInt(Term::scale).max().orElse(0);
        if (above != null) {
            scale = Math.max(scale, above.scale());
        }
        scale += base.scale();
        List<String> shares = new ArrayList<>();
        List<String> violations = new ArrayList<>();
        String lower = zero;
        for (int i = 0; i < bounds.size(); i++) {
            String upper = bounds.get(i).value();
            violations.add(upper + " <= " + lower);
            shares.add(share("GREATEST(LEAST(" + base.value() + ", " + upper + ") - " + lower + ", " + zero + ")",
                    rates.get(i).value(), scale));
            lower = upper;
        }
        if (above != null) {
            shares.add(share("GREATEST(" + base.value() + " - " + lower + ", " + zero + ")", above.value(), scale));
        }
        String total = shares.isEmpty() ? zero : "(" + String.join(" + ", shares) + ")";
        String known = allKnown(reads);
        String ownFail = violations.isEmpty() ? null : "(" + known + " AND (" + String.join(" OR ", violations) + "))";
        if (scale > MAX_DIGITS && dialect.boundedDecimals()) {
            total = nullOf(Type.NUMBER, MAX_DIGITS);
        }
        String exact = "CASE WHEN " + known + " THEN " + total + " END";
        if (money) {
            return moneyResult("ROUND(" + dialect.guarded(exact) + ", 0)", ownFail, dialect.boundedDecimals(), false,
                    operands, List.of());
        }
        return numberResult(exact, scale, ownFail, operands, List.of());
    }

    private String share(String part, String rate, int scale) {
        String product = "(" + part + " * " + rate + ")";
        return dialect.boundedDecimals() && scale <= MAX_DIGITS ? "CAST(" + product + " AS " + dialect.numberType(scale) + ")"
                : product;
    }
}
