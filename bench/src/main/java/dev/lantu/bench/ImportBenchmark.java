package dev.lantu.bench;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import dev.lantu.LantuApplication;
import dev.lantu.registry.EnterpriseImport;
import dev.lantu.registry.EnterpriseRecord;
import dev.lantu.registry.Figure;
import dev.lantu.registry.Filing;
import dev.lantu.registry.ImportProgress;
import dev.lantu.registry.Qualification;
import dev.lantu.registry.SyntheticRegistry;
import dev.lantu.tables.ImportMode;
import dev.lantu.tables.MoneyUnit;
import dev.lantu.tables.TableFormat;
import dev.lantu.tables.TableSource;
import dev.lantu.tables.TableWriter;

/**
 * The enterprise import against the database's own limit. It generates a registry sheet of N rows with
 * the synthetic generator (seeded; one row per enterprise and year, figures in 万元, qualifications and
 * filings as officials write them), then times, on PostgreSQL:
 * <ul>
 * <li>COPY into the registry's tables: the same data, already in the tables' shape (the enterprises, their
 * figures, qualifications and filings as the import stores them), loaded with {@code COPY … FROM STDIN}
 * into freshly migrated {@code enterprise}, {@code enterprise_figure}, {@code enterprise_qualification} and
 * {@code enterprise_filing} with every key, index and foreign key the migration gives them, in one
 * transaction. This is "a plain COPY of the same data into the same table".</li>
 * <li>COPY of the sheet as it is into one flat table of typed columns, one row per line (no keys): the
 * cheapest load of the file there is, for reference.</li>
 * <li>Lantu's import of the sheet (both passes: every row checked, then written), into an empty registry
 * and again into the registry it filled, in a JVM of its own with a small heap (-Xmx).</li>
 * </ul>
 * and Lantu's import into H2 in file mode, fresh and again. Every Lantu import must store what the COPY
 * stored (counts and sums compared).
 */
final class ImportBenchmark {

	private static final String STAMP = "2026-01-01 00:00:00+08";

	private static final String SOURCE = "bench";

	private ImportBenchmark() {
	}

	static void run(int rows, String db, String heap, long seed, Path directory) throws Exception {
		Files.createDirectories(directory);
		Path sheet = directory.resolve("enterprises-" + rows + ".csv");
		Path shaped = directory.resolve("shaped-" + rows);
		long started = System.nanoTime();
		Path done = shaped.resolve("done");
		if (!Files.exists(done)) {
			generate(rows, seed, sheet, shaped);
			Files.writeString(done, "seed " + seed);
		}
		else if (!Files.readString(done).equals("seed " + seed)) {
			throw new IllegalStateException(directory + " holds a sheet of another seed; give another --dir");
		}
		Shape shape = Shape.of(shaped);
		System.out.printf("sheet %s: %,d rows, %,d enterprises, %,d figures, %,d qualifications, %,d filings, %.0f MB in %.1f s%n%n",
				sheet, rows, shape.enterprises, shape.figures, shape.qualifications, shape.filings, Files.size(sheet) / 1e6,
				(System.nanoTime() - started) / 1e9);
		if (db.equals("none")) {
			return; // the sheet only
		}
		List<String> lines = new ArrayList<>();
		lines.add("| run | wall (s) | rows/s | × COPY into the registry's tables | Lantu's CPU (s) | peak live heap (MB) |");
		lines.add("| --- | ---: | ---: | ---: | ---: | ---: |");
		double copy = Double.NaN;
		if (!db.equals("h2")) {
			String copySchema = schema();
			String lantuSchema = schema();
			try (Connection connection = Postgres.connect(null)) {
				copy = Postgres.copyIntoRegistry(connection, copySchema, shaped);
				lines.add(String.format("| PostgreSQL: COPY of the same data into the registry's tables | %.1f | %,.0f | 1.00 | – | – |",
						copy, rows / copy));
				double flat = Postgres.copyFlat(connection, copySchema, sheet);
				lines.add(String.format("| PostgreSQL: COPY of the sheet as it is into one flat table (reference) | %.1f | %,.0f | %.2f | – | – |",
						flat, rows / flat, flat / copy));
				String expected = Postgres.fingerprint(connection, copySchema);
				Result check = child(heap, sheet, "postgres", lantuSchema, true);
				lines.add(String.format("| Lantu: dry run (the first pass alone: every row read and checked) | %.1f | %,.0f | %.2f | %.1f | %.0f |",
						check.seconds, rows / check.seconds, check.seconds / copy, check.cpuSeconds, check.peakHeapMb));
				for (String pass : List.of("fresh", "again")) {
					Result result = child(heap, sheet, "postgres", lantuSchema, false);
					lines.add(String.format("| PostgreSQL: Lantu import, %s (%s) | %.1f | %,.0f | %.2f | %.1f | %.0f |",
							pass, result.summary, result.seconds, rows / result.seconds, result.seconds / copy, result.cpuSeconds,
							result.peakHeapMb));
					String found = Postgres.fingerprint(connection, lantuSchema);
					if (!found.equals(expected)) {
						throw new IllegalStateException("Lantu stored other data than the COPY:\n COPY:  " + expected + "\n Lantu: " + found);
					}
				}
				Postgres.drop(connection, copySchema);
				Postgres.drop(connection, lantuSchema);
			}
		}
		if (!db.equals("postgres")) {
			Path h2 = Files.createTempDirectory(directory, "h2-");
			String url = "jdbc:h2:file:" + h2.resolve("lantu").toAbsolutePath()
					+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
			for (String pass : List.of("fresh", "again")) {
				Result result = child(heap, sheet, "h2", url, false);
				lines.add(String.format("| H2 (file): Lantu import, %s (%s) | %.1f | %,.0f | %s | %.1f | %.0f |", pass,
						result.summary, result.seconds, rows / result.seconds,
						Double.isNaN(copy) ? "–" : String.format("%.2f", result.seconds / copy), result.cpuSeconds, result.peakHeapMb));
			}
			try (var files = Files.walk(h2)) {
				files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
			}
		}
		System.out.printf("%,d rows, Lantu's imports in a JVM with -Xmx%s%n%n", rows, heap);
		lines.forEach(System.out::println);
	}

