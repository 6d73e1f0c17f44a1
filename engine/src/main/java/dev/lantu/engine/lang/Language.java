package dev.lantu.engine.lang;

import java.util.List;

/** The front door of the language: source in, checked expression or positioned errors out. */
public final class Language {

    private Language() {
    }

    /**
     * Whether {@code name} is a word of the language (a keyword, a period such as {@code last_year},
     * or a function), which no variable or parameter may be called.
     */
    public static boolean reserves(String name) {
        return Schema.isReserved(name) || Function.named(name).isPresent();
    }

    /** Lexes, parses and checks {@code source}; any type is accepted. */
    public static Compilation compile(String source, Schema schema, Parameters parameters) {
        return compile(source, schema, parameters, null);
    }

    /**
     * Lexes, parses and checks {@code source}, and requires its type to be {@code expected}: an
     * eligibility is a {@link Type#BOOLEAN}, an award {@link Type#MONEY}. Checking only starts when
     * the source parses, because a broken tree would only produce noise.
     */
    public static Compilation compile(String source, Schema schema, Parameters parameters, Type expected) {
        String text = source == null ? "" : source;
        Parser.Parsed parsed = Parser.parse(text);
        if (!parsed.succeeded()) {
            return new Compilation.Failure(text, parsed.errors());
        }
        TypeChecker.Checked checked = TypeChecker.check(parsed.expr(), schema, parameters);
        if (!checked.errors().isEmpty()) {
            return new Compilation.Failure(text, checked.errors());
        }
        if (expected != null && checked.type() != expected) {
            return new Compilation.Failure(text, List.of(new LanguageError(parsed.expr().position(),
                    "expected " + expected + " here, found " + checked.type(),
                    expected == Type.MONEY && checked.type() == Type.NUMBER
                            ? "multiply by an amount, or write the amount with its unit (元, 万元)"
                            : "")));
        }
        return new Compilation.Success(text, parsed.expr(), checked.type());
    }
}
