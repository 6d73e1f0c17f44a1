package dev.lantu.engine.batch;

import dev.lantu.engine.eval.Enterprise;
import dev.lantu.engine.eval.Evaluator;
import dev.lantu.engine.eval.Outcome;
import dev.lantu.engine.eval.ParameterValue;
import dev.lantu.engine.eval.ParameterValues;
import dev.lantu.engine.eval.Value;
import dev.lantu.engine.lang.Compilation;
import dev.lantu.engine.lang.Expr;
import dev.lantu.engine.lang.Function;
import dev.lantu.engine.lang.Operator;
import dev.lantu.engine.lang.Schema;
import dev.lantu.engine.lang.Type;
import dev.lantu.engine.lang.Variable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns checked expressions into a graph of {@link Node}s shared across clauses. Structurally equal
 * sub-expressions become one node whatever their source positions: a node is identified by what
 * it computes and by its inputs, which are themselves already shared ({@code revenue} and
 * {@code revenue[this_year]} read the same column, so they are one node). A sub-expression that
 * reads no fact of the enterprise is folded to a constant by the reference evaluator itself, so it
 * cannot disagree with it; a sub-expression the reference cannot evaluate (a parameter with no value
 * in force) becomes a constant that fails, and each operator passes that failure on as the
 * reference evaluator's order of evaluation does.
 */
final class Compiler {

    private static final Enterprise NO_FACTS = new Enterprise() {
        @Override
        public Optional<Value> fact(String variable) {
            return Optional.empty();
        }

        @Override
        public Optional<Value> fact(String variable, int year) {
            return Optional.empty();
        }
    };

    private final Schema schema;
    private final ParameterValues parameters;
    private final int year;
    private final Evaluator reference;
    private final Map<String, Node> interned = new HashMap<>();
    final List<Node> nodes = new ArrayList<>();
    /** Every column some node reads, including those read through {@code has}, {@code in} and {@code count}. */
    final List<Leaves.Read> reads = new ArrayList<>();
    /** The nodes the clauses' trees hold before sharing. */
    int expressionNodes;

    Compiler(Schema schema, ParameterValues parameters, int applicationYear) {
        this.schema = schema;
        this.parameters = parameters;
        this.year = applicationYear;
        this.reference = new Evaluator(schema, parameters);
    }

    /** The node of {@code expr}, whose type is {@code type}. */
    Node compile(Expr expr, Type type) {
        expressionNodes++;
        if (!readsFacts(expr)) {
            return constant(expr, type);
        }
        if (expr instanceof Expr.Reference reference) {
            return read(reference);
        }
        if (expr instanceof Expr.Unary unary) {
            if (unary.operator() == Operator.NOT) {
                return intern(new Logic.Not(compile(unary.operand(), Type.BOOLEAN)));
            }
            Type operand = infer(unary.operand());
            return operand == null ? failing(type) : intern(new Arithmetic.Sign(operand, false, compile(unary.operand(), operand)));
        }
        if (expr instanceof Expr.Binary binary) {
            return binary(binary, type);
        }
        if (expr instanceof Expr.Conditional conditional) {
            return intern(new Logic.Conditional(type, compile(conditional.condition(), Type.BOOLEAN),
                    compile(conditional.whenTrue(), type), compile(conditional.whenFalse(), type)));
        }
        if (expr instanceof Expr.Membership membership) {
            return membership(membership);
        }
        if (expr instanceof Expr.SetLiteral set) {
            if (set.elements().stream().anyMatch(e -> infer(e) == null)) {
                return failing(type);
            }
            return intern(new Sets.Build(set.elements().stream().map(e -> compile(e, Type.TEXT)).toArray(Node[]::new)));
        }
        if (expr instanceof Expr.Call call) {
            return call(call, type);
        }
        if (expr instanceof Expr.Tiered tiered) {
            return tiered(tiered, type);
        }
        throw new IllegalArgumentException("no batch evaluation for " + expr);
    }

    private Node binary(Expr.Binary binary, Type type) {
        Operator operator = binary.operator();
        if (operator.isLogical()) {
            return intern(new Logic.Junction(operator == Operator.AND, compile(binary.left(), Type.BOOLEAN),
                    compile(binary.right(), Type.BOOLEAN)));
        }
        Type left = infer(binary.left());
        Type right = infer(binary.right());
        if (left == null || right == null) {
            return failing(type);
        }
        Node a = compile(binary.left(), left);
        Node b = compile(binary.right(), right);
        if (operator.isComparison()) {
            return intern(new Comparison.Compare(operator, a, b));
        }
        return switch (operator) {
            case PLUS, MINUS -> intern(left == Type.MONEY ? new Arithmetic.AddMoney(operator == Operator.PLUS, a, b)
                    : new Arithmetic.AddNumbers(operator == Operator.PLUS, a, b));
            case TIMES -> intern(left == Type.MONEY ? new Arithmetic.MultiplyMoney(a, b)
                    : right == Type.MONEY ? new Arithmetic.MultiplyMoney(b, a) : new Arithmetic.MultiplyNumbers(a, b));
            case DIVIDE -> intern(new Arithmetic.Divide(type, a, b));
            default -> throw new IllegalArgumentException("not arithmetic: " + operator);
        };
    }

