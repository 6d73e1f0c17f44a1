package dev.lantu.engine.lang;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * A recursive-descent parser for clause expressions, after jlox's. On a syntax error it records a
 * positioned {@link LanguageError}, skips to the next token where an expression can sensibly resume
 * ({@code and}, {@code or}, {@code then}, {@code else}, a comma, a closing bracket) and goes on, so
 * one parse reports many errors.
 *
 * <pre>
 * expression  → "if" expression "then" expression "else" expression | or
 * or          → and ( "or" and )*
 * and         → not ( "and" not )*
 * not         → "not" not | comparison
 * comparison  → sum ( ( "==" | "!=" | "&lt;" | "&lt;=" | "&gt;" | "&gt;=" | "in" ) sum )?
 * sum         → product ( ( "+" | "-" ) product )*
 * product     → unary ( ( "*" | "/" ) unary )*
 * unary       → "-" unary | primary
 * primary     → literal | name ( "[" period "]" )? | name "(" arguments ")"
 *             | "(" expression ")" | "[" ( expression ( "," expression )* )? "]"
 * period      → "this_year" | "last_year" | "year" ( ( "+" | "-" ) INTEGER )? | YEAR
 * </pre>
 */
public final class Parser {

    /**
     * How deep an expression may nest. Real clauses stay far below; the limit keeps a pathological
     * input from exhausting the stack of the parser, the checker or the evaluator.
     */
    static final int MAX_DEPTH = 200;

    private static final Set<TokenType> RESUME_AFTER = Set.of(
            TokenType.AND, TokenType.OR, TokenType.THEN, TokenType.ELSE, TokenType.COMMA, TokenType.COLON,
            TokenType.LEFT_PAREN, TokenType.LEFT_BRACKET);

    private final List<Token> tokens;
    private final Set<LanguageError> errors = new LinkedHashSet<>();
    private int current;
    private int depth;

    private Parser(List<Token> tokens) {
        this.tokens = tokens;
    }

    /** The expression written in {@code source}, or every lexical and syntax error found in it. */
    public static Parsed parse(String source) {
        Lexer.Lexed lexed = Lexer.lex(source);
        Parser parser = new Parser(lexed.tokens());
        Expr expr = parser.parseAll();
        List<LanguageError> errors = new ArrayList<>(lexed.errors());
        errors.addAll(parser.errors);
        errors.sort((a, b) -> a.position().compareTo(b.position()));
        return errors.isEmpty() ? new Parsed(expr, List.of()) : new Parsed(null, List.copyOf(errors));
    }

    /** @param expr the tree, or {@code null} when there are errors */
    public record Parsed(Expr expr, List<LanguageError> errors) {
        public boolean succeeded() {
            return errors.isEmpty();
        }
    }

    private static final class ParseError extends RuntimeException {
        ParseError() {
            super(null, null, false, false);
        }
    }

    private Expr parseAll() {
        if (check(TokenType.EOF)) {
            errors.add(new LanguageError(peek().position(), "the expression is empty", ""));
            return null;
        }
        try {
            Expr expr = expression();
            if (!check(TokenType.EOF)) {
                throw error(peek(), "unexpected " + describe(peek()) + " after the end of the expression",
                        "join conditions with 'and' or 'or'");
            }
            return expr;
        } catch (ParseError e) {
            resume();
            return null;
        }
    }

    /**
     * Panic mode: skip the token that caused the error and everything up to a point where an
     * expression can start again, then parse on to find further errors. Each turn consumes at
     * least one token, so this ends.
     */
    private void resume() {
        while (!check(TokenType.EOF)) {
            Token skipped = advance();
            if (RESUME_AFTER.contains(skipped.type()) && !check(TokenType.EOF)) {
                try {
                    depth = 0;
                    expression();
                } catch (ParseError again) {
                    // recorded; keep skipping
                }
            }
        }
    }

    private Expr expression() {
        enter();
        try {
            if (match(TokenType.IF)) {
                return conditional(previous());
            }
            return or();
        } finally {
            depth--;
        }
    }

