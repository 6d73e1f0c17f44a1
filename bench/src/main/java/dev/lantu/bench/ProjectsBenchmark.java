package dev.lantu.bench;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.lantu.LantuApplication;
import dev.lantu.atlas.AtlasService;
import dev.lantu.atlas.Region;
import dev.lantu.projects.ProjectFilter;
import dev.lantu.projects.ProjectService;
import dev.lantu.projects.Stage;

/**
 * The pipeline board's queries and the city view's aggregates, as Lantu runs them, against the same
 * questions answered by SQL written by hand for the same database, over a generated pipeline of N
 * projects with about ten stage entries each (corrections included). Both must give the same answers.
 */
final class ProjectsBenchmark {

	private static final int WARMUP = 3;

	private static final int RUNS = 10;

	private ProjectsBenchmark() {
	}

	static void run(int projects, String db) throws Exception {
		String schema = "lantu_bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
		List<String> args = new ArrayList<>(List.of("--lantu.demo.synthetic-projects=0", "--logging.level.root=warn",
				"--spring.main.banner-mode=off"));
		String pgUrl = System.getenv().getOrDefault("LANTU_BENCH_PG_URL", "jdbc:postgresql://127.0.0.1:5432/lantu_test");
		String pgUser = System.getenv().getOrDefault("LANTU_BENCH_PG_USER", "postgres");
		if (db.equals("postgres")) {
			args.add("--spring.datasource.url=" + pgUrl + (pgUrl.contains("?") ? "&" : "?") + "currentSchema=" + schema);
			args.add("--spring.datasource.username=" + pgUser);
			args.add("--spring.datasource.password=" + System.getenv().getOrDefault("LANTU_BENCH_PG_PASSWORD", ""));
			args.add("--spring.flyway.schemas=" + schema);
		}
		else {
			// without reused results: H2 would otherwise answer a repeated query from its cache
			args.add("--spring.datasource.url=jdbc:h2:mem:" + schema
					+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1;OPTIMIZE_REUSE_RESULTS=FALSE");
		}
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(LantuApplication.class)
			.web(WebApplicationType.NONE)
			.run(args.toArray(String[]::new))) {
			DataSource dataSource = context.getBean(DataSource.class);
			JdbcClient jdbc = JdbcClient.create(dataSource);
			ProjectService service = context.getBean(ProjectService.class);
			List<String> districts = context.getBean(AtlasService.class).districts().stream().map(Region::code).toList();
			List<String> tracks = context.getBean(AtlasService.class).citySystem(null).allTracks().stream()
				.map(t -> t.id()).toList();
			long started = System.nanoTime();
			long events;
			try (Connection connection = dataSource.getConnection()) {
				events = generate(connection, projects, districts, tracks, new Random(42));
			}
			if (db.equals("postgres")) {
				jdbc.sql("analyze").update();
			}
			System.out.printf("%s: generated %,d projects and %,d stage entries in %.1f s%n%n", db, projects, events,
					(System.nanoTime() - started) / 1e9);

			String district = "440112";
			int year = LocalDate.now().getYear() - 1;
			ProjectFilter one = new ProjectFilter(district, null, null, null, null, null);
			HandWritten hand = new HandWritten(jdbc);
			System.out.println("| query | Lantu (ms, median of " + RUNS + ") | hand-written SQL (ms) | Lantu / hand |");
			System.out.println("| --- | ---: | ---: | ---: |");
			measure("board of one district: funnel and stalled projects",
					() -> board(service.board(one)), () -> hand.funnel(district) + hand.stalled(district));
			measure("board of the city: funnel and stalled projects",
					() -> board(service.board(ProjectFilter.all())), () -> hand.funnel(null) + hand.stalled(null));
			measure("city view: projects and investment by district",
					() -> service.byDistrict(ProjectFilter.all()).toString(), hand::byDistrict);
			measure("city view: investment by track and year",
					() -> service.investmentBy("track", ProjectFilter.all()).toString(), hand::investmentByTrack);
			measure("city view: signings by district and year",
					() -> service.signings(ProjectFilter.all()).toString(), hand::signings);
			measure("city view: track shares of one district's signings in " + year,
					() -> service.trackShares(one, year).toString(), () -> hand.trackShares(district, year));
			if (db.equals("postgres")) {
				jdbc.sql("drop schema " + schema + " cascade").update();
			}
		}
	}

