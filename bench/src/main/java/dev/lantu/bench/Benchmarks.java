package dev.lantu.bench;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import dev.lantu.bench.policies.PoliciesBenchmark;

/**
 * Lantu's benchmarks (see docs/benchmarks.md):
 * <pre>
 * java -jar bench/target/lantu-bench.jar projects [--projects N] [--db h2|postgres]
 * java -jar bench/target/lantu-bench.jar import [--rows N] [--db postgres|h2|both] [--heap 256m] [--seed 42] [--dir DIR]
 * java -jar bench/target/lantu-bench.jar classify [--enterprises N] [--db h2|postgres]
 * java -jar bench/target/lantu-bench.jar simulate [--enterprises 100000,1000000] [--db h2|postgres] [--runs 3]
 * java -jar bench/target/lantu-bench.jar policies --enterprises N --clauses M [--contestants a,b] [--seed S] [--runs R]
 *     [--time-limit-minutes T] [--sweep] [--sweep-enterprises 10000,1000000] [--sweep-clauses 50,500,1000]
 * </pre>
 */
public final class Benchmarks {


	private Benchmarks() {
	}

	private static final String USAGE = """
			usage: java -jar lantu-bench.jar projects [--projects 100000] [--db h2|postgres]
			       java -jar lantu-bench.jar import [--rows 1000000] [--db both|postgres|h2|none] [--heap 256m] [--seed 42] [--dir DIR]
			       java -jar lantu-bench.jar classify [--enterprises 100000] [--db h2|postgres]
			       java -jar lantu-bench.jar simulate [--enterprises 100000,1000000] [--db h2|postgres] [--runs 3]
			       java -jar lantu-bench.jar policies [--enterprises 100000] [--clauses 500] [--contestants %s]
			           [--seed 42] [--runs 3] [--time-limit-minutes 10] [--sweep] [--sweep-enterprises 10000,1000000,10000000]
			           [--sweep-clauses 50,500,1000]""";

	public static void main(String[] args) throws Exception {
		String command = args.length == 0 ? "" : args[0];
		String[] rest = Arrays.copyOfRange(args, Math.min(1, args.length), args.length);
		switch (command) {
			case "projects" -> ProjectsBenchmark.run(option(rest, "--projects", 100_000), optionText(rest, "--db", "h2"));
			case "policies" -> PoliciesBenchmark.run(policyOptions(rest));
			case "classify" -> ClassifyBenchmark.run(option(rest, "--enterprises", 100_000), optionText(rest, "--db", "h2"));
			case "simulate" -> SimulateBenchmark.run(numbers(optionText(rest, "--enterprises", "100000,1000000")),
					optionText(rest, "--db", "h2"), option(rest, "--runs", 3));
			case "import" -> ImportBenchmark.run(option(rest, "--rows", 1_000_000), optionText(rest, "--db", "both"),
					optionText(rest, "--heap", "256m"), option(rest, "--seed", 42),
					Path.of(optionText(rest, "--dir", System.getProperty("java.io.tmpdir") + "/lantu-bench-import")));
			// one import in a JVM of its own, started by the import benchmark: DB TARGET FILE DRY-RUN
			case "import-run" -> ImportBenchmark.importRun(rest[0], rest[1], Path.of(rest[2]), Boolean.parseBoolean(rest[3]));
			default -> {
				System.err.println(USAGE.formatted(String.join(",", PoliciesBenchmark.CONTESTANTS.keySet())));
				System.exit(2);
			}
		}
	}

	static PoliciesBenchmark.Options policyOptions(String[] args) {
		String contestants = optionText(args, "--contestants", String.join(",", PoliciesBenchmark.CONTESTANTS.keySet()));
		return new PoliciesBenchmark.Options(option(args, "--enterprises", 100_000), option(args, "--clauses", 500),
				List.of(contestants.split(",")), Long.parseLong(optionText(args, "--seed", "42")), option(args, "--runs", 3),
				Double.parseDouble(optionText(args, "--time-limit-minutes", "10")), List.of(args).contains("--sweep"),
				numbers(optionText(args, "--sweep-enterprises", "10000,1000000,10000000")),
				numbers(optionText(args, "--sweep-clauses", "50,500,1000")));
	}

	private static List<Integer> numbers(String text) {
		return Arrays.stream(text.split(",")).map(n -> Integer.parseInt(n.trim().replace("_", ""))).toList();
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