    private Node membership(Expr.Membership membership) {
        if (infer(membership.element()) == null || infer(membership.set()) == null) {
            return failing(Type.BOOLEAN);
        }
        Node element = compile(membership.element(), Type.TEXT);
        Leaves.Read column = setColumn(membership.set());
        if (column != null) {
            expressionNodes++;
            return intern(new Sets.MemberOfColumn(element, column));
        }
        return intern(new Sets.Member(element, compile(membership.set(), Type.SET)));
    }

    /** The column of a set variable written on its own, which bit operations read directly. */
    private Leaves.Read setColumn(Expr expr) {
        if (expr instanceof Expr.Reference reference && schema.variable(reference.name()).isPresent()
                && schema.variable(reference.name()).get().type() == Type.SET) {
            return column(reference);
        }
        return null;
    }

    private Node call(Expr.Call call, Type type) {
        List<Expr> arguments = call.arguments();
        switch (call.function()) {
            case HAS -> {
                return intern(new Leaves.Has(column((Expr.Reference) arguments.get(0))));
            }
            case GROWTH -> {
                Expr.Reference subject = (Expr.Reference) arguments.get(0);
                Variable variable = schema.variable(subject.name()).orElseThrow();
                int span = arguments.size() == 2
                        ? ((Expr.NumberLiteral) arguments.get(1)).value().intValueExact() : 1;
                expressionNodes += 2;
                return intern(new Arithmetic.Growth(intern(column(variable, year)), intern(column(variable, year - span))));
            }
            case COUNT -> {
                if (infer(arguments.get(0)) == null) {
                    return failing(type);
                }
                Leaves.Read column = setColumn(arguments.get(0));
                if (column != null) {
                    expressionNodes++;
                    return intern(new Sets.CountColumn(column));
                }
                return intern(new Sets.Count(compile(arguments.get(0), Type.SET)));
            }
            default -> {
                if (arguments.stream().anyMatch(a -> infer(a) == null)) {
                    return failing(type);
                }
                Node[] operands = arguments.stream().map(a -> compile(a, type)).toArray(Node[]::new);
                return switch (call.function()) {
                    case MIN, MAX -> intern(new Comparison.Extreme(type, call.function() == Function.MAX, operands));
                    case CLAMP -> intern(new Comparison.Clamp(type, operands[0], operands[1], operands[2]));
                    case ABS -> intern(new Arithmetic.Sign(type, true, operands[0]));
                    default -> throw new IllegalArgumentException("no batch evaluation for " + call.function());
                };
            }
        }
    }

    private Node tiered(Expr.Tiered tiered, Type type) {
        List<Expr> operands = new ArrayList<>();
        operands.add(tiered.base());
        tiered.tiers().forEach(tier -> operands.add(tier.upTo()));
        tiered.tiers().forEach(tier -> operands.add(tier.rate()));
        if (tiered.aboveRate() != null) {
            operands.add(tiered.aboveRate());
        }
        if (operands.stream().anyMatch(e -> infer(e) == null)) {
            return failing(type);
        }
        Node base = compile(tiered.base(), type);
        Node[] bounds = tiered.tiers().stream().map(tier -> compile(tier.upTo(), type)).toArray(Node[]::new);
        Node[] rates = tiered.tiers().stream().map(tier -> compile(tier.rate(), Type.NUMBER)).toArray(Node[]::new);
        Node above = tiered.aboveRate() == null ? null : compile(tiered.aboveRate(), Type.NUMBER);
        return intern(new Tiered(type, base, bounds, rates, above));
    }

    private Node read(Expr.Reference reference) {
        return intern(column(reference));
    }

    private Leaves.Read column(Expr.Reference reference) {
        Variable variable = schema.variable(reference.name()).orElseThrow();
        if (!variable.isYearly()) {
            return column(variable, null);
        }
        return column(variable, reference.hasPeriod() ? reference.period().resolve(year) : year);
    }

    private Leaves.Read column(Variable variable, Integer year) {
        Leaves.Read read = new Leaves.Read(variable.type(), variable.name(), year);
        reads.add(read);
        return read;
    }

    /** A value the same for every enterprise, computed by the reference evaluator; a constant failure if it fails. */
    private Node constant(Expr expr, Type type) {
        Outcome outcome = reference.evaluate(new Compilation.Success("", expr, type), NO_FACTS, year);
        if (outcome instanceof Outcome.Evaluated evaluated) {
            return intern(new Leaves.Constant(type, evaluated.value()));
        }
        return failing(type);
    }

