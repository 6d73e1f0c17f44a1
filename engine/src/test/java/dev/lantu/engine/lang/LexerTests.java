package dev.lantu.engine.lang;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LexerTests {

    private static List<Token> tokens(String source) {
        Lexer.Lexed lexed = Lexer.lex(source);
        assertThat(lexed.errors()).as("errors lexing %s", source).isEmpty();
        return lexed.tokens();
    }

    private static Token only(String source) {
        List<Token> tokens = tokens(source);
        assertThat(tokens).hasSize(2);
        assertThat(tokens.get(1).type()).isEqualTo(TokenType.EOF);
        return tokens.get(0);
    }

    @Test
    void numbersAreExactDecimals() {
        assertThat(only("12").literal()).isEqualTo(new BigDecimal("12"));
        assertThat(only("1.5").literal()).isEqualTo(new BigDecimal("1.5"));
        assertThat(only("0.1").type()).isEqualTo(TokenType.NUMBER);
    }

    @Test
    void percentagesBecomeFractions() {
        Token token = only("10%");
        assertThat(token.type()).isEqualTo(TokenType.PERCENT);
        assertThat((BigDecimal) token.literal()).isEqualByComparingTo("0.10");
        assertThat((BigDecimal) only("2.5%").literal()).isEqualByComparingTo("0.025");
    }

    @ParameterizedTest(name = "{0} is {1} fen")
    @CsvSource({
            "500元, 50000",
            "100万元, 100000000",
            "1500万, 1500000000",
            "2亿元, 20000000000",
            "0.5万元, 500000",
            "12.34元, 1234",
            "0.01元, 1",
            "1.5亿, 15000000000",
    })
    void moneyInChineseUnitsBecomesExactFen(String source, long fen) {
        Token token = only(source);
        assertThat(token.type()).isEqualTo(TokenType.MONEY);
        assertThat(token.literal()).isEqualTo(fen);
        assertThat(token.lexeme()).isEqualTo(source);
    }

    @Test
    void anAmountFinerThanAFenIsAnErrorNotARounding() {
        Lexer.Lexed lexed = Lexer.lex("revenue > 1.005元");
        assertThat(lexed.errors()).singleElement().satisfies(error -> {
            assertThat(error.message()).contains("finer than a fen");
            assertThat(error.position()).isEqualTo(new Position(1, 11));
        });
        assertThat(lexed.tokens()).extracting(Token::type).doesNotContain(TokenType.MONEY);
    }

    @Test
    void anAmountBeyondTheRangeOfFenIsAnError() {
        assertThat(Lexer.lex("99999999999999亿元").errors()).singleElement()
                .satisfies(error -> assertThat(error.message()).contains("too large"));
    }

    @Test
    void datesAreCalendarDates() {
        Token token = only("2025-02-07");
        assertThat(token.type()).isEqualTo(TokenType.DATE);
        assertThat(token.literal()).isEqualTo(LocalDate.of(2025, 2, 7));
    }

    @Test
    void aDateNotInTheCalendarIsAnError() {
        assertThat(Lexer.lex("2025-02-30").errors()).singleElement()
                .satisfies(error -> assertThat(error.message()).contains("not a date"));
    }

    @Test
    void aYearMinusASmallNumberIsSubtractionNotADate() {
        assertThat(tokens("2025-2")).extracting(Token::type)
                .containsExactly(TokenType.NUMBER, TokenType.MINUS, TokenType.NUMBER, TokenType.EOF);
    }

    @Test
    void textIsQuotedWithStraightOrChineseQuotes() {
        assertThat(only("\"高新技术企业\"").literal()).isEqualTo("高新技术企业");
        assertThat(only("“专精特新”").literal()).isEqualTo("专精特新");
        assertThat(only("\"say \\\"hi\\\"\"").literal()).isEqualTo("say \"hi\"");
    }

    @Test
    void unclosedTextIsAnErrorAtItsOpeningQuote() {
        assertThat(Lexer.lex("x in \"abc").errors()).singleElement()
                .satisfies(error -> assertThat(error.position()).isEqualTo(new Position(1, 6)));
    }

    @Test
    void keywordsAreNotIdentifiers() {
        assertThat(tokens("and or not if then else in true false")).extracting(Token::type).containsExactly(
                TokenType.AND, TokenType.OR, TokenType.NOT, TokenType.IF, TokenType.THEN, TokenType.ELSE,
                TokenType.IN, TokenType.TRUE, TokenType.FALSE, TokenType.EOF);
        assertThat(only("rd_expense_2").type()).isEqualTo(TokenType.IDENTIFIER);
    }

    @Test
    void operatorsAndPunctuation() {
        assertThat(tokens("+ - * / ( ) [ ] , : == != < <= > >=")).extracting(Token::type).containsExactly(
                TokenType.PLUS, TokenType.MINUS, TokenType.STAR, TokenType.SLASH, TokenType.LEFT_PAREN,
                TokenType.RIGHT_PAREN, TokenType.LEFT_BRACKET, TokenType.RIGHT_BRACKET, TokenType.COMMA,
                TokenType.COLON, TokenType.EQUAL_EQUAL, TokenType.BANG_EQUAL, TokenType.LESS, TokenType.LESS_EQUAL,
                TokenType.GREATER, TokenType.GREATER_EQUAL, TokenType.EOF);
    }

    @Test
    void tokensCarryLineAndColumn() {
        List<Token> tokens = tokens("revenue >= 100万元\n  and employees > 50");
        assertThat(tokens).extracting(Token::position).containsExactly(
                new Position(1, 1), new Position(1, 9), new Position(1, 12),
                new Position(2, 3), new Position(2, 7), new Position(2, 17), new Position(2, 19),
                new Position(2, 21));
    }

    @Test
    void commentsRunToTheEndOfTheLine() {
        assertThat(tokens("1 # the base\n+ 2")).extracting(Token::type)
                .containsExactly(TokenType.NUMBER, TokenType.PLUS, TokenType.NUMBER, TokenType.EOF);
    }

    @Test
    void unknownCharactersAreReportedAndLexingContinues() {
        Lexer.Lexed lexed = Lexer.lex("a @ b $ c");
        assertThat(lexed.errors()).extracting(LanguageError::position)
                .containsExactly(new Position(1, 3), new Position(1, 7));
        assertThat(lexed.tokens()).extracting(Token::lexeme).containsExactly("a", "b", "c", "");
    }

    @Test
    void aRunOfChineseCharactersIsOneErrorSuggestingSnakeCase() {
        Lexer.Lexed lexed = Lexer.lex("营业收入 > 100万元");
        assertThat(lexed.errors()).singleElement().satisfies(error -> {
            assertThat(error.position()).isEqualTo(new Position(1, 1));
            assertThat(error.suggestion()).contains("snake_case");
        });
    }

    @Test
    void fullWidthPunctuationSuggestsItsAsciiForm() {
        Lexer.Lexed lexed = Lexer.lex("max（a, b）");
        assertThat(lexed.errors()).hasSize(2);
        assertThat(lexed.errors().get(0).suggestion()).contains("'('");
        assertThat(lexed.errors().get(1).suggestion()).contains("')'");
    }

    @Test
    void theComparisonSignsOfPolicyDocumentsSuggestTheirAsciiForm() {
        Lexer.Lexed lexed = Lexer.lex("revenue≥2000万元 and district≠\"440106\"");
        assertThat(lexed.errors()).extracting(LanguageError::suggestion).containsExactly("write '>='", "write '!='");
        assertThat(lexed.errors()).extracting(LanguageError::position)
                .containsExactly(new Position(1, 8), new Position(1, 28));
    }

    @Test
    void aSingleEqualsSignSuggestsTheComparison() {
        assertThat(Lexer.lex("district = \"440106\"").errors()).singleElement()
                .satisfies(error -> assertThat(error.suggestion()).contains("=="));
    }
}
