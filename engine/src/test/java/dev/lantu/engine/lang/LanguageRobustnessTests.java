package dev.lantu.engine.lang;

import static dev.lantu.engine.Examples.PARAMETERS;
import static dev.lantu.engine.Examples.SCHEMA;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * The front end never crashes: whatever a policy author (or a corrupted file) hands it, the result
 * is either a checked expression or a non-empty list of errors whose positions lie in the input.
 */
class LanguageRobustnessTests {

    private static final List<String> VALID = List.of(
            "revenue[last_year] >= 2000万元 and \"高新技术企业\" in qualifications",
            "min(tiered(rd_expense, [500万: 10%, 2000万: 5%, 3%]), 1500万元)",
            "if listed then clamp(compute_purchases * subsidy_rate, 0元, cap) else 0元",
            "growth(revenue, 2) >= 20% or (employees[year - 2] > 100 and not has(revenue))",
            "district in [\"440106\", \"440112\"] and registered_on < 2025-02-07",
            "abs(revenue - revenue[last_year]) / revenue[last_year] > 0.1 and count(tracks) >= 2");

    /** Characters the language uses, so random text reaches the parser and the checker, not only the lexer. */
    private static final String ALPHABET = "abcdeilnrstuvy_0123456789.%万亿元 +-*/()[],:=<>!\"“”\n#@（";

    @Property(tries = 1000)
    void arbitraryTextNeverCrashesTheFrontEnd(@ForAll String source) {
        assertLoadsOrFailsWithPositionedErrors(source);
    }

    @Property(tries = 2000)
    void textOfTheLanguagesOwnCharactersNeverCrashesIt(@ForAll("languageLike") String source) {
        assertLoadsOrFailsWithPositionedErrors(source);
    }

    @Property(tries = 3000)
    void mutatedValidClausesLoadOrFailWithPositionedErrors(@ForAll("mutated") String source) {
        assertLoadsOrFailsWithPositionedErrors(source);
    }

    @Property(tries = 1000)
    void whatLoadsPrintsBackToSourceThatLoadsTheSameTree(@ForAll("mutated") String source) {
        Compilation compilation = Language.compile(source, SCHEMA, PARAMETERS);
        // the property says nothing unless a fair share of the mutants still load
        Statistics.collect(compilation instanceof Compilation.Success);
        Statistics.coverage(coverage -> coverage.check(true).percentage(p -> p > 5));
        if (compilation instanceof Compilation.Success success) {
            String printed = Printer.print(success.expr());
            Compilation again = Language.compile(printed, SCHEMA, PARAMETERS);
            assertThat(again).as(printed).isInstanceOf(Compilation.Success.class);
            Compilation.Success reloaded = (Compilation.Success) again;
            assertThat(reloaded.type()).isEqualTo(success.type());
            assertThat(ParserTests.withoutPositions(reloaded.expr()))
                    .isEqualTo(ParserTests.withoutPositions(success.expr()));
        }
    }

    @Provide
    Arbitrary<String> languageLike() {
        return Arbitraries.strings().withChars(ALPHABET.toCharArray()).ofMaxLength(60);
    }

    @Provide
    Arbitrary<String> mutated() {
        Arbitrary<String> valid = Arbitraries.of(VALID);
        return Combinators.combine(valid, Arbitraries.integers().between(1, 4).list().ofMaxSize(4),
                        Arbitraries.integers().between(0, 10_000).list().ofSize(8),
                        Arbitraries.strings().withChars(ALPHABET.toCharArray()).ofMinLength(1).ofMaxLength(3))
                .as(LanguageRobustnessTests::mutate);
    }

    /** Deletes, inserts, duplicates or swaps pieces of a valid clause: the slips an author makes. */
    private static String mutate(String source, List<Integer> kinds, List<Integer> places, String insertion) {
        StringBuilder text = new StringBuilder(source);
        int next = 0;
        for (int kind : kinds) {
            int at = places.get(next++ % places.size()) % (text.length() + 1);
            int other = places.get(next++ % places.size()) % (text.length() + 1);
            switch (kind) {
                case 1 -> text.delete(Math.min(at, other), Math.min(Math.max(at, other), Math.min(at, other) + 5));
                case 2 -> text.insert(at, insertion);
                case 3 -> text.insert(at, text.substring(Math.min(at, other), Math.max(at, other)));
                default -> {
                    if (at < text.length() && other < text.length()) {
                        char c = text.charAt(at);
                        text.setCharAt(at, text.charAt(other));
                        text.setCharAt(other, c);
                    }
                }
            }
        }
        return text.toString();
    }

    static void assertLoadsOrFailsWithPositionedErrors(String source) {
        Compilation compilation = Language.compile(source, SCHEMA, PARAMETERS);
        if (compilation instanceof Compilation.Success success) {
            assertThat(success.expr()).isNotNull();
            assertThat(success.type()).isNotNull();
            return;
        }
        assertThat(compilation.errors()).isNotEmpty();
        String[] lines = source.split("\n", -1);
        for (LanguageError error : compilation.errors()) {
            Position position = error.position();
            assertThat(position.line()).as("line of %s", error).isBetween(1, lines.length);
            assertThat(position.column()).as("column of %s", error).isBetween(1, lines[position.line() - 1].length() + 1);
            assertThat(error.message()).isNotBlank();
        }
    }
}