    private Expr conditional(Token ifToken) {
        Expr condition = expression();
        consume(TokenType.THEN, "expected 'then' after the condition of 'if'", "write if … then … else …");
        Expr whenTrue = expression();
        consume(TokenType.ELSE, "expected 'else': every 'if' needs both branches",
                "add else 0 or else 0元 when nothing is due otherwise");
        Expr whenFalse = expression();
        return new Expr.Conditional(condition, whenTrue, whenFalse, ifToken.position());
    }

    private Expr or() {
        return leftAssociative(this::and, Map.of(TokenType.OR, Operator.OR));
    }

    private Expr and() {
        return leftAssociative(this::not, Map.of(TokenType.AND, Operator.AND));
    }

    private Expr not() {
        if (match(TokenType.NOT)) {
            Token not = previous();
            enter();
            try {
                return new Expr.Unary(Operator.NOT, not(), not.position());
            } finally {
                depth--;
            }
        }
        return comparison();
    }

    private Expr comparison() {
        Expr left = sum();
        Optional<Operator> operator = comparisonOperator();
        if (operator.isEmpty() && !match(TokenType.IN)) {
            return left;
        }
        Token operatorToken = previous();
        Expr right = sum();
        Expr result = operator.isPresent()
                ? new Expr.Binary(left, operator.get(), right, left.position())
                : new Expr.Membership(left, right, left.position());
        if (comparisonOperator().isPresent() || match(TokenType.IN)) {
            throw error(previous(), "comparisons do not chain",
                    "write a " + operatorToken.lexeme() + " b and b " + previous().lexeme() + " c");
        }
        return result;
    }

    private Optional<Operator> comparisonOperator() {
        TokenType type = peek().type();
        Operator operator = switch (type) {
            case EQUAL_EQUAL -> Operator.EQUAL;
            case BANG_EQUAL -> Operator.NOT_EQUAL;
            case LESS -> Operator.LESS;
            case LESS_EQUAL -> Operator.LESS_EQUAL;
            case GREATER -> Operator.GREATER;
            case GREATER_EQUAL -> Operator.GREATER_EQUAL;
            default -> null;
        };
        if (operator != null) {
            advance();
        }
        return Optional.ofNullable(operator);
    }

    private Expr sum() {
        return leftAssociative(this::product, Map.of(TokenType.PLUS, Operator.PLUS, TokenType.MINUS, Operator.MINUS));
    }

    private Expr product() {
        return leftAssociative(this::unary, Map.of(TokenType.STAR, Operator.TIMES, TokenType.SLASH, Operator.DIVIDE));
    }

    /**
     * One precedence level of left-associative operators. Each operator of a chain deepens the
     * tree by one, so it counts towards {@link #MAX_DEPTH} like a nested parenthesis.
     */
    private Expr leftAssociative(Supplier<Expr> operand, Map<TokenType, Operator> operators) {
        Expr left = operand.get();
        int entered = 0;
        try {
            while (operators.containsKey(peek().type())) {
                Operator operator = operators.get(advance().type());
                enter();
                entered++;
                left = new Expr.Binary(left, operator, operand.get(), left.position());
            }
            return left;
        } finally {
            depth -= entered;
        }
    }

    private Expr unary() {
        if (match(TokenType.MINUS)) {
            Token minus = previous();
            enter();
            try {
                return new Expr.Unary(Operator.NEGATE, unary(), minus.position());
            } finally {
                depth--;
            }
        }
        return primary();
    }

    private Expr primary() {
        Token token = peek();
        switch (token.type()) {
            case NUMBER, PERCENT -> {
                advance();
                return new Expr.NumberLiteral((BigDecimal) token.literal(), token.type() == TokenType.PERCENT,
                        token.position());
            }
            case MONEY -> {
                advance();
                return new Expr.MoneyLiteral((Long) token.literal(), token.position());
            }
            case DATE -> {
                advance();
                return new Expr.DateLiteral((java.time.LocalDate) token.literal(), token.position());
            }
            case TEXT -> {
                advance();
                return new Expr.TextLiteral((String) token.literal(), token.position());
            }
            case TRUE, FALSE -> {
                advance();
                return new Expr.BooleanLiteral(token.type() == TokenType.TRUE, token.position());
            }
            case IF -> {
                advance();
                enter();
                try {
                    return conditional(token);
                } finally {
                    depth--;
                }
            }
            case IDENTIFIER -> {
                advance();
                return check(TokenType.LEFT_PAREN) ? call(token) : reference(token);
            }
            case LEFT_PAREN -> {
                advance();
                Expr inner = expression();
                consume(TokenType.RIGHT_PAREN, "expected ')' to close the '(' at " + token.position(), "");
                return inner;
            }
            case LEFT_BRACKET -> {
                advance();
                return setLiteral(token);
            }
            default -> throw error(token, "expected a value, a name or '(', found " + describe(token), hintFor(token));
        }
    }

