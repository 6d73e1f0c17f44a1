package dev.lantu.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.lantu.LantuApplication;
import dev.lantu.policy.BudgetSimulation;
import dev.lantu.policy.EvaluationPath;
import dev.lantu.policy.PolicyOverrides;
import dev.lantu.policy.SimulationReport;
import dev.lantu.registry.EnterpriseRecord;
import dev.lantu.registry.RegistryFacts;
import dev.lantu.registry.SyntheticRegistry;

/**
 * Budget simulation of the Guangzhou policies over a synthetic registry of N enterprises held in the database
 * (PostgreSQL, or H2 in file mode as a new installation runs it), by both paths: the batch path (the registry
 * streamed into columns slice by slice, evaluated in the JVM) and the SQL path (the profile table filled by the
 * database, the compiled SQL run there). Each simulation reads the whole registry. Both paths must give the same
 * costs; then each is timed (median of the runs after one warm-up) with the most heap it used above what the
 * application held before it.
 */
final class SimulateBenchmark {

	private static final List<String> POLICIES = List.of("tianhe-ai-2025", "haizhu-large-model-2024");

	/** Enterprises generated and written per transaction. */
	private static final int GENERATED = 50_000;

	private SimulateBenchmark() {
	}

	static void run(List<Integer> sizes, String db, int runs) throws Exception {
		System.out.printf("simulate: %s, sizes %s, %d runs after a warm-up, %d cores, max heap %,d MB, Java %s%n%n", db, sizes,
				runs, Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20,
				System.getProperty("java.version"));
		List<String> rows = new ArrayList<>();
		for (int size : sizes) {
			rows.addAll(measure(size, db, runs));
		}
		System.out.println();
		System.out.println("| database | enterprises | path | simulation of both policies (s, median) | enterprises/s | peak heap above idle (MB) |");
		System.out.println("| --- | ---: | --- | ---: | ---: | ---: |");
		rows.forEach(System.out::println);
	}

