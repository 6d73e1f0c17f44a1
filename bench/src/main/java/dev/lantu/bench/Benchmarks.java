package dev.lantu.bench;

import java.util.Arrays;

/**
 * Lantu's benchmarks. {@code java -jar bench/target/lantu-bench.jar projects [--projects N] [--db h2|postgres]},
 * {@code simulate [--enterprises 100000,1000000] [--db h2|postgres] [--runs 3]}
 * (see docs/benchmarks.md).
 */
public final class Benchmarks {

	private Benchmarks() {
	}

	public static void main(String[] args) throws Exception {
		String[] rest = args.length == 0 ? args : Arrays.copyOfRange(args, 1, args.length);
		if (args.length > 0 && args[0].equals("projects")) {
			ProjectsBenchmark.run(option(rest, "--projects", 100_000), optionText(rest, "--db", "h2"));
		}
		else if (args.length > 0 && args[0].equals("simulate")) {
			SimulateBenchmark.run(Arrays.stream(optionText(rest, "--enterprises", "100000,1000000").split(","))
				.map(size -> Integer.valueOf(size.strip().replace("_", ""))).toList(), optionText(rest, "--db", "h2"),
					option(rest, "--runs", 3));
		}
		else {
			System.err.println("usage: java -jar lantu-bench.jar projects [--projects 100000] [--db h2|postgres]");
			System.err.println("       java -jar lantu-bench.jar simulate [--enterprises 100000,1000000] [--db h2|postgres] [--runs 3]");
			System.exit(2);
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