	private static String board(dev.lantu.projects.PipelineBoard board) {
		return board.funnel().toString() + board.stalled().stream().map(s -> s.id()).sorted().toList();
	}

	/** Times both after a warm-up, alternating them, insists that they answer the same, prints the row. */
	private static void measure(String name, Supplier<String> lantu, Supplier<String> hand) {
		String a = lantu.get();
		String b = hand.get();
		if (!a.equals(b)) {
			throw new IllegalStateException(name + ": the answers differ\n Lantu: " + abbreviate(a) + "\n hand:  " + abbreviate(b));
		}
		for (int i = 0; i < WARMUP; i++) {
			lantu.get();
			hand.get();
		}
		double[] lantuTimes = new double[RUNS];
		double[] handTimes = new double[RUNS];
		for (int i = 0; i < RUNS; i++) {
			lantuTimes[i] = time(lantu);
			handTimes[i] = time(hand);
		}
		double lantuMs = median(lantuTimes);
		double handMs = median(handTimes);
		System.out.printf("| %s | %.1f | %.1f | %.2f |%n", name, lantuMs, handMs, lantuMs / handMs);
	}

	private static String abbreviate(String text) {
		return text.length() > 400 ? text.substring(0, 400) + "…" : text;
	}

	private static double time(Supplier<String> query) {
		long start = System.nanoTime();
		query.get();
		return (System.nanoTime() - start) / 1e6;
	}

	private static double median(double[] values) {
		double[] sorted = values.clone();
		Arrays.sort(sorted);
		return (sorted[sorted.length / 2] + sorted[(sorted.length - 1) / 2]) / 2;
	}