    private String hintFor(Token token) {
        return switch (token.type()) {
            case EOF -> "the expression ends too early";
            case THEN, ELSE -> "a condition is missing before '" + token.lexeme() + "'";
            case AND, OR -> "a condition is missing before '" + token.lexeme() + "'";
            default -> "";
        };
    }

    private Expr reference(Token name) {
        if (!match(TokenType.LEFT_BRACKET)) {
            return new Expr.Reference(name.lexeme(), null, name.position());
        }
        Period period = period();
        consume(TokenType.RIGHT_BRACKET, "expected ']' after the period of " + name.lexeme(), "");
        return new Expr.Reference(name.lexeme(), period, name.position());
    }

    private static final String PERIOD_FORMS = "a period is this_year, last_year, year - N or a year such as 2024";

    private Period period() {
        Token token = peek();
        if (token.type() == TokenType.NUMBER && isYear((BigDecimal) token.literal())) {
            advance();
            return new Period.Absolute(((BigDecimal) token.literal()).intValueExact());
        }
        if (token.type() != TokenType.IDENTIFIER) {
            throw error(token, "expected a period, found " + describe(token), PERIOD_FORMS);
        }
        advance();
        switch (token.lexeme()) {
            case "this_year" -> {
                return Period.THIS_YEAR;
            }
            case "last_year" -> {
                return Period.LAST_YEAR;
            }
            case "year" -> {
                if (!match(TokenType.PLUS, TokenType.MINUS)) {
                    return Period.THIS_YEAR;
                }
                boolean back = previous().type() == TokenType.MINUS;
                Token count = peek();
                if (count.type() != TokenType.NUMBER || !isSmallWholeNumber((BigDecimal) count.literal())) {
                    throw error(count, "expected a whole number of years, found " + describe(count), PERIOD_FORMS);
                }
                advance();
                int years = ((BigDecimal) count.literal()).intValueExact();
                return new Period.Relative(back ? -years : years);
            }
            default -> throw error(token, "'" + token.lexeme() + "' is not a period",
                    Suggestions.closest(token.lexeme(), List.of("this_year", "last_year", "year"))
                            .map(s -> "did you mean " + s + "?").orElse(PERIOD_FORMS));
        }
    }

    private static boolean isYear(BigDecimal value) {
        return value.scale() <= 0 && value.compareTo(BigDecimal.valueOf(1900)) >= 0
                && value.compareTo(BigDecimal.valueOf(2999)) <= 0;
    }

    private static boolean isSmallWholeNumber(BigDecimal value) {
        return value.scale() <= 0 && value.compareTo(BigDecimal.valueOf(100)) <= 0;
    }

    private Expr call(Token name) {
        Token open = advance();
        Optional<Function> function = Function.named(name.lexeme());
        if (function.isEmpty()) {
            errors.add(new LanguageError(name.position(), "unknown function '" + name.lexeme() + "'",
                    Suggestions.closest(name.lexeme(), Function.spellings()).map(s -> "did you mean " + s + "?")
                            .orElse("the functions are " + String.join(", ", Function.spellings()))));
        }
        if (function.isPresent() && function.get() == Function.TIERED) {
            return tiered(name);
        }
        List<Expr> arguments = new ArrayList<>();
        if (!check(TokenType.RIGHT_PAREN)) {
            do {
                arguments.add(expression());
            } while (match(TokenType.COMMA));
        }
        consume(TokenType.RIGHT_PAREN, "expected ')' to close the call of " + name.lexeme() + " at " + open.position(), "");
        if (function.isEmpty()) {
            // already reported; the tree is discarded because there are errors
            return new Expr.Reference(name.lexeme(), null, name.position());
        }
        Function known = function.get();
        if (arguments.size() < known.minArguments() || arguments.size() > known.maxArguments()) {
            errors.add(new LanguageError(name.position(),
                    known.spelling() + " takes " + arity(known) + ", not " + arguments.size(), known.signature()));
        }
        return new Expr.Call(known, arguments, name.position());
    }

