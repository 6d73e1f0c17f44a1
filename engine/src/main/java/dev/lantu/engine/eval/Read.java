package dev.lantu.engine.eval;

/** A fact the evaluation read from the profile, and what it found (possibly {@link Value.Unknown}). */
public record Read(Fact fact, Value value) {

    @Override
    public String toString() {
        return fact + " = " + value.show();
    }
}
