package dev.lantu.engine.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lantu.engine.lang.Schema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every policy's test cases in the bundled dataset's {@code policies/} (copied to the test classpath by the pom): for each
 * {@code <policy>.tests.yaml}, the policy {@code <policy>.yaml} beside it, read against
 * {@code schema.yaml}. A policy author adds cases without touching Java.
 */
class PolicyCasesTests {

    static Path directory() {
        try {
            return Path.of(PolicyCasesTests.class.getResource("/policies").toURI());
        } catch (URISyntaxException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }

    static Schema schema() {
        SchemaReader.Result schema = SchemaReader.read("schema.yaml", read(directory().resolve("schema.yaml")));
        assertThat(schema.errors()).as("schema.yaml").isEmpty();
        return schema.schema();
    }

    static PolicyDocument policy(String name) {
        PolicyReader.Result read = new PolicyReader(schema()).read(name, read(directory().resolve(name)));
        assertThat(read.errors()).as(name).isEmpty();
        return read.document();
    }

    static List<Path> testFiles() {
        try (Stream<Path> files = Files.list(directory())) {
            return files.filter(f -> f.getFileName().toString().endsWith(".tests.yaml")).sorted().toList();
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }

    @TestFactory
    Stream<DynamicTest> everyPolicysCasesPass() {
        return testFiles().stream().map(tests -> DynamicTest.dynamicTest(tests.getFileName().toString(), () -> {
            String name = tests.getFileName().toString().replace(".tests.yaml", ".yaml");
            PolicyDocument policy = policy(name);
            PolicyTestRunner.Report report = new PolicyTestRunner(schema())
                    .run(policy, tests.getFileName().toString(), read(tests));
            assertThat(report.errors()).as("problems in the test file").isEmpty();
            assertThat(report.mismatches()).as("cases that fail").isEmpty();
            assertThat(report.cases()).as("cases run").isPositive();
        }));
    }

    @Test
    void thereAreCasesToRun() {
        assertThat(testFiles()).extracting(f -> f.getFileName().toString()).contains("haizhu-large-model-2024.tests.yaml");
    }
}
