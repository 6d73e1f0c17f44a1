package dev.lantu.bench;

import java.util.Arrays;

/**
 * Lantu's benchmarks. {@code java -jar bench/target/lantu-bench.jar projects [--projects N] [--db h2|postgres]},
 * {@code classify [--enterprises N] [--db h2|postgres]} (see docs/benchmarks.md).
 */
public final class Benchmarks {

	private Benchmarks() {
	}

	public static void main(String[] args) throws Exception {
		if (args.length == 0 || !(args[0].equals("projects") || args[0].equals("classify"))) {
			System.err.println("usage: java -jar lantu-bench.jar projects [--projects 100000] [--db h2|postgres]");
			System.err.println("       java -jar lantu-bench.jar classify [--enterprises 100000] [--db h2|postgres]");
			System.exit(2);
		}
		String[] rest = Arrays.copyOfRange(args, 1, args.length);
		if (args[0].equals("classify")) {
			ClassifyBenchmark.run(option(rest, "--enterprises", 100_000), optionText(rest, "--db", "h2"));
			return;
		}
		ProjectsBenchmark.run(option(rest, "--projects", 100_000), optionText(rest, "--db", "h2"));
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
