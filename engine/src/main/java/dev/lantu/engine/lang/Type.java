package dev.lantu.engine.lang;

/** The types of the language. Money is its own type so that yuan never mix with plain numbers. */
public enum Type {
    /** An exact decimal ({@link java.math.BigDecimal}): counts, ratios, rates such as 10%. */
    NUMBER("number"),
    /** An exact amount of money, an integer count of fen (分). */
    MONEY("money"),
    BOOLEAN("boolean"),
    DATE("date"),
    TEXT("text"),
    /** A set of texts: qualifications, tracks, filings. */
    SET("set of text");

    private final String description;

    Type(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }

    public boolean isOrdered() {
        return this == NUMBER || this == MONEY || this == DATE;
    }

    @Override
    public String toString() {
        return description;
    }
}