    private Node failing(Type type) {
        return intern(new Leaves.Constant(type, null));
    }

    private Node intern(Node candidate) {
        StringBuilder key = new StringBuilder(candidate.signature());
        for (Node input : candidate.inputs) {
            key.append('#').append(input.id);
        }
        Node existing = interned.get(key.toString());
        if (existing != null) {
            return existing;
        }
        candidate.id = nodes.size();
        nodes.add(candidate);
        interned.put(key.toString(), candidate);
        return candidate;
    }

    /** Whether the expression reads a fact of the enterprise, so that it is not the same for all. */
    private boolean readsFacts(Expr expr) {
        if (expr instanceof Expr.Reference reference) {
            return schema.variable(reference.name()).isPresent();
        }
        if (expr instanceof Expr.Unary unary) {
            return readsFacts(unary.operand());
        }
        if (expr instanceof Expr.Binary binary) {
            return readsFacts(binary.left()) || readsFacts(binary.right());
        }
        if (expr instanceof Expr.Conditional conditional) {
            return readsFacts(conditional.condition()) || readsFacts(conditional.whenTrue())
                    || readsFacts(conditional.whenFalse());
        }
        if (expr instanceof Expr.Membership membership) {
            return readsFacts(membership.element()) || readsFacts(membership.set());
        }
        if (expr instanceof Expr.SetLiteral set) {
            return set.elements().stream().anyMatch(this::readsFacts);
        }
        if (expr instanceof Expr.Call call) {
            return call.arguments().stream().anyMatch(this::readsFacts);
        }
        if (expr instanceof Expr.Tiered tiered) {
            return readsFacts(tiered.base()) || tiered.aboveRate() != null && readsFacts(tiered.aboveRate())
                    || tiered.tiers().stream().anyMatch(t -> readsFacts(t.upTo()) || readsFacts(t.rate()));
        }
        return false;
    }

    /**
     * The type of a checked expression, or {@code null} where it rests on a parameter with no value
     * in force: such an expression fails for every enterprise, so its type never matters.
     */
    Type infer(Expr expr) {
        if (expr instanceof Expr.NumberLiteral) {
            return Type.NUMBER;
        }
        if (expr instanceof Expr.MoneyLiteral) {
            return Type.MONEY;
        }
        if (expr instanceof Expr.BooleanLiteral || expr instanceof Expr.Membership) {
            return Type.BOOLEAN;
        }
        if (expr instanceof Expr.DateLiteral) {
            return Type.DATE;
        }
        if (expr instanceof Expr.TextLiteral) {
            return Type.TEXT;
        }
        if (expr instanceof Expr.SetLiteral) {
            return Type.SET;
        }
        if (expr instanceof Expr.Reference reference) {
            Optional<Variable> variable = schema.variable(reference.name());
            if (variable.isPresent()) {
                return variable.get().type();
            }
            return parameters.lookup(reference.name()).map(ParameterValue::value).map(Value::type).orElse(null);
        }
        if (expr instanceof Expr.Unary unary) {
            return unary.operator() == Operator.NOT ? Type.BOOLEAN : infer(unary.operand());
        }
        if (expr instanceof Expr.Binary binary) {
            return binaryType(binary);
        }
        if (expr instanceof Expr.Conditional conditional) {
            Type whenTrue = infer(conditional.whenTrue());
            return whenTrue != null ? whenTrue : infer(conditional.whenFalse());
        }
        if (expr instanceof Expr.Call call) {
            return switch (call.function()) {
                case HAS -> Type.BOOLEAN;
                case GROWTH, COUNT -> Type.NUMBER;
                default -> call.arguments().stream().map(this::infer).filter(t -> t != null).findFirst().orElse(null);
            };
        }
        if (expr instanceof Expr.Tiered tiered) {
            Type base = infer(tiered.base());
            return base != null ? base : tiered.tiers().stream().map(t -> infer(t.upTo())).filter(t -> t != null)
                    .findFirst().orElse(null);
        }
        throw new IllegalArgumentException("no type for " + expr);
    }

    private Type binaryType(Expr.Binary binary) {
        Operator operator = binary.operator();
        if (operator.isLogical() || operator.isComparison()) {
            return Type.BOOLEAN;
        }
        Type left = infer(binary.left());
        Type right = infer(binary.right());
        return switch (operator) {
            case PLUS, MINUS -> left != null ? left : right;
            case TIMES -> left == Type.MONEY || right == Type.MONEY ? Type.MONEY
                    : left == Type.NUMBER && right == Type.NUMBER ? Type.NUMBER : null;
            case DIVIDE -> left == Type.MONEY && right == Type.MONEY ? Type.NUMBER
                    : left == Type.MONEY && right == Type.NUMBER ? Type.MONEY
                    : left == Type.NUMBER ? Type.NUMBER : null;
            default -> null;
        };
    }
}