    private static String arity(Function function) {
        if (function.maxArguments() == Integer.MAX_VALUE) {
            return "at least " + function.minArguments() + " arguments";
        }
        if (function.minArguments() == function.maxArguments()) {
            return function.minArguments() + (function.minArguments() == 1 ? " argument" : " arguments");
        }
        return function.minArguments() + " to " + function.maxArguments() + " arguments";
    }

    private Expr tiered(Token name) {
        Expr base = expression();
        consume(TokenType.COMMA, "expected ',' and a schedule after the base of tiered", Function.TIERED.signature());
        Token open = consume(TokenType.LEFT_BRACKET, "expected '[' to open the schedule of tiered",
                "write tiered(base, [500万: 10%, 5%])");
        List<Expr.Tier> tiers = new ArrayList<>();
        Expr aboveRate = null;
        do {
            Expr first = expression();
            if (match(TokenType.COLON)) {
                if (aboveRate != null) {
                    throw error(previous(), "the rate for the rest must be the last entry of the schedule",
                            "write bound: rate pairs first, then the bare rate");
                }
                tiers.add(new Expr.Tier(first, expression()));
            } else if (aboveRate == null) {
                aboveRate = first;
            } else {
                errors.add(new LanguageError(first.position(), "a schedule has at most one bare rate, for the rest",
                        "write bound: rate"));
                throw new ParseError();
            }
        } while (match(TokenType.COMMA));
        consume(TokenType.RIGHT_BRACKET, "expected ']' to close the schedule opened at " + open.position(), "");
        consume(TokenType.RIGHT_PAREN, "expected ')' to close the call of tiered", "");
        if (tiers.isEmpty()) {
            errors.add(new LanguageError(open.position(), "a schedule needs at least one bound: rate pair",
                    "write tiered(base, [500万: 10%, 5%])"));
        }
        return new Expr.Tiered(base, tiers, aboveRate, name.position());
    }

    private Expr setLiteral(Token open) {
        List<Expr> elements = new ArrayList<>();
        if (!check(TokenType.RIGHT_BRACKET)) {
            do {
                elements.add(expression());
            } while (match(TokenType.COMMA));
        }
        consume(TokenType.RIGHT_BRACKET, "expected ']' to close the list opened at " + open.position(), "");
        return new Expr.SetLiteral(elements, open.position());
    }

    private void enter() {
        if (++depth > MAX_DEPTH) {
            depth--;
            throw error(peek(), "the expression is nested too deeply (more than " + MAX_DEPTH + " levels)",
                    "split it into parameters or simpler clauses");
        }
    }

    private boolean match(TokenType... types) {
        for (TokenType type : types) {
            if (check(type)) {
                advance();
                return true;
            }
        }
        return false;
    }

    private Token consume(TokenType type, String message, String suggestion) {
        if (check(type)) {
            return advance();
        }
        throw error(peek(), message + ", found " + describe(peek()), suggestion);
    }

    private boolean check(TokenType type) {
        return peek().type() == type;
    }

    private Token advance() {
        if (!check(TokenType.EOF)) {
            current++;
        }
        return previous();
    }

    private Token peek() {
        return tokens.get(current);
    }

    private Token previous() {
        return tokens.get(Math.max(0, current - 1));
    }

    private ParseError error(Token token, String message, String suggestion) {
        errors.add(new LanguageError(token.position(), message, suggestion));
        return new ParseError();
    }

    private static String describe(Token token) {
        return token.type() == TokenType.EOF ? "the end" : "'" + token.lexeme() + "'";
    }
}
