package dev.lantu.engine.policy;

import static dev.lantu.engine.Examples.SCHEMA;
import static dev.lantu.engine.Properties.forAll;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lantu.engine.BundledPolicies;
import dev.lantu.engine.Properties;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Reading never throws: whatever text it is given (a corrupted file, a half-edited policy), the
 * reader gives a document or a non-empty list of errors, each positioned inside the text.
 */
class PolicyReaderRobustnessTests {

    private static final String HAIZHU = BundledPolicies.read(BundledPolicies.directory()
            .resolve("haizhu-large-model-2024.yaml"));
    private static final String HAIZHU_CASES = BundledPolicies.read(BundledPolicies.directory()
            .resolve("haizhu-large-model-2024.tests.yaml"));
    private static final PolicyDocument HAIZHU_POLICY = PolicyCasesTests.policy("haizhu-large-model-2024.yaml");
    private static final List<String> VALID = List.of(PolicyReaderTests.VALID, HAIZHU);

    /** What YAML and the clause language give meaning to, so mutants reach every stage of reading. */
    private static final String ALPHABET = " \n\t:-[]{}|>'\"#&*!%@,?.0123456789abcdeilnrstuy_万元亿%()<>=年“";

    @Test
    void arbitraryTextGivesADocumentOrPositionedErrors() {
        forAll(1000, PolicyReaderRobustnessTests::anyText, PolicyReaderRobustnessTests::assertReadsOrFailsInside);
    }

    @Test
    void mutatedPoliciesGiveADocumentOrPositionedErrors() {
        int tries = 2000;
        AtomicInteger pastYaml = new AtomicInteger();
        forAll(tries, random -> mutate(VALID.get(random.nextInt(VALID.size())), random), text -> {
            if (assertReadsOrFailsInside(text)) {
                pastYaml.incrementAndGet();
            }
        });
        // the property says little unless many mutants get past the YAML parser to the reader's own checks
        assertThat(pastYaml.get()).as("mutants that are still YAML (seed %d)", Properties.seed()).isGreaterThan(tries / 5);
    }

    @Test
    void mutatedTestCasesRunOrGivePositionedErrors() {
        PolicyTestRunner runner = new PolicyTestRunner(PolicyCasesTests.schema());
        forAll(1000, random -> mutate(HAIZHU_CASES, random), text -> {
            PolicyTestRunner.Report report = runner.run(HAIZHU_POLICY, "cases.yaml", text);
            assertInside(text, report.errors());
        });
    }

    /**
     * True when the text is still YAML (it loaded, or its errors are the reader's own); fails when
     * reading throws or an error lies outside the text.
     */
    private static boolean assertReadsOrFailsInside(String text) {
        PolicyReader.Result result = new PolicyReader(SCHEMA).read("fuzz.yaml", text);
        if (result.succeeded()) {
            assertThat(result.document()).isNotNull();
            return true;
        }
        assertThat(result.document()).isNull();
        assertInside(text, result.errors());
        return result.errors().stream().noneMatch(error -> error.message().startsWith("not valid YAML"));
    }

    private static void assertInside(String text, List<PolicyError> errors) {
        String[] lines = text.split("\n", -1);
        for (PolicyError error : errors) {
            assertThat(error.position().line()).as(error.toString()).isLessThanOrEqualTo(lines.length);
            assertThat(error.position().column()).as(error.toString())
                    .isLessThanOrEqualTo(lines[error.position().line() - 1].length() + 1);
            assertThat(error.message()).as(error.toString()).isNotBlank();
            assertThat(error.file()).isNotEmpty();
        }
    }

    /** One to four edits: insert, delete, duplicate or swap lines, re-indent, truncate. */
    static String mutate(String valid, SplittableRandom random) {
        String text = valid;
        int edits = 1 + random.nextInt(4);
        for (int i = 0; i < edits && !text.isEmpty(); i++) {
            int at = random.nextInt(text.length());
            switch (random.nextInt(7)) {
                case 0 -> text = text.substring(0, at) + ALPHABET.charAt(random.nextInt(ALPHABET.length())) + text.substring(at);
                case 1 -> text = text.substring(0, at) + text.substring(Math.min(text.length(), at + 1 + random.nextInt(8)));
                case 2 -> text = text.substring(0, at) + ALPHABET.charAt(random.nextInt(ALPHABET.length()))
                        + text.substring(at + 1);
                case 3 -> text = text.substring(0, at);
                default -> text = editLines(text, random);
            }
        }
        return text;
    }

    private static String editLines(String text, SplittableRandom random) {
        List<String> lines = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
        int a = random.nextInt(lines.size());
        int b = random.nextInt(lines.size());
        switch (random.nextInt(3)) {
            case 0 -> lines.add(b, lines.get(a));
            case 1 -> {
                String line = lines.get(a);
                lines.set(a, lines.get(b));
                lines.set(b, line);
            }
            default -> lines.set(a, random.nextBoolean() ? "  " + lines.get(a) : lines.get(a).stripLeading());
        }
        return String.join("\n", lines);
    }

    /** Any text, often short: any UTF-16 unit (lone surrogates too), ASCII controls, or the alphabet. */
    static String anyText(SplittableRandom random) {
        int length = random.nextInt(random.nextBoolean() ? 16 : 300);
        StringBuilder text = new StringBuilder();
        while (text.length() < length) {
            switch (random.nextInt(4)) {
                case 0 -> text.append((char) random.nextInt(Character.MAX_VALUE + 1));
                case 1 -> text.append((char) random.nextInt(128));
                case 2 -> text.appendCodePoint(0x10000 + random.nextInt(0x10000));
                default -> text.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
        }
        return text.toString();
    }
}