	private static List<String> measure(int size, String db, int runs) throws Exception {
		String schema = "lantu_bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
		List<String> args = new ArrayList<>(List.of("--lantu.demo.synthetic-projects=0", "--lantu.demo.synthetic-enterprises=0",
				"--logging.level.root=warn", "--spring.main.banner-mode=off"));
		String pgUrl = System.getenv().getOrDefault("LANTU_BENCH_PG_URL", "jdbc:postgresql://127.0.0.1:5432/lantu_test");
		java.nio.file.Path h2 = null;
		if (db.equals("postgres")) {
			args.add("--spring.datasource.url=" + pgUrl + (pgUrl.contains("?") ? "&" : "?") + "currentSchema=" + schema
					+ "&reWriteBatchedInserts=true");
			args.add("--spring.datasource.username=" + System.getenv().getOrDefault("LANTU_BENCH_PG_USER", "postgres"));
			args.add("--spring.datasource.password=" + System.getenv().getOrDefault("LANTU_BENCH_PG_PASSWORD", ""));
			args.add("--spring.flyway.schemas=" + schema);
		}
		else {
			h2 = java.nio.file.Files.createTempDirectory("lantu-bench-h2");
			args.add("--spring.datasource.url=jdbc:h2:file:" + h2.resolve("lantu")
					+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
		}
		List<String> rows = new ArrayList<>();
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(LantuApplication.class)
			.web(WebApplicationType.NONE).run(args.toArray(String[]::new))) {
			DataSource dataSource = context.getBean(DataSource.class);
			JdbcClient jdbc = JdbcClient.create(dataSource);
			long started = System.nanoTime();
			generate(context, dataSource, size);
			if (db.equals("postgres")) {
				jdbc.sql("analyze").update();
			}
			long enterprises = context.getBean(RegistryFacts.class).count();
			System.out.printf("%s: %,d enterprises (%,d figures, %,d qualifications, %,d filings) written in %.0f s%n", db,
					enterprises, count(jdbc, "enterprise_figure"), count(jdbc, "enterprise_qualification"),
					count(jdbc, "enterprise_filing"), (System.nanoTime() - started) / 1e9);
			BudgetSimulation simulation = context.getBean(BudgetSimulation.class);
			LocalDate date = LocalDate.now();
			Map<EvaluationPath, String> answers = new LinkedHashMap<>();
			for (EvaluationPath path : EvaluationPath.values()) {
				Supplier<String> both = () -> {
					StringBuilder costs = new StringBuilder();
					for (String policy : POLICIES) {
						SimulationReport report = simulation.simulate(policy,
								new BudgetSimulation.Request(date.getYear(), date, path, PolicyOverrides.NONE));
						costs.append(policy).append(' ').append(report.baseline()).append('\n');
					}
					return costs.toString();
				};
				answers.put(path, both.get());
				double[] seconds = new double[runs];
				long[] heap = new long[runs];
				for (int i = 0; i < runs; i++) {
					System.gc();
					Heap sampler = Heap.start();
					long start = System.nanoTime();
					both.get();
					seconds[i] = (System.nanoTime() - start) / 1e9;
					heap[i] = sampler.stop();
				}
				double median = median(seconds);
				long peak = Arrays.stream(heap).max().orElse(0);
				System.out.printf("  %s path: %s s; peak heap above idle %,d MB%n", path.name().toLowerCase(),
						Arrays.toString(Arrays.stream(seconds).map(s -> Math.round(s * 100) / 100.0).toArray()), peak >> 20);
				rows.add(String.format("| %s | %,d | %s | %.2f | %,.0f | %,d |", db.equals("postgres") ? "PostgreSQL" : "H2 (file)",
						enterprises, path.name().toLowerCase(), median, enterprises * POLICIES.size() / median, peak >> 20));
			}
			if (!answers.get(EvaluationPath.BATCH).equals(answers.get(EvaluationPath.SQL))) {
				throw new IllegalStateException("the paths disagree:\n batch: " + answers.get(EvaluationPath.BATCH) + "\n sql:   "
						+ answers.get(EvaluationPath.SQL));
			}
			System.out.println("  both paths give the same costs: " + answers.get(EvaluationPath.BATCH).lines()
				.map(line -> line.replaceAll("byDistrict=.*", "…")).toList());
			if (db.equals("postgres")) {
				jdbc.sql("drop schema " + schema + " cascade").update();
			}
		}
		finally {
			if (h2 != null) {
				try (var files = java.nio.file.Files.walk(h2)) {
					files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
				}
			}
		}
		return rows;
	}

	private static long count(JdbcClient jdbc, String table) {
		return jdbc.sql("select count(*) from " + table).query(Long.class).single();
	}

