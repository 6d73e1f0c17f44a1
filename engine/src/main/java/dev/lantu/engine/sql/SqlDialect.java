package dev.lantu.engine.sql;

import java.math.BigDecimal;

/**
 * The databases the compiler writes SQL for, and what differs between them. Each keeps numbers
 * exact in its own way: PostgreSQL's {@code NUMERIC} and H2's {@code NUMERIC} are unbounded
 * decimals, DuckDB's {@code DECIMAL} holds 38 digits, so on DuckDB every number carries a scale
 * known at compile time and every step that could pass 38 digits is guarded (see
 * {@link SqlCompiler}).
 */
public enum SqlDialect {
    POSTGRES, H2, DUCKDB;

    /** Whether decimals are bounded (38 digits), so that arithmetic must be guarded and typed with a scale. */
    boolean boundedDecimals() {
        return this == DUCKDB;
    }

    /** The type in which a number of {@code scale} decimal places is computed. */
    String numberType(int scale) {
        return switch (this) {
            case POSTGRES -> "NUMERIC";
            // H2's NUMERIC without arguments has scale 0: a cast to it would round
            case H2 -> "NUMERIC(1000, " + scale + ")";
            case DUCKDB -> "DECIMAL(38, " + scale + ")";
        };
    }

    /** The type in which amounts are computed: whole fen, wider than BIGINT so that no step overflows in SQL. */
    String moneyType() {
        return numberType(0);
    }

    /** A number literal of its own scale; negative literals are parenthesised so that "- -1" never becomes a comment. */
    String numberLiteral(BigDecimal value) {
        BigDecimal plain = value.signum() == 0 ? BigDecimal.ZERO : value.stripTrailingZeros();
        int scale = Math.max(0, plain.scale());
        String digits = plain.setScale(scale).toPlainString();
        if (this == DUCKDB) {
            if (plain.precision() - plain.scale() + scale > 38) {
                throw new SqlCompilationException("the number " + digits + " has more than the 38 digits DuckDB's DECIMAL holds");
            }
            return "CAST('" + digits + "' AS " + numberType(scale) + ")";
        }
        // a literal with a decimal point is an exact NUMERIC in PostgreSQL and H2, never an int4 that could overflow
        String exact = scale == 0 ? digits + ".0" : digits;
        return plain.signum() < 0 ? "(" + exact + ")" : exact;
    }

    /** Whole fen as the wide money type. */
    String moneyLiteral(long fen) {
        return "CAST(" + fen + " AS " + moneyType() + ")";
    }

    /**
     * A text literal. Quotes are doubled; PostgreSQL gets an escape string (E'…') with backslashes
     * doubled too, so the literal means the same whatever standard_conforming_strings says.
     */
    String textLiteral(String text) {
        if (this == POSTGRES && text.indexOf('\0') >= 0) {
            throw new SqlCompilationException("PostgreSQL text cannot hold the character U+0000, found in \""
                    + text.replace("\0", "\\0") + "\"");
        }
        String quoted = text.replace("'", "''");
        if (this == POSTGRES) {
            return "E'" + quoted.replace("\\", "\\\\") + "'";
        }
        return "'" + quoted + "'";
    }

    /** Wraps an expression that could fail in SQL (a DuckDB decimal overflow) so that it gives NULL instead. */
    String guarded(String expression) {
        return this == DUCKDB ? "TRY(" + expression + ")" : expression;
    }

    /** The whole part of {@code dividend / divisor} for a dividend &ge; 0 and a divisor &gt; 0, exactly. */
    String wholeQuotient(String dividend, String divisor) {
        return switch (this) {
            case POSTGRES -> "DIV(" + dividend + ", " + divisor + ")";
            // H2 has no DIV; dividend - MOD is a multiple of the divisor, so this division is exact
            case H2 -> "ROUND((" + dividend + " - MOD(" + dividend + ", " + divisor + ")) / " + divisor + ", 0)";
            case DUCKDB -> "(" + dividend + " // " + divisor + ")";
        };
    }

    /**
     * What ends a derived table. PostgreSQL would otherwise pull every layer up into one and copy
     * each shared sub-expression into every place that uses it; OFFSET 0 keeps the layers apart.
     */
    String layerFence() {
        return this == POSTGRES ? " OFFSET 0" : "";
    }

    /** A quoted identifier: names are kept as written (lower case) and never read as keywords. */
    static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }
}
