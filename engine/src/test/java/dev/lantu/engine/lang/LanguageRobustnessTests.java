package dev.lantu.engine.lang;

import static dev.lantu.engine.Examples.PARAMETERS;
import static dev.lantu.engine.Examples.SCHEMA;
import static dev.lantu.engine.Properties.forAll;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lantu.engine.Properties;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

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

    private static final String BLANKS = " \t\n\r\f\u000b\u00a0\u2028\u3000";

    @Test
    void arbitraryTextNeverCrashesTheFrontEnd() {
        forAll(1000, LanguageRobustnessTests::anyText, LanguageRobustnessTests::assertLoadsOrFailsWithPositionedErrors);
    }

    @Test
    void textOfTheLanguagesOwnCharactersNeverCrashesIt() {
        forAll(2000, LanguageRobustnessTests::languageLike, LanguageRobustnessTests::assertLoadsOrFailsWithPositionedErrors);
    }

    @Test
    void mutatedValidClausesLoadOrFailWithPositionedErrors() {
        forAll(3000, LanguageRobustnessTests::mutated, LanguageRobustnessTests::assertLoadsOrFailsWithPositionedErrors);
    }

    @Test
    void whatLoadsPrintsBackToSourceThatLoadsTheSameTree() {
        int tries = 1000;
        AtomicInteger loaded = new AtomicInteger();
        forAll(tries, LanguageRobustnessTests::mutated, source -> {
            Compilation compilation = Language.compile(source, SCHEMA, PARAMETERS);
            if (compilation instanceof Compilation.Success success) {
                loaded.incrementAndGet();
                String printed = Printer.print(success.expr());
                Compilation again = Language.compile(printed, SCHEMA, PARAMETERS);
                assertThat(again).as(printed).isInstanceOf(Compilation.Success.class);
                Compilation.Success reloaded = (Compilation.Success) again;
                assertThat(reloaded.type()).isEqualTo(success.type());
                assertThat(ParserTests.withoutPositions(reloaded.expr()))
                        .isEqualTo(ParserTests.withoutPositions(success.expr()));
            }
        });
        // the property says nothing unless a fair share of the mutants still load
        assertThat(100.0 * loaded.get() / tries)
                .as("share of mutants that load (seed %d): %d of %d", Properties.seed(), loaded.get(), tries)
                .isGreaterThan(5);
    }

    /**
     * Any text of up to 256 UTF-16 units, often short: any unit (lone surrogates included),
     * ASCII with its control characters, blanks and line breaks, or characters beyond the BMP.
     */
    static String anyText(SplittableRandom random) {
        int length = random.nextInt(random.nextBoolean() ? 21 : 256);
        StringBuilder text = new StringBuilder();
        while (text.length() < length) {
            switch (random.nextInt(10)) {
                case 0, 1, 2, 3 -> text.append((char) random.nextInt(Character.MAX_VALUE + 1));
                case 4, 5, 6, 7 -> text.append((char) random.nextInt(128));
                case 8 -> text.append(BLANKS.charAt(random.nextInt(BLANKS.length())));
                default -> text.appendCodePoint(random.nextInt(Character.MIN_SUPPLEMENTARY_CODE_POINT,
                        Character.MAX_CODE_POINT + 1));
            }
        }
        return text.toString();
    }

    /** Up to 60 characters of {@link #ALPHABET}. */
    static String languageLike(SplittableRandom random) {
        return alphabetText(random, 0, 60);
    }

    /** A valid clause with up to four slips made in it. */
    static String mutated(SplittableRandom random) {
        String valid = VALID.get(random.nextInt(VALID.size()));
        List<Integer> kinds = new ArrayList<>();
        for (int i = random.nextInt(5); i > 0; i--) {
            kinds.add(random.nextInt(1, 5));
        }
        List<Integer> places = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            places.add(random.nextInt(10_001));
        }
        return mutate(valid, kinds, places, alphabetText(random, 1, 3));
    }

    private static String alphabetText(SplittableRandom random, int shortest, int longest) {
        int length = random.nextInt(shortest, longest + 1);
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return text.toString();
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
