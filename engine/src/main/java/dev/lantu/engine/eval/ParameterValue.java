package dev.lantu.engine.eval;

import java.util.Objects;

/**
 * The value of a named parameter in force for an evaluation, with the legal text that sets it,
 * so the trace can cite it.
 *
 * @param reference the legal reference, such as "穗工信规字〔2024〕3号 第五条"
 */
public record ParameterValue(Value value, String reference) {

    public ParameterValue {
        Objects.requireNonNull(value, "value");
        if (value.isUnknown()) {
            throw new IllegalArgumentException("a parameter in force has a known value");
        }
        reference = reference == null ? "" : reference;
    }
}
