package dev.lantu.engine.eval;

/** The outcome of a condition in three-valued logic: a missing fact leaves it undetermined, not false. */
public enum Verdict {
    TRUE, FALSE, UNDETERMINED
}