	private static String schema() {
		return "lantu_bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
	}

	/** How many of each the sheet holds. */
	private static final class Shape {

		long enterprises;

		long figures;

		long qualifications;

		long filings;

		/** The counts of the shaped files, one line a row. */
		static Shape of(Path shaped) throws IOException {
			Shape shape = new Shape();
			shape.enterprises = lines(shaped.resolve("enterprise.csv"));
			shape.figures = lines(shaped.resolve("enterprise_figure.csv"));
			shape.qualifications = lines(shaped.resolve("enterprise_qualification.csv"));
			shape.filings = lines(shaped.resolve("enterprise_filing.csv"));
			return shape;
		}

		private static long lines(Path file) throws IOException {
			try (var lines = Files.lines(file)) {
				return lines.count();
			}
		}

	}

	/**
	 * Writes the sheet and, beside it, the same data in the tables' shape (one CSV per table, as the import
	 * stores it), from the synthetic generator, a chunk of enterprises at a time; a code the generator gives
	 * twice (rare, across chunks) is skipped so that the sheet has no repeated rows.
	 */
	static void generate(int rows, long seed, Path sheet, Path shaped) throws Exception {
		Files.createDirectories(shaped);
		try (ConfigurableApplicationContext context = context("jdbc:h2:mem:bench-generator;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
				+ "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1", null);
				var out = Files.newOutputStream(sheet);
				Writer enterprises = writer(shaped.resolve("enterprise.csv"));
				Writer figures = writer(shaped.resolve("enterprise_figure.csv"));
				Writer qualifications = writer(shaped.resolve("enterprise_qualification.csv"));
				Writer filings = writer(shaped.resolve("enterprise_filing.csv"))) {
			SyntheticRegistry generator = context.getBean(SyntheticRegistry.class);
			TableWriter.Sheet csv = TableWriter.open(TableFormat.CSV, out, header());
			Set<String> seen = new HashSet<>();
			int written = 0;
			for (long chunk = 0; written < rows; chunk++) {
				String previous = null;
				boolean skipping = false;
				for (EnterpriseRecord r : generator.generate(10_000, seed * 1_000_003 + chunk)) {
					if (written == rows) {
						break;
					}
					boolean first = !r.uscc().equals(previous);
					previous = r.uscc();
					if (first) {
						skipping = !seen.add(r.uscc());
					}
					if (skipping) {
						continue;
					}
					csv.row(cells(r));
					written++;
					if (first) {
												line(enterprises, r.uscc(), r.name(), r.districtCode(), r.industryCode(), text(r.registeredOn()), r.status().name(),
								r.businessScope(), "true", "1", "bench", STAMP, "bench", STAMP);
					}
					for (Map.Entry<Figure, Long> f : r.figures().entrySet()) {
												line(figures, r.uscc(), r.year().toString(), f.getKey().variable(), f.getValue().toString(), SOURCE, "bench", STAMP);
					}
					for (Qualification q : r.qualifications()) {
												line(qualifications, r.uscc(), q.type().label(), text(q.validFrom()), text(q.validUntil()), null, SOURCE, "bench", STAMP);
					}
					for (Filing f : r.filings()) {
												line(filings, r.uscc(), f.type().label(), f.filedOn().toString(), null, SOURCE, "bench", STAMP);
					}
				}
			}
			csv.close();
		}
	}

