package dev.lantu.engine.policy;

import dev.lantu.engine.lang.Type;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A named value a policy uses (a rate, a threshold, a cap) with its history: when a rate changes,
 * both values are kept, each with the date it took effect and its legal reference, so a rule can
 * be evaluated as it stood on any date. What varies is data with a date, not code (as in OpenFisca).
 */
public record Parameter(String name, Type type, String description, List<DatedValue> values) {

    public Parameter {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        description = description == null ? "" : description;
        if (values == null || values.isEmpty()) {
            throw new IllegalArgumentException("the parameter " + name + " needs at least one dated value");
        }
        values = values.stream().sorted(Comparator.comparing(DatedValue::from)).toList();
        for (int i = 0; i < values.size(); i++) {
            DatedValue value = values.get(i);
            if (value.value().type() != type) {
                throw new IllegalArgumentException("the parameter " + name + " is " + type + ", but its value from "
                        + value.from() + " is " + value.value().type());
            }
            if (i > 0 && values.get(i - 1).from().equals(value.from())) {
                throw new IllegalArgumentException("the parameter " + name + " has two values from " + value.from());
            }
        }
    }

    /** The value in force on {@code date}: the last one that took effect on or before it; none before the first. */
    public Optional<DatedValue> inForceOn(LocalDate date) {
        DatedValue found = null;
        for (DatedValue value : values) {
            if (value.from().isAfter(date)) {
                break;
            }
            found = value;
        }
        return Optional.ofNullable(found);
    }
}