	/**
	 * Writes the pipeline straight into the tables (the service's checks are not what is measured):
	 * each project walks some stages, and about a third of its moves are first entered wrongly and
	 * corrected, so the history holds about ten entries a project.
	 */
	private static long generate(Connection connection, int projects, List<String> districts, List<String> tracks,
			Random random) throws Exception {
		connection.setAutoCommit(false);
		LocalDate today = LocalDate.now();
		Timestamp now = Timestamp.valueOf(today.atStartOfDay());
		Stage[] pipeline = Stage.pipeline().toArray(Stage[]::new);
		long eventId = 0;
		try (PreparedStatement project = connection.prepareStatement("""
				insert into project (id, name, investor_name, district_code, planned_investment, synthetic, stage, stage_since,
				    version, created_by, created_at, updated_by, updated_at)
				values (?, ?, ?, ?, ?, true, ?, ?, 1, 'bench', ?, 'bench', ?)""");
				PreparedStatement track = connection.prepareStatement("insert into project_track (project_id, track_id) values (?, ?)");
				PreparedStatement event = connection.prepareStatement("""
						insert into project_event (id, project_id, kind, from_stage, to_stage, event_date, corrects_event, recorded_by,
						    recorded_at) values (?, ?, ?, ?, ?, ?, ?, 'bench', ?)""");
				PreparedStatement investment = connection.prepareStatement(
						"insert into project_investment (project_id, period_year, amount, recorded_by, recorded_at) values (?, ?, ?, 'bench', ?)")) {
			for (int id = 1; id <= projects; id++) {
				LocalDate date = today.minusDays(30 + random.nextInt(2500));
				int reached = 1 + random.nextInt(pipeline.length - 1);
				List<Object[]> entries = new ArrayList<>();
				entries.add(new Object[] { ++eventId, "TRANSITION", null, Stage.SIGNED.name(), date, null });
				Stage at = Stage.SIGNED;
				LocalDate constructionYear = null;
				for (int s = 2; s <= reached && s < pipeline.length; s++) {
					LocalDate next = date.plusDays(10 + random.nextInt(200));
					if (next.isAfter(today)) {
						break;
					}
					date = next;
					for (int mistakes = random.nextInt(4); mistakes > 0; mistakes--) {
						Stage wrong = pipeline[pipeline.length - 1];
						long mistaken = ++eventId;
						entries.add(new Object[] { mistaken, "TRANSITION", at.name(), wrong.name(), date, null });
						entries.add(new Object[] { ++eventId, "CORRECTION", wrong.name(), at.name(), date, mistaken });
					}
					entries.add(new Object[] { ++eventId, "TRANSITION", at.name(), pipeline[s].name(), date, null });
					at = pipeline[s];
					if (at == Stage.CONSTRUCTION_STARTED) {
						constructionYear = date;
					}
				}
				long planned = (long) Math.exp(Math.log(3e10) + random.nextGaussian());
				project.setLong(1, id);
				project.setString(2, "bench project " + id);
				project.setString(3, "bench investor " + (id % 5000));
				project.setString(4, districts.get(random.nextInt(districts.size())));
				project.setLong(5, planned);
				project.setString(6, at.name());
				project.setDate(7, Date.valueOf(date));
				project.setTimestamp(8, now);
				project.setTimestamp(9, now);
				project.addBatch();
				String first = tracks.get(random.nextInt(tracks.size()));
				track.setLong(1, id);
				track.setString(2, first);
				track.addBatch();
				String second = tracks.get(random.nextInt(tracks.size()));
				if (random.nextBoolean() && !second.equals(first)) {
					track.setLong(1, id);
					track.setString(2, second);
					track.addBatch();
				}
				for (Object[] e : entries) {
					event.setLong(1, (Long) e[0]);
					event.setLong(2, id);
					event.setString(3, (String) e[1]);
					event.setString(4, (String) e[2]);
					event.setString(5, (String) e[3]);
					event.setDate(6, Date.valueOf((LocalDate) e[4]));
					if (e[5] == null) {
						event.setNull(7, java.sql.Types.BIGINT);
					}
					else {
						event.setLong(7, (Long) e[5]);
					}
					event.setTimestamp(8, now);
					event.addBatch();
				}
				if (constructionYear != null) {
					for (int y = constructionYear.getYear(); y <= today.getYear(); y++) {
						investment.setLong(1, id);
						investment.setInt(2, y);
						investment.setLong(3, planned / 4);
						investment.setTimestamp(4, now);
						investment.addBatch();
					}
				}
				if (id % 2000 == 0 || id == projects) {
					project.executeBatch();
					track.executeBatch();
					event.executeBatch();
					investment.executeBatch();
					connection.commit();
				}
			}
		}
		connection.setAutoCommit(true);
		return eventId;
	}

	/** The same questions, answered by SQL written by hand for this schema. */
	record HandWritten(JdbcClient jdbc) {

		String funnel(String district) {
			String where = district == null ? "" : " where district_code = '" + district + "'";
			var found = jdbc.sql("select stage, count(*), coalesce(sum(planned_investment), 0) from project" + where
					+ " group by stage").query().listOfRows();
			List<String> funnel = new ArrayList<>();
			for (Stage stage : Stage.values()) {
				var row = found.stream().filter(r -> stage.name().equals(r.get("stage"))).findFirst();
				funnel.add("StageTotal[stage=" + stage + ", projects=" + row.map(r -> ((Number) r.values().toArray()[1]).longValue()).orElse(0L)
						+ ", plannedInvestmentFen=" + row.map(r -> ((Number) r.values().toArray()[2]).longValue()).orElse(0L) + "]");
			}
			return funnel.toString();
		}

