package dev.lantu.engine.lang;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns a clause's source into tokens. Like jlox's scanner it never stops at the first problem:
 * an unknown character is reported with its position and lexing goes on, so the author sees every
 * problem in one pass.
 *
 * <p>Money is written the way policy documents write it ({@code 500元}, {@code 100万元},
 * {@code 1500万}, {@code 2亿元}) and becomes an exact count of fen (分) here, once, with
 * {@link BigDecimal} arithmetic; an amount finer than a fen is an error rather than a silent
 * rounding.
 */
public final class Lexer {

    private static final Map<String, TokenType> KEYWORDS = Map.of(
            "and", TokenType.AND, "or", TokenType.OR, "not", TokenType.NOT,
            "if", TokenType.IF, "then", TokenType.THEN, "else", TokenType.ELSE,
            "in", TokenType.IN, "true", TokenType.TRUE, "false", TokenType.FALSE);

    /**
     * Characters a Chinese input method or a policy document produces (full-width punctuation, the
     * signs ≥ ≤ ≠ of 营业收入≥2000万元), and what the author meant in this language.
     */
    private static final Map<Character, String> LOOK_ALIKES = Map.ofEntries(
            Map.entry('（', "("), Map.entry('）', ")"), Map.entry('，', ","), Map.entry('：', ":"),
            Map.entry('＞', ">"), Map.entry('＜', "<"), Map.entry('＝', "=="), Map.entry('％', "%"),
            Map.entry('【', "["), Map.entry('】', "]"), Map.entry('≥', ">="), Map.entry('≤', "<="),
            Map.entry('≠', "!="));

    private static final BigDecimal FEN_PER_YUAN = BigDecimal.valueOf(100);
    private static final BigDecimal WAN = BigDecimal.valueOf(10_000);
    private static final BigDecimal YI = BigDecimal.valueOf(100_000_000);

    private final String source;
    private final List<Token> tokens = new ArrayList<>();
    private final List<LanguageError> errors = new ArrayList<>();
    private int start;
    private int current;
    private int line = 1;
    private int column = 1;
    private Position startPosition = Position.START;

    private Lexer(String source) {
        this.source = source;
    }

    /** The tokens of {@code source}, always ending with {@link TokenType#EOF}, and every lexical error. */
    public static Lexed lex(String source) {
        Lexer lexer = new Lexer(source == null ? "" : source);
        lexer.scanAll();
        return new Lexed(List.copyOf(lexer.tokens), List.copyOf(lexer.errors));
    }

    public record Lexed(List<Token> tokens, List<LanguageError> errors) {
    }

    private void scanAll() {
        while (!atEnd()) {
            start = current;
            startPosition = new Position(line, column);
            scanToken();
        }
        tokens.add(new Token(TokenType.EOF, "", null, new Position(line, column)));
    }

    private void scanToken() {
        char c = advance();
        switch (c) {
            case ' ', '\t', '\r', '\n', '\u3000' -> { }
            case '#' -> {
                // a comment runs to the end of the line, so a long formula can say why each part is there
                while (!atEnd() && peek() != '\n') {
                    advance();
                }
            }
            case '(' -> add(TokenType.LEFT_PAREN);
            case ')' -> add(TokenType.RIGHT_PAREN);
            case '[' -> add(TokenType.LEFT_BRACKET);
            case ']' -> add(TokenType.RIGHT_BRACKET);
            case ',' -> add(TokenType.COMMA);
            case ':' -> add(TokenType.COLON);
            case '+' -> add(TokenType.PLUS);
            case '-' -> add(TokenType.MINUS);
            case '*' -> add(TokenType.STAR);
            case '/' -> add(TokenType.SLASH);
            case '<' -> add(match('=') ? TokenType.LESS_EQUAL : TokenType.LESS);
            case '>' -> add(match('=') ? TokenType.GREATER_EQUAL : TokenType.GREATER);
            case '=' -> {
                if (match('=')) {
                    add(TokenType.EQUAL_EQUAL);
                } else {
                    error("a single '=' is not an operator", "write '==' to compare");
                }
            }
            case '!' -> {
                if (match('=')) {
                    add(TokenType.BANG_EQUAL);
                } else {
                    error("'!' is not an operator", "write 'not' to negate, or '!=' to compare");
                }
            }
            case '&' -> {
                match('&');
                error("'" + lexeme() + "' is not an operator", "write 'and'");
            }
            case '|' -> {
                match('|');
                error("'" + lexeme() + "' is not an operator", "write 'or'");
            }
            case '"' -> text('"');
            case '“' -> text('”');
            default -> {
                if (isDigit(c)) {
                    number();
                } else if (isIdentifierStart(c)) {
                    identifier();
                } else {
                    unknown(c);
                }
            }
        }
    }

