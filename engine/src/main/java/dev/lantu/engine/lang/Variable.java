package dev.lantu.engine.lang;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A fact about an enterprise that clauses may read, as the schema declares it.
 *
 * @param unit        how the value is measured, for people ("元", "人", "%"); the type decides arithmetic
 * @param description what the fact is, in words a policy officer recognises
 * @param source      where the value comes from (a register, a filing, the enterprise itself)
 */
public record Variable(String name, Type type, String unit, Periodicity periodicity, String description,
                       String source) {

    private static final Pattern SNAKE_CASE = Pattern.compile("[a-z][a-z0-9_]*");

    public Variable {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(periodicity, "periodicity");
        if (name == null || !SNAKE_CASE.matcher(name).matches()) {
            throw new IllegalArgumentException("a variable's name is ASCII snake_case: " + name);
        }
        unit = unit == null ? "" : unit;
        description = description == null ? "" : description;
        source = source == null ? "" : source;
    }

    public boolean isYearly() {
        return periodicity == Periodicity.YEARLY;
    }
}
