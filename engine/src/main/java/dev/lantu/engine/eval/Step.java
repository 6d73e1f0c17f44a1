package dev.lantu.engine.eval;

import dev.lantu.engine.lang.Position;
import java.util.ArrayList;
import java.util.List;

/**
 * One sub-expression of an evaluation: what it is, what it came to, what it read, which
 * parameters it used, and how (notes on rounding, short-circuits, tiers). The steps form a tree
 * mirroring the expression, so a reader can follow why a condition holds, or which part of it does
 * not.
 *
 * @param expression the sub-expression as source text
 * @param reads      facts read by this step itself (its sub-steps list their own)
 * @param parameters parameters used by this step itself
 * @param notes      how the value was reached where the operator alone does not say
 */
public record Step(String expression, Position position, Value value, List<Read> reads,
                   List<ParameterUse> parameters, List<String> notes, List<Step> steps) {

    public Step {
        reads = List.copyOf(reads);
        parameters = List.copyOf(parameters);
        notes = List.copyOf(notes);
        steps = List.copyOf(steps);
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
        text.append(indent).append(expression).append(" → ").append(value.show());
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
