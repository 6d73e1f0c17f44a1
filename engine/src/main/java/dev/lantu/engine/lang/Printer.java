package dev.lantu.engine.lang;

import java.math.BigDecimal;
import java.util.stream.Collectors;

/**
 * Writes a tree back as source, with only the parentheses precedence needs. Traces use it to name
 * each sub-expression the way the author would have written it; reparsing the output gives the
 * same tree.
 */
public final class Printer {

    private static final long FEN_PER_WAN_YUAN = 1_000_000L;
    private static final long FEN_PER_YI_YUAN = 10_000_000_000L;

    private Printer() {
    }

    public static String print(Expr expr) {
        return print(expr, 0);
    }

    /** An amount of fen as a policy document writes it: 2亿元, 1500万元, 12.5元. */
    public static String money(long fen) {
        if (fen != 0 && fen % FEN_PER_YI_YUAN == 0) {
            return (fen / FEN_PER_YI_YUAN) + "亿元";
        }
        if (fen != 0 && fen % FEN_PER_WAN_YUAN == 0) {
            return (fen / FEN_PER_WAN_YUAN) + "万元";
        }
        return BigDecimal.valueOf(fen).movePointLeft(2).stripTrailingZeros().toPlainString() + "元";
    }

    private static String print(Expr expr, int context) {
        int own = precedence(expr);
        String text = plain(expr);
        return own < context ? "(" + text + ")" : text;
    }

    private static int precedence(Expr expr) {
        if (expr instanceof Expr.Conditional) {
            return 0;
        }
        if (expr instanceof Expr.Binary binary) {
            return switch (binary.operator()) {
                case OR -> 1;
                case AND -> 2;
                case PLUS, MINUS -> 5;
                case TIMES, DIVIDE -> 6;
                default -> 4;
            };
        }
        if (expr instanceof Expr.Membership) {
            return 4;
        }
        if (expr instanceof Expr.Unary unary) {
            return unary.operator() == Operator.NOT ? 3 : 7;
        }
        if (expr instanceof Expr.MoneyLiteral money && money.fen() < 0
                || expr instanceof Expr.NumberLiteral number && number.value().signum() < 0) {
            return 7;
        }
        return 8;
    }

    private static String plain(Expr expr) {
        if (expr instanceof Expr.NumberLiteral number) {
            return number.percent()
                    ? number.value().movePointRight(2).stripTrailingZeros().toPlainString() + "%"
                    : number.value().toPlainString();
        }
        if (expr instanceof Expr.MoneyLiteral money) {
            return money(money.fen());
        }
        if (expr instanceof Expr.BooleanLiteral bool) {
            return Boolean.toString(bool.value());
        }
        if (expr instanceof Expr.DateLiteral date) {
            return date.value().toString();
        }
        if (expr instanceof Expr.TextLiteral text) {
            return quote(text.value());
        }
        if (expr instanceof Expr.SetLiteral set) {
            return set.elements().stream().map(e -> print(e, 0)).collect(Collectors.joining(", ", "[", "]"));
        }
        if (expr instanceof Expr.Reference reference) {
            return reference.name() + (reference.hasPeriod() ? "[" + reference.period() + "]" : "");
        }
        if (expr instanceof Expr.Unary unary) {
            return unary.operator() == Operator.NOT
                    ? "not " + print(unary.operand(), 3)
                    : "-" + print(unary.operand(), 7);
        }
        if (expr instanceof Expr.Binary binary) {
            int own = precedence(binary);
            boolean comparison = binary.operator().isComparison();
            return print(binary.left(), comparison ? own + 1 : own) + " " + binary.operator().symbol() + " "
                    + print(binary.right(), own + 1);
        }
        if (expr instanceof Expr.Membership membership) {
            return print(membership.element(), 5) + " in " + print(membership.set(), 5);
        }
        if (expr instanceof Expr.Conditional conditional) {
            return "if " + print(conditional.condition(), 0) + " then " + print(conditional.whenTrue(), 0)
                    + " else " + print(conditional.whenFalse(), 0);
        }
        if (expr instanceof Expr.Call call) {
            return call.function().spelling()
                    + call.arguments().stream().map(e -> print(e, 0)).collect(Collectors.joining(", ", "(", ")"));
        }
        if (expr instanceof Expr.Tiered tiered) {
            String schedule = tiered.tiers().stream()
                    .map(tier -> print(tier.upTo(), 0) + ": " + print(tier.rate(), 0))
                    .collect(Collectors.joining(", "));
            if (tiered.aboveRate() != null) {
                schedule += ", " + print(tiered.aboveRate(), 0);
            }
            return "tiered(" + print(tiered.base(), 0) + ", [" + schedule + "])";
        }
        throw new IllegalStateException("unprintable node " + expr);
    }

    private static String quote(String text) {
        return '"' + text.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