	private static Writer writer(Path path) throws IOException {
		return new BufferedWriter(Files.newBufferedWriter(path, StandardCharsets.UTF_8), 1 << 16);
	}

	private static String text(Object value) {
		return value == null ? null : value.toString();
	}

	/** A line of PostgreSQL's CSV: null unquoted and empty, text quoted. */
	private static void line(Writer out, String... cells) throws IOException {
		StringBuilder line = new StringBuilder();
		for (int i = 0; i < cells.length; i++) {
			if (i > 0) {
				line.append(',');
			}
			if (cells[i] != null) {
				line.append('"').append(cells[i].replace("\"", "\"\"")).append('"');
			}
		}
		out.write(line.append('\n').toString());
	}

	private static final List<Figure> COLUMNS = List.of(Figure.REVENUE, Figure.INDUSTRIAL_OUTPUT, Figure.RD_EXPENSE, Figure.EMPLOYEES,
			Figure.TAX, Figure.FIXED_ASSET_INVESTMENT, Figure.COMPUTE_PURCHASES);

	private static List<String> header() {
		List<String> header = new ArrayList<>(List.of("统一社会信用代码", "企业名称", "所属区", "行业代码", "成立日期", "登记状态", "资质", "备案", "年度"));
		for (Figure f : COLUMNS) {
			header.add(f.kind() == Figure.Kind.MONEY ? MoneyUnit.WAN.header(f.zh()) : f.zh() + "（人）");
		}
		header.add("合成数据");
		return header;
	}

	private static List<String> cells(EnterpriseRecord r) {
		List<String> cells = new ArrayList<>(List.of(r.uscc(), r.name(), r.districtCode(), r.industryCode(), r.registeredOn().toString(),
				r.status().zh(), String.join("；", r.qualifications().stream().map(q -> q.type().label() + "("
						+ (q.validFrom() == null ? "" : q.validFrom()) + "~" + (q.validUntil() == null ? "" : q.validUntil()) + ")").toList()),
				String.join("；", r.filings().stream().map(f -> f.type().label() + "(" + f.filedOn() + ")").toList()),
				r.year() == null ? "" : r.year().toString()));
		for (Figure f : COLUMNS) {
			Long value = r.figures().get(f);
			cells.add(value == null ? "" : f.kind() == Figure.Kind.MONEY ? MoneyUnit.WAN.format(value) : value.toString());
		}
		cells.add("是");
		return cells;
	}

	static ConfigurableApplicationContext context(String url, String schema) {
		List<String> args = new ArrayList<>(List.of("--spring.datasource.url=" + url, "--lantu.demo.synthetic-projects=0",
				"--lantu.demo.synthetic-enterprises=0", "--logging.level.root=warn", "--spring.main.banner-mode=off"));
		if (schema != null) {
			args.add("--spring.datasource.username=" + Postgres.USER);
			args.add("--spring.datasource.password=" + Postgres.PASSWORD);
			args.add("--spring.flyway.schemas=" + schema);
		}
		return new SpringApplicationBuilder(LantuApplication.class).web(WebApplicationType.NONE).run(args.toArray(String[]::new));
	}

	/** What one Lantu import in a JVM of its own measured. */
	record Result(double seconds, double peakHeapMb, String summary, double cpuSeconds) {
	}

