package dev.lantu.engine.lang;

public enum TokenType {
    // literals
    NUMBER, PERCENT, MONEY, DATE, TEXT, IDENTIFIER,
    // punctuation and operators
    PLUS, MINUS, STAR, SLASH, LEFT_PAREN, RIGHT_PAREN, LEFT_BRACKET, RIGHT_BRACKET, COMMA, COLON,
    EQUAL_EQUAL, BANG_EQUAL, LESS, LESS_EQUAL, GREATER, GREATER_EQUAL,
    // keywords
    AND, OR, NOT, IF, THEN, ELSE, IN, TRUE, FALSE,
    EOF
}
