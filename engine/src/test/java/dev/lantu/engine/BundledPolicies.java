package dev.lantu.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lantu.engine.lang.Schema;
import dev.lantu.engine.policy.PolicyDocument;
import dev.lantu.engine.policy.PolicyReader;
import dev.lantu.engine.policy.SchemaReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The bundled dataset's {@code policies/} (the pom copies it to the test classpath): its schema and
 * its policies, read as the server reads them, for tests that prove the engine on real encodings.
 */
public final class BundledPolicies {

    public static final String HAIZHU = "haizhu-large-model-2024.yaml";

    private BundledPolicies() {
    }

    public static Path directory() {
        try {
            return Path.of(BundledPolicies.class.getResource("/policies").toURI());
        } catch (URISyntaxException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    public static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }

    public static Schema schema() {
        SchemaReader.Result schema = SchemaReader.read("schema.yaml", read(directory().resolve("schema.yaml")));
        assertThat(schema.errors()).as("schema.yaml").isEmpty();
        return schema.schema();
    }

    /** The policy in {@code file}, such as {@link #HAIZHU}, read against the bundled schema. */
    public static PolicyDocument policy(String file) {
        PolicyReader.Result read = new PolicyReader(schema()).read(file, read(directory().resolve(file)));
        assertThat(read.errors()).as(file).isEmpty();
        return read.document();
    }

    /** Every {@code <policy>.tests.yaml}, in name order. */
    public static List<Path> testFiles() {
        try (Stream<Path> files = Files.list(directory())) {
            return files.filter(f -> f.getFileName().toString().endsWith(".tests.yaml")).sorted().toList();
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }
}
