package dev.lantu.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.lantu.LantuApplication;
import dev.lantu.atlas.AtlasService;
import dev.lantu.atlas.Region;
import dev.lantu.registry.ClassificationRuleSet;
import dev.lantu.registry.ClassificationService;
import dev.lantu.registry.Reclassification;

/**
 * Classification of a registry of N enterprises with the Guangzhou rules, as the server runs it: the first
 * classification of every enterprise (the catch-up after an import), then a re-classification by changed rules
 * in its two steps, preview (the difference, stored) and apply. Time and the peak of the heap in use during
 * each step; run it with a fixed -Xmx to see that memory does not grow with N. Enterprises are written straight
 * into the table (the import is not what is measured), with industry codes and names drawn so that most fall in
 * some track and some carry keywords.
 */
final class ClassifyBenchmark {

	private ClassifyBenchmark() {
	}

	static void run(int enterprises, String db) throws Exception {
		String schema = "lantu_bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
		List<String> args = new ArrayList<>(List.of("--lantu.demo.synthetic-projects=0", "--lantu.demo.synthetic-enterprises=0",
				"--lantu.classification.catch-up=0", "--logging.level.root=warn", "--spring.main.banner-mode=off"));
		Path h2 = null;
		if (db.equals("postgres")) {
			String pgUrl = System.getenv().getOrDefault("LANTU_BENCH_PG_URL", "jdbc:postgresql://127.0.0.1:5432/lantu_test");
			args.add("--spring.datasource.url=" + pgUrl + (pgUrl.contains("?") ? "&" : "?") + "reWriteBatchedInserts=true&currentSchema="
					+ schema);
			args.add("--spring.datasource.username=" + System.getenv().getOrDefault("LANTU_BENCH_PG_USER", "postgres"));
			args.add("--spring.datasource.password=" + System.getenv().getOrDefault("LANTU_BENCH_PG_PASSWORD", ""));
			args.add("--spring.flyway.schemas=" + schema);
		}
		else {
			// a file, as the server runs: an in-memory H2 would put the whole registry on the heap being measured
			h2 = Files.createTempDirectory("lantu-bench-h2");
			args.add("--spring.datasource.url=jdbc:h2:file:" + h2.resolve("lantu")
					+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
		}
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(LantuApplication.class)
			.web(WebApplicationType.NONE)
			.run(args.toArray(String[]::new))) {
			DataSource dataSource = context.getBean(DataSource.class);
			JdbcClient jdbc = JdbcClient.create(dataSource);
			ClassificationService classification = context.getBean(ClassificationService.class);
			List<String> districts = context.getBean(AtlasService.class).districts().stream().map(Region::code).toList();
			long started = System.nanoTime();
			try (Connection connection = dataSource.getConnection()) {
				generate(connection, enterprises, districts, new Random(42));
			}
			if (db.equals("postgres")) {
				jdbc.sql("analyze").update();
			}
			System.out.printf("%s: generated %,d enterprises in %.1f s; max heap %d MiB%n%n", db, enterprises,
					(System.nanoTime() - started) / 1e9, Runtime.getRuntime().maxMemory() >> 20);
			System.out.println("| step | enterprises | time (s) | enterprises/s | peak heap used (MiB) |");
			System.out.println("| --- | ---: | ---: | ---: | ---: |");
			measure("first classification (catch-up)", enterprises, classification::classifyStale);
			long tracks = jdbc.sql("select count(*) from enterprise_track").query(Long.class).single();
			String rules = classification.ruleText(classification.applied().orElseThrow().id());
			// a typical revision: industrial robots move to embodied intelligence as well, software loses 6550
			String changed = rules.replace("{code: C3491, tracks: [gz.cluster.equipment]", "{code: C3491, tracks: [gz.cluster.equipment, gz.future.embodied]")
				.replace("{code: I6550, tracks: [gz.cluster.software, gz.cluster.ai]", "{code: I6550, tracks: [gz.cluster.ai]");
			if (changed.equals(rules)) {
				throw new IllegalStateException("the revision of the rules did not apply");
			}
			ClassificationRuleSet proposed = classification.propose(changed, "bench");
			Reclassification[] preview = new Reclassification[1];
			measure("re-classification: preview", enterprises, () -> {
				preview[0] = classification.preview(proposed.id());
				return preview[0].changed();
			});
			measure("re-classification: apply", enterprises, () -> classification.apply(proposed.id(), "bench").changed());
			System.out.printf("%n%,d track assignments; the revision moves %,d enterprises%n", tracks, preview[0].changed());
			if (db.equals("postgres")) {
				jdbc.sql("drop schema " + schema + " cascade").update();
			}
		}
		finally {
			if (h2 != null) {
				org.springframework.util.FileSystemUtils.deleteRecursively(h2);
			}
		}
	}

