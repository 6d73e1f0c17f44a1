package dev.lantu.bench;

import java.nio.file.Path;
import java.util.Arrays;

/**
 * Lantu's benchmarks (see docs/benchmarks.md):
 * {@code java -jar bench/target/lantu-bench.jar projects [--projects N] [--db h2|postgres]} and
 * {@code java -jar bench/target/lantu-bench.jar import [--rows N] [--db postgres|h2|both] [--heap 256m] [--seed 42] [--dir DIR]}.
 */
public final class Benchmarks {

	private static final String USAGE = """
			usage: java -jar lantu-bench.jar projects [--projects 100000] [--db h2|postgres]
			       java -jar lantu-bench.jar import [--rows 1000000] [--db both|postgres|h2|none] [--heap 256m] [--seed 42] [--dir DIR]""";

	private Benchmarks() {
	}

	public static void main(String[] args) throws Exception {
		String command = args.length == 0 ? "" : args[0];
		String[] rest = Arrays.copyOfRange(args, Math.min(1, args.length), args.length);
		switch (command) {
			case "projects" -> ProjectsBenchmark.run(option(rest, "--projects", 100_000), optionText(rest, "--db", "h2"));
			case "import" -> ImportBenchmark.run(option(rest, "--rows", 1_000_000), optionText(rest, "--db", "both"),
					optionText(rest, "--heap", "256m"), option(rest, "--seed", 42),
					Path.of(optionText(rest, "--dir", System.getProperty("java.io.tmpdir") + "/lantu-bench-import")));
			// one import in a JVM of its own, started by the import benchmark: DB TARGET FILE DRY-RUN DRY-RUN
			case "import-run" -> ImportBenchmark.importRun(rest[0], rest[1], Path.of(rest[2]), Boolean.parseBoolean(rest[3]));
			default -> {
				System.err.println(USAGE);
				System.exit(2);
			}
		}
	}

	static int option(String[] args, String name, int fallback) {
		String text = optionText(args, name, null);
		return text == null ? fallback : Integer.parseInt(text.replace("_", ""));
	}

	static String optionText(String[] args, String name, String fallback) {
		for (int i = 0; i < args.length - 1; i++) {
			if (args[i].equals(name)) {
				return args[i + 1];
			}
		}
		return fallback;
	}

}
