package dev.lantu.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

/**
 * A writable copy of the bundled Guangzhou dataset, for tests that break or change it. Every edit
 * insists that the text it replaces is there, so a test cannot pass because its edit missed.
 */
public final class TestDataset {

	public static final Path BUNDLED = locateBundled();

	private final Path root;

	private TestDataset(Path root) {
		this.root = root;
	}

	private static Path locateBundled() {
		for (Path candidate : new Path[] { Path.of("../datasets/guangzhou"), Path.of("datasets/guangzhou") }) {
			if (Files.isRegularFile(candidate.resolve("dataset.yaml"))) {
				return candidate.toAbsolutePath().normalize();
			}
		}
		throw new IllegalStateException("cannot find datasets/guangzhou from " + Path.of("").toAbsolutePath());
	}

	public static TestDataset copyOfGuangzhou(Path into) {
		try (Stream<Path> files = Files.walk(BUNDLED)) {
			for (Path source : files.toList()) {
				Path target = into.resolve(BUNDLED.relativize(source).toString());
				if (Files.isDirectory(source)) {
					Files.createDirectories(target);
				}
				else {
					Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
				}
			}
			return new TestDataset(into);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	public Path root() {
		return root;
	}

	public String location() {
		return root.toString();
	}

	public String read(String file) {
		try {
			return Files.readString(root.resolve(file), StandardCharsets.UTF_8);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	public TestDataset write(String file, String text) {
		try {
			Files.createDirectories(root.resolve(file).getParent());
			Files.writeString(root.resolve(file), text, StandardCharsets.UTF_8);
			return this;
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** Replaces the first occurrence of {@code from}; fails when it is not there. */
	public TestDataset replace(String file, String from, String to) {
		String text = read(file);
		int at = text.indexOf(from);
		if (at < 0) {
			throw new AssertionError("the test edit expected '" + from + "' in " + file);
		}
		return write(file, text.substring(0, at) + to + text.substring(at + from.length()));
	}

	public TestDataset delete(String file) {
		try {
			Files.delete(root.resolve(file));
			return this;
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

}