	/** Runs the step once (a pass over millions is its own warm-up), sampling the heap in use every 20 ms. */
	private static void measure(String step, int enterprises, Supplier<Long> work) throws InterruptedException {
		MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
		System.gc();
		AtomicLong peak = new AtomicLong(memory.getHeapMemoryUsage().getUsed());
		Thread sampler = new Thread(() -> {
			while (!Thread.currentThread().isInterrupted()) {
				peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
				try {
					Thread.sleep(20);
				}
				catch (InterruptedException e) {
					return;
				}
			}
		});
		sampler.setDaemon(true);
		sampler.start();
		long start = System.nanoTime();
		long result = work.get();
		double seconds = (System.nanoTime() - start) / 1e9;
		sampler.interrupt();
		sampler.join();
		System.out.printf("| %s | %,d | %.1f | %,.0f | %d |%n", step, enterprises, seconds, enterprises / seconds, peak.get() >> 20);
		if (result < 0) {
			throw new IllegalStateException(step + " failed");
		}
	}

	/** Industry classes drawn from (most in some track, some in none) and names that sometimes carry keywords. */
	private static final String[] INDUSTRIES = { "3612", "3670", "3611", "3974", "2720", "2761", "3581", "2651", "6513", "6511",
			"6550", "6520", "3491", "3441", "3973", "3841", "3825", "3741", "3963", "2832", "1819", "2682", "3711", "3731",
			"3022", "6621", "7320", "7340", "7520", "5211", "7211", "4710", "5821", "1491", "8810" };

	private static final String[] NAME_WORDS = { "智能", "科技", "人工智能", "储能", "芯片", "贸易", "实业", "机器人", "量子", "咨询" };

	private static void generate(Connection connection, int count, List<String> districts, Random random) throws Exception {
		connection.setAutoCommit(false);
		Timestamp now = Timestamp.valueOf(LocalDateTime.now());
		try (PreparedStatement insert = connection.prepareStatement("""
				insert into enterprise (uscc, name, district_code, industry_code, status, synthetic, version, created_by,
				    created_at, updated_by, updated_at) values (?, ?, ?, ?, 'OPERATING', true, 1, 'bench', ?, 'bench', ?)""")) {
			for (int i = 0; i < count; i++) {
				String district = districts.get(random.nextInt(districts.size()));
				// unique, not check-digit valid: classification does not read the code's parts
				String uscc = "91" + district + String.format("%010d", i);
				insert.setString(1, uscc);
				insert.setString(2, "（合成）" + NAME_WORDS[random.nextInt(NAME_WORDS.length)] + "有限公司" + i);
				insert.setString(3, district);
				insert.setString(4, INDUSTRIES[random.nextInt(INDUSTRIES.length)]);
				insert.setTimestamp(5, now);
				insert.setTimestamp(6, now);
				insert.addBatch();
				if (i % 5_000 == 4_999) {
					insert.executeBatch();
					connection.commit();
				}
			}
			insert.executeBatch();
			connection.commit();
		}
	}

}
