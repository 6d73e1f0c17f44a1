package dev.lantu.engine.policy;

import dev.lantu.engine.eval.Value;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One value of a parameter and the date it takes effect. It stays in force until the parameter's
 * next value takes effect.
 *
 * @param reference the legal text that sets it, such as "穗工信规字〔2024〕3号 第五条"
 */
public record DatedValue(LocalDate from, Value value, String reference) {

    public DatedValue {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(value, "value");
        if (value.isUnknown()) {
            throw new IllegalArgumentException("a parameter's value is known: it is set by a legal text");
        }
        if (reference == null || reference.isBlank()) {
            throw new IllegalArgumentException("a parameter's value needs its legal reference");
        }
    }
}
