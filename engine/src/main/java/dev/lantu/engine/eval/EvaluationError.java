package dev.lantu.engine.eval;

import dev.lantu.engine.lang.Position;

/**
 * Why an evaluation could not finish: a division by zero, an amount beyond the range of fen, a
 * profile value of the wrong type. These are facts about the data or the clause, reported with the
 * sub-expression where they arose, never as an exception to the caller.
 */
public record EvaluationError(Position position, String expression, String message) {

    @Override
    public String toString() {
        return position + ": " + message + " in " + expression;
    }
}
