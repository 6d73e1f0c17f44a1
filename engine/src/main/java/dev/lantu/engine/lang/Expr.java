package dev.lantu.engine.lang;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The syntax tree of a clause's expression: records under one sealed interface, the Java 17 form
 * of jlox's generated AST. Every node keeps the position of its first token so that type errors
 * and trace lines point back into the policy text.
 */
public sealed interface Expr {

    Position position();

    /**
     * A plain number or a percentage; 10% is stored as 0.10.
     *
     * @param percent whether the author wrote it as a percentage, so traces show it the same way
     */
    record NumberLiteral(BigDecimal value, boolean percent, Position position) implements Expr {
        public NumberLiteral(BigDecimal value, Position position) {
            this(value, false, position);
        }
    }

    /** An amount of money in fen (分), exact. */
    record MoneyLiteral(long fen, Position position) implements Expr {
    }

    record BooleanLiteral(boolean value, Position position) implements Expr {
    }

    record DateLiteral(LocalDate value, Position position) implements Expr {
    }

    record TextLiteral(String value, Position position) implements Expr {
    }

    /** {@code ["高新技术企业", "专精特新"]}: a set of texts, for membership tests. */
    record SetLiteral(List<Expr> elements, Position position) implements Expr {
        public SetLiteral {
            elements = List.copyOf(elements);
        }
    }

    /**
     * A name: a variable of the schema or a named parameter (the checker decides which).
     *
     * @param period the period written after it, such as {@code [last_year]}; {@code null} when none
     *               is written, which for a yearly variable means {@code this_year}
     */
    record Reference(String name, Period period, Position position) implements Expr {
        public boolean hasPeriod() {
            return period != null;
        }
    }

    /** {@code -x} or {@code not x}. */
    record Unary(Operator operator, Expr operand, Position position) implements Expr {
    }

    /** Arithmetic, comparison and the logical {@code and}/{@code or}. */
    record Binary(Expr left, Operator operator, Expr right, Position position) implements Expr {
    }

    /** {@code if condition then whenTrue else whenFalse}. */
    record Conditional(Expr condition, Expr whenTrue, Expr whenFalse, Position position) implements Expr {
    }

    /** {@code element in set}. */
    record Membership(Expr element, Expr set, Position position) implements Expr {
    }

    /** A call of one of the built-in {@link Function}s other than {@code tiered}. */
    record Call(Function function, List<Expr> arguments, Position position) implements Expr {
        public Call {
            if (function == Function.TIERED) {
                throw new IllegalArgumentException("tiered has its own node, Expr.Tiered");
            }
            arguments = List.copyOf(arguments);
        }
    }

    /**
     * A marginal (progressive) schedule: {@code tiered(base, [500万: 10%, 2000万: 5%, 3%])} pays 10%
     * of the part of base up to 500万, 5% of the part from 500万 to 2000万, and 3% of the rest. Without
     * the last bare rate nothing is paid above the last bound.
     *
     * @param aboveRate the rate of the part above the last bound; {@code null} when none is written
     */
    record Tiered(Expr base, List<Tier> tiers, Expr aboveRate, Position position) implements Expr {
        public Tiered {
            tiers = List.copyOf(tiers);
        }
    }

    /** One step of a schedule: the rate applies to the part of the base up to {@code upTo}. */
    record Tier(Expr upTo, Expr rate) {
    }
}