	/** Runs one import in a JVM of its own with the given heap, so its peak heap is its own. */
	private static Result child(String heap, Path sheet, String db, String target, boolean dryRun) throws Exception {
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		// started with java -jar, the class path is the benchmark's jar
		String jar = System.getProperty("java.class.path");
		List<String> command = new ArrayList<>(List.of(java, "-Xmx" + heap));
		String recording = System.getenv("LANTU_BENCH_JFR");
		if (recording != null) {
			command.add("-XX:StartFlightRecording=filename=" + recording + "-" + db + "-" + System.nanoTime() + ".jfr");
		}
		command.addAll(List.of("-jar", jar, "import-run", db, target, sheet.toString(), String.valueOf(dryRun)));
		Process process = new ProcessBuilder(command)
			.redirectError(ProcessBuilder.Redirect.INHERIT)
			.start();
		String result = null;
		try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
			for (String line = out.readLine(); line != null; line = out.readLine()) {
				if (line.startsWith("RESULT ")) {
					result = line.substring(7);
				}
				else {
					System.out.println("  " + line);
				}
			}
		}
		if (process.waitFor() != 0 || result == null) {
			throw new IllegalStateException("the import run failed (exit " + process.exitValue() + ")");
		}
		String[] parts = result.split("\t");
		return new Result(Double.parseDouble(parts[0]), Double.parseDouble(parts[1]), parts[2], Double.parseDouble(parts[3]));
	}

	/**
	 * The child: starts Lantu on the database (migrations and start-up are not timed), imports the sheet
	 * atomically, prints RESULT seconds, peak live heap (MB), what it did and the CPU seconds of the importing thread.
	 */
	static void importRun(String db, String target, Path sheet, boolean dryRun) throws Exception {
		String url = db.equals("postgres") ? Postgres.url(target) : target;
		try (ConfigurableApplicationContext context = context(url, db.equals("postgres") ? target : null)) {
			EnterpriseImport imports = context.getBean(EnterpriseImport.class);
			System.gc();
			LiveHeap live = new LiveHeap();
			long started = System.nanoTime();
			long cpuStarted = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
			EnterpriseImport.Report report = imports.importFile(TableSource.of(sheet), sheet.getFileName().toString(), TableFormat.CSV,
					ImportMode.ATOMIC, dryRun, "bench", new ImportProgress()).report();
			double seconds = (System.nanoTime() - started) / 1e9;
			double cpu = (ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpuStarted) / 1e9;
			long peak = live.peak();
			if (report.problemCount() > 0 || report.refused()) {
				throw new IllegalStateException("the import found problems: " + report.problems().stream().limit(5).toList());
			}
			String summary = dryRun ? "dry run: checked only" : String.format("%,d created, %,d updated, %,d unchanged, %,d figures written", report.created(),
					report.updated(), report.unchanged(), report.figuresWritten());
			System.out.println("RESULT " + seconds + "\t" + peak / 1e6 + "\t" + summary + "\t" + cpu);
		}
	}

	/**
	 * The largest heap that survived a collection during the import: what the import holds, garbage aside
	 * (the peak of used heap says more about the collector than the import, and is capped by -Xmx anyway).
	 */
	static final class LiveHeap {

		private final java.util.concurrent.atomic.AtomicLong peak = new java.util.concurrent.atomic.AtomicLong();

		/** The heap's pools: a collection reports every pool, metaspace and code cache included. */
		private final Set<String> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
			.filter(p -> p.getType() == java.lang.management.MemoryType.HEAP).map(p -> p.getName())
			.collect(java.util.stream.Collectors.toSet());

		LiveHeap() {
			for (var gc : ManagementFactory.getGarbageCollectorMXBeans()) {
				((javax.management.NotificationEmitter) gc).addNotificationListener((notification, handback) -> {
					if (notification.getType().equals(com.sun.management.GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION)) {
						var info = com.sun.management.GarbageCollectionNotificationInfo
							.from((javax.management.openmbean.CompositeData) notification.getUserData());
						long used = info.getGcInfo().getMemoryUsageAfterGc().entrySet().stream()
							.filter(e -> heapPools.contains(e.getKey())).mapToLong(e -> e.getValue().getUsed()).sum();
						peak.accumulateAndGet(used, Math::max);
					}
				}, null, null);
			}
		}

		long peak() {
			System.gc(); // what the import holds at its end counts too
			try {
				Thread.sleep(200); // notifications arrive on their own thread
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
			return peak.get();
		}

	}

	/** The PostgreSQL side: connections, the COPY contestants and the fingerprint that compares what was stored. */
	static final class Postgres {

		static final String URL = System.getenv().getOrDefault("LANTU_BENCH_PG_URL", "jdbc:postgresql://127.0.0.1:5432/lantu_test");

		static final String USER = System.getenv().getOrDefault("LANTU_BENCH_PG_USER", "postgres");

		static final String PASSWORD = System.getenv().getOrDefault("LANTU_BENCH_PG_PASSWORD", "");

		private Postgres() {
		}

		static String url(String schema) {
			return schema == null ? URL : URL + (URL.contains("?") ? "&" : "?") + "currentSchema=" + schema;
		}

		static Connection connect(String schema) throws Exception {
			return DriverManager.getConnection(url(schema), USER, PASSWORD);
		}

		/** Migrates a fresh schema (through Lantu, so the tables are exactly its own), then COPYs the shaped data in one transaction. */
		static double copyIntoRegistry(Connection connection, String schema, Path shaped) throws Exception {
			context(url(schema), schema).close();
			connection.setAutoCommit(false);
			CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
			Map<String, String> tables = new LinkedHashMap<>();
			tables.put("enterprise", "(uscc, name, district_code, industry_code, registered_on, status, business_scope, synthetic, version, "
					+ "created_by, created_at, updated_by, updated_at)");
			tables.put("enterprise_figure", "(uscc, period_year, variable, amount, source, recorded_by, recorded_at)");
			tables.put("enterprise_qualification", "(uscc, qualification, valid_from, valid_until, certificate, source, recorded_by, recorded_at)");
			tables.put("enterprise_filing", "(uscc, filing, filed_on, reference, source, recorded_by, recorded_at)");
			long started = System.nanoTime();
			for (Map.Entry<String, String> table : tables.entrySet()) {
				try (Reader in = Files.newBufferedReader(shaped.resolve(table.getKey() + ".csv"), StandardCharsets.UTF_8)) {
					copy.copyIn("copy " + schema + "." + table.getKey() + " " + table.getValue() + " from stdin (format csv)", in);
				}
			}
			connection.commit();
			double seconds = (System.nanoTime() - started) / 1e9;
			connection.setAutoCommit(true);
			return seconds;
		}

		/** The sheet as it is, header skipped, into one table of typed columns (money as exact numerics), one row per line. */
		static double copyFlat(Connection connection, String schema, Path sheet) throws Exception {
			try (var statement = connection.createStatement()) {
				statement.execute("create table " + schema + ".flat_sheet (uscc varchar(18), name varchar(300), district_code varchar(12), "
						+ "industry_code varchar(4), registered_on date, status varchar(20), qualifications text, filings text, "
						+ "period_year integer, revenue numeric, industrial_output numeric, rd_expense numeric, employees bigint, tax numeric, "
						+ "fixed_asset_investment numeric, compute_purchases numeric, synthetic varchar(4))");
			}
			connection.setAutoCommit(false);
			long started = System.nanoTime();
			try (var in = Files.newInputStream(sheet)) {
				in.skipNBytes(3); // the BOM
				connection.unwrap(PGConnection.class).getCopyAPI()
					.copyIn("copy " + schema + ".flat_sheet from stdin (format csv, header true, encoding 'UTF8')", in);
			}
			connection.commit();
			double seconds = (System.nanoTime() - started) / 1e9;
			connection.setAutoCommit(true);
			return seconds;
		}

		/** What a schema's registry holds, in a line: counts and sums that differ when anything stored differs. */
		static String fingerprint(Connection connection, String schema) throws Exception {
			StringBuilder out = new StringBuilder();
			for (String query : List.of(
					"select count(*), count(distinct district_code), sum(length(name)), sum(hashtext(uscc || name || coalesce(industry_code, '') "
							+ "|| coalesce(registered_on::text, '') || status)::bigint) from %s.enterprise",
					"select count(*), sum(amount), sum(hashtext(uscc || period_year || variable || amount)::bigint) from %s.enterprise_figure",
					"select count(*), sum(hashtext(uscc || qualification || coalesce(valid_from::text, '') || coalesce(valid_until::text, ''))::bigint) "
							+ "from %s.enterprise_qualification",
					"select count(*), sum(hashtext(uscc || filing || filed_on)::bigint) from %s.enterprise_filing")) {
				try (var statement = connection.createStatement(); var rs = statement.executeQuery(String.format(query, schema))) {
					rs.next();
					for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
						out.append(rs.getString(i)).append(' ');
					}
					out.append("| ");
				}
			}
			return out.toString();
		}

		static void drop(Connection connection, String schema) throws Exception {
			try (var statement = connection.createStatement()) {
				statement.execute("drop schema " + schema + " cascade");
			}
		}

	}

}