	/**
	 * The demo's synthetic registry ({@link SyntheticRegistry#generate}), {@value #GENERATED} enterprises at a time
	 * with a seed each, inserted straight into the registry's tables in JDBC batches: the writer's checks and
	 * history are the import's business, not what is measured here. A USCC drawn twice is skipped.
	 */
	private static void generate(ConfigurableApplicationContext context, DataSource dataSource, int size) throws Exception {
		SyntheticRegistry synthetic = context.getBean(SyntheticRegistry.class);
		java.util.Set<String> seen = new java.util.HashSet<>();
		java.sql.Timestamp now = java.sql.Timestamp.from(java.time.Instant.now());
		try (java.sql.Connection connection = dataSource.getConnection()) {
			connection.setAutoCommit(false);
			try (java.sql.PreparedStatement enterprise = connection.prepareStatement("insert into enterprise (uscc, name, "
					+ "district_code, industry_code, registered_on, status, synthetic, version, created_by, created_at, updated_by, "
					+ "updated_at) values (?, ?, ?, ?, ?, 'OPERATING', true, 1, 'bench', ?, 'bench', ?)");
					java.sql.PreparedStatement figure = connection.prepareStatement("insert into enterprise_figure (uscc, "
							+ "period_year, variable, amount, recorded_by, recorded_at) values (?, ?, ?, ?, 'bench', ?)");
					java.sql.PreparedStatement qualification = connection.prepareStatement("insert into enterprise_qualification "
							+ "(uscc, qualification, valid_from, valid_until, recorded_by, recorded_at) values (?, ?, ?, ?, 'bench', ?)");
					java.sql.PreparedStatement filing = connection.prepareStatement("insert into enterprise_filing (uscc, filing, "
							+ "filed_on, recorded_by, recorded_at) values (?, ?, ?, 'bench', ?)")) {
				for (int part = 0; seen.size() < size; part++) {
					int count = (int) Math.min(GENERATED, size - seen.size());
					String last = null;
					for (EnterpriseRecord r : synthetic.generate(count, 20250401L + part)) {
						if (!r.uscc().equals(last)) {
							last = r.uscc();
							if (!seen.add(r.uscc()) || seen.size() > size) {
								last = null;
								continue;
							}
							enterprise.setString(1, r.uscc());
							enterprise.setString(2, r.name());
							enterprise.setString(3, r.districtCode());
							enterprise.setString(4, r.industryCode());
							enterprise.setObject(5, r.registeredOn());
							enterprise.setTimestamp(6, now);
							enterprise.setTimestamp(7, now);
							enterprise.addBatch();
						}
						else if (last == null) {
							continue;
						}
						for (Map.Entry<dev.lantu.registry.Figure, Long> f : r.figures().entrySet()) {
							figure.setString(1, r.uscc());
							figure.setInt(2, r.year());
							figure.setString(3, f.getKey().variable());
							figure.setLong(4, f.getValue());
							figure.setTimestamp(5, now);
							figure.addBatch();
						}
						for (dev.lantu.registry.Qualification q : r.qualifications()) {
							qualification.setString(1, r.uscc());
							qualification.setString(2, q.type().label());
							qualification.setObject(3, q.validFrom());
							qualification.setObject(4, q.validUntil());
							qualification.setTimestamp(5, now);
							qualification.addBatch();
						}
						for (dev.lantu.registry.Filing f : r.filings()) {
							filing.setString(1, r.uscc());
							filing.setString(2, f.type().label());
							filing.setObject(3, f.filedOn());
							filing.setTimestamp(4, now);
							filing.addBatch();
						}
					}
					enterprise.executeBatch();
					figure.executeBatch();
					qualification.executeBatch();
					filing.executeBatch();
					connection.commit();
					System.out.printf("\r  generated %,d of %,d", Math.min(seen.size(), size), size);
				}
			}
		}
		System.out.println();
	}

	/** The most heap used while it runs, above what was used when it started, sampled every 20 ms. */
	private static final class Heap {

		private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();

		private final long idle = memory.getHeapMemoryUsage().getUsed();

		private final AtomicLong peak = new AtomicLong();

		private final AtomicBoolean running = new AtomicBoolean(true);

		private Thread thread;

		static Heap start() {
			Heap heap = new Heap();
			heap.thread = new Thread(() -> {
				while (heap.running.get()) {
					heap.peak.accumulateAndGet(heap.memory.getHeapMemoryUsage().getUsed(), Math::max);
					try {
						Thread.sleep(20);
					}
					catch (InterruptedException e) {
						return;
					}
				}
			}, "heap-sampler");
			heap.thread.setDaemon(true);
			heap.thread.start();
			return heap;
		}

		long stop() throws InterruptedException {
			running.set(false);
			thread.join();
			return Math.max(0, peak.get() - idle);
		}

	}

	private static double median(double[] values) {
		double[] sorted = values.clone();
		Arrays.sort(sorted);
		return (sorted[sorted.length / 2] + sorted[(sorted.length - 1) / 2]) / 2;
	}

}
