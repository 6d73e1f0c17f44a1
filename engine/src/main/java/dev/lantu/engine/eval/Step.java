package dev.lantu.engine.eval;

import dev.lantu.engine.lang.Expr;
import dev.lantu.engine.lang.Operator;
import dev.lantu.engine.lang.Position;
import dev.lantu.engine.lang.Printer;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One sub-expression of an evaluation: what it is, what it came to, what it read, which
 * parameters it used, and how (notes on rounding, short-circuits, tiers). The steps form a tree
 * mirroring the expression, so a reader can follow why a condition holds, or which part of it does
 * not.
 *
 * @param node       the sub-expression
 * @param reads      facts read by this step itself (its sub-steps list their own)
 * @param parameters parameters used by this step itself
 * @param notes      how the value was reached where the operator alone does not say
 */
public record Step(Expr node, Value value, List<Read> reads,
                   List<ParameterUse> parameters, List<String> notes, List<Step> steps) {

    public Step {
        reads = List.copyOf(reads);
        parameters = List.copyOf(parameters);
        notes = List.copyOf(notes);
        steps = List.copyOf(steps);
    }

    /** The sub-expression as the author would write it. */
    public String expression() {
        return Printer.print(node);
    }

    public Position position() {
        return node.position();
    }

    /**
     * The conditions that decide this step's value: for {@code and}, {@code or} and {@code not},
     * the reasons of the operands that gave the same verdict (a false conjunct for a false
     * {@code and}, a true disjunct for a true {@code or}, every unknown one for an unknown result);
     * any other step is its own reason. For a condition that fails, these are the "why not".
     */
    public List<Step> reasons() {
        boolean logical = node instanceof Expr.Binary binary && binary.operator().isLogical();
        boolean negation = node instanceof Expr.Unary unary && unary.operator() == Operator.NOT;
        if (negation && !steps.isEmpty()) {
            return steps.get(0).reasons();
        }
        if (logical) {
            List<Step> deciding = steps.stream()
                    .filter(step -> value.isUnknown() ? step.value.isUnknown() : step.value.equals(value))
                    .toList();
            if (!deciding.isEmpty()) {
                return deciding.stream().flatMap(step -> step.reasons().stream()).toList();
            }
        }
        return List.of(this);
    }

    /** One line: the step, its value, and every fact and parameter it rests on. */
    public String explain() {
        List<String> grounds = new ArrayList<>();
        allReads().forEach(read -> grounds.add(read.toString()));
        allParameters().forEach(parameter -> grounds.add(parameter.toString()));
        return expression() + " is " + value.show()
                + (grounds.isEmpty() ? "" : ": " + grounds.stream().distinct().collect(Collectors.joining(", ")));
    }

    /** Every fact read by this step and the steps under it, in evaluation order. */
    public List<Read> allReads() {
        List<Read> all = new ArrayList<>(reads);
        steps.forEach(step -> all.addAll(step.allReads()));
        return all;
    }

    /** Every parameter used by this step and the steps under it, in evaluation order. */
    public List<ParameterUse> allParameters() {
        List<ParameterUse> all = new ArrayList<>(parameters);
        steps.forEach(step -> all.addAll(step.allParameters()));
        return all;
    }

    /** The steps, one per line, indented by depth: the "why" (and "why not") of a result. */
    public String render() {
        StringBuilder text = new StringBuilder();
        render(text, 0);
        return text.toString();
    }

    private void render(StringBuilder text, int depth) {
        String indent = "  ".repeat(depth);
        text.append(indent).append(expression()).append(" → ").append(value.show());
        for (Read read : reads) {
            text.append("  [").append(read).append(']');
        }
        for (ParameterUse parameter : parameters) {
            text.append("  [").append(parameter).append(']');
        }
        text.append('\n');
        for (String note : notes) {
            text.append(indent).append("  · ").append(note).append('\n');
        }
        for (Step step : steps) {
            step.render(text, depth + 1);
        }
    }
}
