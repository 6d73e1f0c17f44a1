package dev.lantu.engine.eval;

import java.util.Objects;

/**
 * A fact about an enterprise: a static variable, or a yearly variable in one year. Undetermined
 * results name the facts that are missing, so the enterprise (or a registry import) knows exactly
 * what to supply.
 *
 * @param year the calendar year of a yearly variable; {@code null} for a static one
 */
public record Fact(String variable, Integer year) implements Comparable<Fact> {

    public Fact {
        Objects.requireNonNull(variable, "variable");
    }

    public static Fact of(String variable) {
        return new Fact(variable, null);
    }

    public static Fact of(String variable, int year) {
        return new Fact(variable, year);
    }

    public boolean isYearly() {
        return year != null;
    }

    @Override
    public int compareTo(Fact other) {
        int byName = variable.compareTo(other.variable);
        if (byName != 0) {
            return byName;
        }
        return Integer.compare(year == null ? Integer.MIN_VALUE : year, other.year == null ? Integer.MIN_VALUE : other.year);
    }

    @Override
    public String toString() {
        return year == null ? variable : variable + "[" + year + "]";
    }
}