    private void unknown(char c) {
        if (LOOK_ALIKES.containsKey(c)) {
            error("unexpected character '" + c + "'", "write '" + LOOK_ALIKES.get(c) + "'");
            return;
        }
        // one error for a run of characters the language does not know, not one per character
        while (!atEnd() && isUnknown(peek())) {
            advance();
        }
        error("unexpected characters '" + lexeme() + "'",
                isAsciiOnly(lexeme()) ? "" : "names are ASCII snake_case, such as rd_expense");
    }

    private boolean isUnknown(char c) {
        return !(isDigit(c) || isIdentifierStart(c) || Character.isWhitespace(c) || c == '\u3000'
                || "()[],:+-*/<>=!&|\"“#".indexOf(c) >= 0 || LOOK_ALIKES.containsKey(c));
    }

    private static boolean isAsciiOnly(String s) {
        return s.chars().allMatch(ch -> ch < 128);
    }

    private void text(char closing) {
        StringBuilder value = new StringBuilder();
        while (!atEnd() && peek() != closing && peek() != '\n') {
            char c = advance();
            if (c == '\\' && !atEnd() && (peek() == '"' || peek() == '\\')) {
                c = advance();
            }
            value.append(c);
        }
        if (atEnd() || peek() == '\n') {
            error("text is not closed", "end it with " + closing);
            return;
        }
        advance();
        add(TokenType.TEXT, value.toString());
    }

    private void number() {
        while (isDigit(peek())) {
            advance();
        }
        if (current - start == 4 && looksLikeDateTail()) {
            date();
            return;
        }
        if (peek() == '.' && isDigit(peekNext())) {
            advance();
            while (isDigit(peek())) {
                advance();
            }
        }
        BigDecimal value = new BigDecimal(source.substring(start, current));
        if (match('%')) {
            add(TokenType.PERCENT, value.movePointLeft(2));
        } else if (peek() == '万' || peek() == '亿' || peek() == '元') {
            money(value);
        } else {
            add(TokenType.NUMBER, value);
        }
    }

    private void money(BigDecimal amount) {
        BigDecimal yuan = amount;
        if (match('万')) {
            yuan = amount.multiply(WAN);
        } else if (match('亿')) {
            yuan = amount.multiply(YI);
        }
        match('元');
        BigDecimal fen = yuan.multiply(FEN_PER_YUAN);
        if (fen.stripTrailingZeros().scale() > 0) {
            error("the amount " + lexeme() + " is finer than a fen (分)", "amounts are exact to the fen");
            return;
        }
        try {
            add(TokenType.MONEY, fen.longValueExact());
        } catch (ArithmeticException tooLarge) {
            error("the amount " + lexeme() + " is too large", "");
        }
    }

    /** {@code -DD-DD} right after four digits, and no digit after it: a date such as 2025-02-07. */
    private boolean looksLikeDateTail() {
        return charAt(current) == '-' && isDigit(charAt(current + 1)) && isDigit(charAt(current + 2))
                && charAt(current + 3) == '-' && isDigit(charAt(current + 4)) && isDigit(charAt(current + 5))
                && !isDigit(charAt(current + 6));
    }

    private void date() {
        for (int i = 0; i < 6; i++) {
            advance();
        }
        try {
            add(TokenType.DATE, LocalDate.parse(lexeme()));
        } catch (DateTimeException invalid) {
            error("'" + lexeme() + "' is not a date in the calendar", "dates are written YYYY-MM-DD");
        }
    }

    private void identifier() {
        while (isIdentifierStart(peek()) || isDigit(peek())) {
            advance();
        }
        String text = lexeme();
        add(KEYWORDS.getOrDefault(text, TokenType.IDENTIFIER));
    }

    private boolean match(char expected) {
        if (atEnd() || source.charAt(current) != expected) {
            return false;
        }
        advance();
        return true;
    }

    private char advance() {
        char c = source.charAt(current++);
        if (c == '\n') {
            line++;
            column = 1;
        } else {
            column++;
        }
        return c;
    }

    private char peek() {
        return charAt(current);
    }

    private char peekNext() {
        return charAt(current + 1);
    }

    private char charAt(int index) {
        return index < source.length() ? source.charAt(index) : '\0';
    }

    private boolean atEnd() {
        return current >= source.length();
    }

    private String lexeme() {
        return source.substring(start, current);
    }

    private void add(TokenType type) {
        add(type, null);
    }

    private void add(TokenType type, Object literal) {
        tokens.add(new Token(type, lexeme(), literal, startPosition));
    }

    private void error(String message, String suggestion) {
        errors.add(new LanguageError(startPosition, message, suggestion));
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isIdentifierStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
    }
}
