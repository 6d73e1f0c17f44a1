package dev.lantu.engine.eval;

/** A parameter the evaluation used: its name, the value in force, and the legal text behind it. */
public record ParameterUse(String name, Value value, String reference) {

    @Override
    public String toString() {
        return name + " = " + value.show() + (reference.isEmpty() ? "" : " (" + reference + ")");
    }
}
