package dev.lantu.engine.lang;

public enum Operator {
    PLUS("+"), MINUS("-"), TIMES("*"), DIVIDE("/"),
    EQUAL("=="), NOT_EQUAL("!="), LESS("<"), LESS_EQUAL("<="), GREATER(">"), GREATER_EQUAL(">="),
    AND("and"), OR("or"), NOT("not"), NEGATE("-");

    private final String symbol;

    Operator(String symbol) {
        this.symbol = symbol;
    }

    public String symbol() {
        return symbol;
    }

    public boolean isArithmetic() {
        return this == PLUS || this == MINUS || this == TIMES || this == DIVIDE;
    }

    public boolean isComparison() {
        return this == EQUAL || this == NOT_EQUAL || isOrdering();
    }

    public boolean isOrdering() {
        return this == LESS || this == LESS_EQUAL || this == GREATER || this == GREATER_EQUAL;
    }

    public boolean isLogical() {
        return this == AND || this == OR;
    }
}
