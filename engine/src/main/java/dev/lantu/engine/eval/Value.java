package dev.lantu.engine.eval;

import dev.lantu.engine.lang.Printer;
import dev.lantu.engine.lang.Type;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * What an expression evaluates to. {@link Unknown} is a value of its own: a fact the profile lacks
 * is not false, and it travels through the evaluation carrying the facts that would settle it.
 */
public sealed interface Value {

    /** The language type of a known value; an {@link Unknown} has none. */
    Type type();

    default boolean isUnknown() {
        return false;
    }

    /** The value as a person reads it in a trace: 1500万元, 0.1, true, 2025-02-07. */
    String show();

    static Value number(BigDecimal value) {
        return new NumberValue(value);
    }

    static Value number(String value) {
        return new NumberValue(new BigDecimal(value));
    }

    static Value number(long value) {
        return new NumberValue(BigDecimal.valueOf(value));
    }

    static Value money(long fen) {
        return new Money(fen);
    }

    static Value yuan(String yuan) {
        return new Money(new BigDecimal(yuan).movePointRight(2).longValueExact());
    }

    static Value bool(boolean value) {
        return value ? BooleanValue.TRUE : BooleanValue.FALSE;
    }

    static Value date(LocalDate value) {
        return new DateValue(value);
    }

    static Value text(String value) {
        return new Text(value);
    }

    static Value set(String... members) {
        return new TextSet(Set.of(members));
    }

    static Value set(Collection<String> members) {
        return new TextSet(Set.copyOf(members));
    }

    /** An exact decimal, kept without trailing zeros so that equal numbers are equal values. */
    record NumberValue(BigDecimal value) implements Value {
        public NumberValue {
            value = value.signum() == 0 ? BigDecimal.ZERO : value.stripTrailingZeros();
        }

        @Override
        public Type type() {
            return Type.NUMBER;
        }

        @Override
        public String show() {
            return value.toPlainString();
        }
    }

    /** An exact amount in fen (分). */
    record Money(long fen) implements Value {
        @Override
        public Type type() {
            return Type.MONEY;
        }

        @Override
        public String show() {
            return Printer.money(fen);
        }
    }

    record BooleanValue(boolean value) implements Value {
        static final BooleanValue TRUE = new BooleanValue(true);
        static final BooleanValue FALSE = new BooleanValue(false);

        @Override
        public Type type() {
            return Type.BOOLEAN;
        }

        @Override
        public String show() {
            return Boolean.toString(value);
        }
    }

    record DateValue(LocalDate value) implements Value {
        @Override
        public Type type() {
            return Type.DATE;
        }

        @Override
        public String show() {
            return value.toString();
        }
    }

    record Text(String value) implements Value {
        @Override
        public Type type() {
            return Type.TEXT;
        }

        @Override
        public String show() {
            return '"' + value + '"';
        }
    }

    record TextSet(Set<String> members) implements Value {
        public TextSet {
            members = Set.copyOf(members);
        }

        @Override
        public Type type() {
            return Type.SET;
        }

        @Override
        public String show() {
            return members.stream().sorted().map(m -> '"' + m + '"').collect(Collectors.joining(", ", "[", "]"));
        }
    }

    /**
     * A value that cannot be known because facts are missing.
     *
     * @param missing the facts whose absence leaves it unknown; supplying them settles it
     */
    record Unknown(SortedSet<Fact> missing) implements Value {
        public Unknown {
            missing = new TreeSet<>(missing);
        }

        public static Unknown of(Fact fact) {
            return new Unknown(new TreeSet<>(Set.of(fact)));
        }

        @Override
        public Type type() {
            throw new IllegalStateException("an unknown value has no type");
        }

        @Override
        public boolean isUnknown() {
            return true;
        }

        @Override
        public String show() {
            return "unknown (missing " + missing.stream().map(Fact::toString).collect(Collectors.joining(", ")) + ")";
        }
    }
}
