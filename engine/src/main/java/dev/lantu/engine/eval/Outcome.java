package dev.lantu.engine.eval;

import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/** The result of evaluating one expression for one enterprise. */
public sealed interface Outcome {

    /**
     * The evaluation finished.
     *
     * @param applicationYear the year {@code this_year} stood for
     */
    record Evaluated(Value value, Step trace, int applicationYear) implements Outcome {

        /** The verdict of a condition; only meaningful for a boolean expression. */
        public Verdict verdict() {
            if (value instanceof Value.BooleanValue bool) {
                return bool.value() ? Verdict.TRUE : Verdict.FALSE;
            }
            if (value.isUnknown()) {
                return Verdict.UNDETERMINED;
            }
            throw new IllegalStateException("a verdict needs a condition, this is " + value.type());
        }

        /** The conditions that decide the result: why it holds, or why not. See {@link Step#reasons()}. */
        public List<Step> reasons() {
            return trace.reasons();
        }

        /** The missing facts that would settle an unknown result; empty when the result is known. */
        public SortedSet<Fact> missing() {
            return value instanceof Value.Unknown unknown ? unknown.missing() : new TreeSet<>();
        }
    }

    record Failed(EvaluationError error) implements Outcome {
    }
}
