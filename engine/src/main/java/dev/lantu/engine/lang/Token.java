package dev.lantu.engine.lang;

/**
 * One lexeme of a clause.
 *
 * @param literal the value a literal stands for: {@link java.math.BigDecimal} for numbers and
 *                percentages (10% is 0.10), {@link Long} fen for money, {@link java.time.LocalDate}
 *                for dates, {@link String} for text; {@code null} otherwise
 */
public record Token(TokenType type, String lexeme, Object literal, Position position) {

    @Override
    public String toString() {
        return type + " '" + lexeme + "' at " + position;
    }
}