		String stalled(String district) {
			StringBuilder limit = new StringBuilder("case stage");
			for (Stage stage : Stage.values()) {
				if (!stage.closed()) {
					limit.append(" when '").append(stage.name()).append("' then date '")
						.append(LocalDate.now().minusDays(stage.stalledAfterDays())).append("'");
				}
			}
			limit.append(" end");
			String where = district == null ? "" : "district_code = '" + district + "' and ";
			List<Long> ids = jdbc.sql("select id from project where " + where + "stage not in ('AT_CAPACITY', 'TERMINATED')"
					+ " and stage_since < " + limit + " order by stage_since, id fetch first 200 rows only")
				.query(Long.class)
				.list();
			return ids.stream().sorted().toList().toString();
		}

		String byDistrict() {
			var rows = jdbc.sql("""
					select p.district_code, count(*), coalesce(sum(p.planned_investment), 0), coalesce(sum(i.total), 0),
					       sum(case when p.synthetic then 1 else 0 end)
					from project p left join (select project_id, sum(amount) as total from project_investment group by project_id) i
					  on i.project_id = p.id
					group by p.district_code""").query((rs, n) -> new Object[] { rs.getString(1), rs.getLong(2), rs.getLong(3),
					rs.getLong(4), rs.getLong(5) }).list();
			// every district, as the service lists them
			return rows.toString().isEmpty() ? "" : districtsInOrder(rows);
		}

		private String districtsInOrder(List<Object[]> rows) {
			List<String> codes = jdbc.sql("select code from atlas_region where level = 'DISTRICT' order by code").query(String.class).list();
			List<String> out = new ArrayList<>();
			for (String code : codes) {
				Object[] row = rows.stream().filter(r -> r[0].equals(code)).findFirst().orElse(new Object[] { code, 0L, 0L, 0L, 0L });
				out.add("DistrictTotal[districtCode=" + row[0] + ", projects=" + row[1] + ", plannedInvestmentFen=" + row[2]
						+ ", investedFen=" + row[3] + ", synthetic=" + row[4] + "]");
			}
			return out.toString();
		}

		String investmentByTrack() {
			return jdbc.sql("""
					select t.track_id, i.period_year, sum(i.amount), count(distinct i.project_id)
					from project_investment i join project_track t on t.project_id = i.project_id
					group by t.track_id, i.period_year order by 1, 2""")
				.query((rs, n) -> "InvestmentTotal[group=" + rs.getString(1) + ", year=" + rs.getInt(2) + ", amountFen="
						+ rs.getLong(3) + ", projects=" + rs.getLong(4) + "]")
				.list()
				.toString();
		}

		/** The first effective entry at 签约 or beyond, per project, found once with a join. */
		private static final String SIGNED = """
				select e.project_id, min(e.event_date) as signed from project_event e
				left join project_event c on c.corrects_event = e.id
				where e.kind = 'TRANSITION' and e.to_stage not in ('NEGOTIATING', 'TERMINATED') and c.id is null
				group by e.project_id""";

		String signings() {
			return jdbc.sql("select p.district_code, extract(year from s.signed) as y, count(*), coalesce(sum(p.planned_investment), 0)"
					+ " from project p join (" + SIGNED + ") s on s.project_id = p.id"
					+ " group by p.district_code, extract(year from s.signed) order by 1, 2")
				.query((rs, n) -> "InvestmentTotal[group=" + rs.getString(1) + ", year=" + rs.getInt(2) + ", amountFen="
						+ rs.getLong(4) + ", projects=" + rs.getLong(3) + "]")
				.list()
				.toString();
		}

		String trackShares(String district, int year) {
			String signedThatYear = "select p.id from project p join (" + SIGNED + ") s on s.project_id = p.id"
					+ " where p.district_code = ? and extract(year from s.signed) = ?";
			long of = jdbc.sql("select count(*) from (" + signedThatYear + ") x").params(district, year).query(Long.class).single();
			return jdbc.sql("select t.track_id, count(*) from project_track t join (" + signedThatYear + ") x on x.id = t.project_id"
					+ " group by t.track_id order by 2 desc, 1")
				.params(district, year)
				.query((rs, n) -> "TrackShare[trackId=" + rs.getString(1) + ", projects=" + rs.getLong(2) + ", of=" + of + "]")
				.list()
				.toString();
		}

	}

}
