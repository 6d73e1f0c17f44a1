package dev.lantu.awards;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.json.JsonMapper;

import dev.lantu.registry.SyntheticRegistryAccess;
import dev.lantu.support.PostgresSchema;

/**
 * Crash safety: the real server jar, approvals fired at it from several clients while a large enterprise
 * import is being written, killed with SIGKILL mid-way and started again on the same database. Every
 * approval a client saw acknowledged is there with its amount; a request whose answer was lost, retried
 * with its idempotency key, is either replayed (it had committed) or done now, never twice; the registry
 * holds the whole import or none of it; and the database is consistent: every award's state agrees with
 * its history, the ledger rows with the awards, and no cap or budget is exceeded.
 */
class AwardCrashProcessTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final int ENTERPRISES = 40;

	private static final int CLIENTS = 6;

	/** Rows of the import that is being written when the server is killed. */
	private static final int IMPORT_ROWS = 40_000;

	private static final String IMPORTED_PREFIX = "崩溃导入测试企业";

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	/** The first administrator, created from the environment on the first start (docs/accounts.md). */
	private static final Map<String, String> ADMIN = Map.of("LANTU_ADMIN_USERNAME", "crash-admin", "LANTU_ADMIN_PASSWORD",
			"kill-and-restart-2026");

	/** The administrator's API token, from signing in on the first start; it outlives the restart in the database. */
	private String token;

	@Test
	void shouldKeepEveryAcknowledgedApprovalAndNoHalfImportAcrossAKillOnH2(@TempDir Path directory) throws Exception {
		Path dataset = directory.resolve("dataset");
		LedgerDataset.into(dataset);
		// the server's own default database, ./data/lantu in its working directory, with the default's settings
		String url = "jdbc:h2:file:" + directory.resolve("data").resolve("lantu").toAbsolutePath()
				+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
		List<String> arguments = List.of("--lantu.dataset=" + dataset);
		crashAndRecover(arguments, directory, () -> DriverManager.getConnection(url, "sa", ""));
	}

	@Test
	@EnabledIfEnvironmentVariable(named = "LANTU_TEST_PG_URL", matches = ".+")
	void shouldKeepEveryAcknowledgedApprovalAndNoHalfImportAcrossAKillOnPostgres(@TempDir Path directory) throws Exception {
		Path dataset = directory.resolve("dataset");
		LedgerDataset.into(dataset);
		try (PostgresSchema postgres = new PostgresSchema()) {
			List<String> arguments = List.of("--lantu.dataset=" + dataset, "--spring.datasource.url=" + postgres.url(),
					"--spring.datasource.username=" + postgres.user(), "--spring.datasource.password=" + postgres.password(),
					"--spring.flyway.schemas=" + postgres.schema());
			crashAndRecover(arguments, directory, postgres::connect);
		}
	}

	interface Database {

		Connection connect() throws SQLException;

	}

	/** An approval fired: its award, its key, and what the client saw. */
	private record Approval(long awardId, String key, Long amountFen) {
	}

	private record Acknowledged(Approval approval, long eventId, long approvedFen) {
	}

	private void crashAndRecover(List<String> arguments, Path directory, Database database) throws Exception {
		List<Approval> approvals = new ArrayList<>();
		Queue<Acknowledged> acknowledged = new ConcurrentLinkedQueue<>();
		Queue<Approval> refused = new ConcurrentLinkedQueue<>();
		Queue<Approval> unanswered = new ConcurrentLinkedQueue<>();
		String importId;
		String phaseAtKill;
		Path log = directory.resolve("server.log");
		try (ServerProcess server = ServerProcess.start(arguments, ADMIN, directory, log)) {
			token = signIn(server);
			List<String> enterprises = importEnterprises(server);
			Random random = new Random(7);
			for (String uscc : enterprises) {
				for (String[] clause : new String[][] { { LedgerDataset.A, "base" }, { LedgerDataset.A, "compute" },
						{ LedgerDataset.B, "compute" }, { LedgerDataset.C, "grant" } }) {
					long id = apply(server, uscc, clause[0], clause[1]);
					post(server, "/api/v1/awards/" + id + "/review", "{}", null);
					approvals.add(new Approval(id, UUID.randomUUID().toString(),
							random.nextBoolean() ? null : (1 + random.nextInt(120)) * 1_000_000L));
				}
			}
			importId = startLargeImport(server);
			// the approvals start once the import writes its rows, so the kill finds both in flight
			long writing = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
			while (!List.of("WRITING", "DONE", "FAILED").contains(importPhase(server, importId)) && System.nanoTime() < writing) {
				Thread.sleep(20);
			}
			Queue<Approval> queue = new ConcurrentLinkedQueue<>(approvals);
			AtomicInteger answered = new AtomicInteger();
			ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
			for (int c = 0; c < CLIENTS; c++) {
				clients.submit(() -> {
					Approval approval;
					while ((approval = queue.poll()) != null) {
						try {
							HttpResponse<String> response = approve(server, approval);
							if (response.statusCode() == 200) {
								Map<?, ?> outcome = JSON.readValue(response.body(), Map.class);
								acknowledged.add(new Acknowledged(approval, number(path(outcome, "event", "id")),
										number(path(outcome, "award", "amountFen"))));
							}
							else if (response.statusCode() == 422) {
								refused.add(approval);
							}
							else {
								throw new AssertionError("unexpected answer " + response.statusCode() + ": " + response.body());
							}
							answered.incrementAndGet();
						}
						catch (IOException e) {
							// the server died with the request in flight: its fate is unknown to the client
							unanswered.add(approval);
						}
					}
					return null;
				});
			}
			// kill once a third of the approvals are answered and the import is writing its rows
			long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
			while (answered.get() < approvals.size() / 3 && System.nanoTime() < deadline) {
				Thread.sleep(1);
			}
			phaseAtKill = importPhase(server, importId);
			server.kill();
			clients.shutdown();
			assertThat(clients.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
			unanswered.addAll(queue);
		}
		assertThat(acknowledged).as("some approvals were acknowledged before the kill").isNotEmpty();
		assertThat(acknowledged.size() + refused.size()).as("the kill came mid-way").isLessThan(approvals.size());

		try (ServerProcess restarted = ServerProcess.start(arguments, ADMIN, directory, log)) {
			for (Acknowledged ack : acknowledged) {
				Map<?, ?> detail = JSON.readValue(get(restarted, "/api/v1/awards/" + ack.approval().awardId()).body(), Map.class);
				assertThat(path(detail, "award", "state")).as("award " + ack.approval().awardId()).isEqualTo("APPROVED");
				assertThat(number(path(detail, "award", "amountFen"))).isEqualTo(ack.approvedFen());
				assertThat(((List<?>) detail.get("history")).stream().map(e -> number(((Map<?, ?>) e).get("id"))))
					.contains(ack.eventId());
				// a retry of an acknowledged approval replays it
				HttpResponse<String> retry = approve(restarted, ack.approval());
				assertThat(retry.statusCode()).isEqualTo(200);
				assertThat(retry.body()).contains("\"replayed\":true");
			}
			// what the clients never heard back about is retried with its key: done once, whether or not it committed
			for (Approval approval : unanswered) {
				HttpResponse<String> retry = approve(restarted, approval);
				assertThat(retry.statusCode()).as(retry.body()).isIn(200, 422);
			}
			Map<?, ?> imported = JSON.readValue(get(restarted, "/api/v1/enterprises?q=" + java.net.URLEncoder.encode(
					IMPORTED_PREFIX, StandardCharsets.UTF_8) + "&size=1").body(), Map.class);
			long importedRows = number(imported.get("total"));
			assertThat(importedRows).as("the import " + importId + " is all there or not at all").isIn(0L, (long) IMPORT_ROWS);
			System.out.printf("killed after %d of %d approvals were answered (%d acknowledged, %d refused, %d unanswered);"
					+ " the import of %d rows, %s at the kill, is %s after the restart%n", acknowledged.size() + refused.size(),
					approvals.size(), acknowledged.size(), refused.size(), unanswered.size(), IMPORT_ROWS, phaseAtKill,
					importedRows == 0 ? "absent" : "complete");
			restarted.stop();
		}
		try (Connection connection = database.connect(); Statement sql = connection.createStatement()) {
			checkConsistent(sql, approvals.size());
		}
	}

	/** The database after the crash, recovery and retries: states agree with histories, ledgers with awards, caps hold. */
	private static void checkConsistent(Statement sql, int approvals) throws SQLException {
		assertThat(count(sql, """
				select count(*) from award a where a.version <> (select count(*) from award_event e where e.award_id = a.id)
				    or a.state <> (select e.to_state from award_event e where e.award_id = a.id and e.award_version = a.version)
				    or coalesce(a.amount, -1) <> coalesce((select e.amount from award_event e
				        where e.award_id = a.id and e.award_version = a.version), -1)""")).as("awards that disagree with their history")
			.isZero();
		assertThat(count(sql, "select count(*) from award where state = 'APPROVED' and (amount is null or amount <= 0)"))
			.as("approved without an amount").isZero();
		assertThat(count(sql, "select count(*) from (select award_id from award_event where to_state = 'APPROVED' "
				+ "group by award_id having count(*) > 1) twice")).as("approved twice").isZero();
		assertThat(count(sql, """
				select count(*) from award_policy_ledger l where l.live_amount <> (select coalesce(sum(a.amount), 0) from award a
				    where a.policy_id = l.policy_id and a.state in ('APPROVED', 'DISBURSED'))""")).as("policy ledgers off").isZero();
		assertThat(count(sql, """
				select count(*) from award_enterprise_year l where l.live_amount <> (select coalesce(sum(a.amount), 0) from award a
				    where a.uscc = l.uscc and a.award_year = l.award_year and a.state in ('APPROVED', 'DISBURSED'))"""))
			.as("enterprise-year ledgers off").isZero();
		assertThat(count(sql, "select count(*) from award_request r where not exists (select 1 from award_event e "
				+ "where e.id = r.event_id and e.award_id = r.award_id)")).as("keys without their result").isZero();
		assertThat(count(sql, live("policy_id = 'test-ledger-a'", "uscc, award_year") + " having sum(amount) > 300000000) x"))
			.as("A's cap").isZero();
		assertThat(count(sql, live("policy_id = 'test-ledger-b'", "uscc, award_year") + " having sum(amount) > 250000000) x"))
			.as("B's cap").isZero();
		assertThat(count(sql, live("issuer = '测试局'", "uscc, award_year") + " having sum(amount) > 400000000) x"))
			.as("the issuer's cap").isZero();
		assertThat(count(sql, "select coalesce(sum(amount), 0) from award where policy_id = 'test-ledger-c' "
				+ "and state in ('APPROVED', 'DISBURSED')")).as("C's budget").isLessThanOrEqualTo(500_000_000L);
		assertThat(count(sql, "select count(*) from award where state in ('APPROVED', 'UNDER_REVIEW')"))
			.as("every award is still there").isEqualTo(approvals);
	}

	private static String live(String condition, String groupBy) {
		return "select count(*) from (select " + groupBy + " from award where " + condition
				+ " and state in ('APPROVED', 'DISBURSED') group by " + groupBy;
	}

	private static long count(Statement sql, String query) throws SQLException {
		try (ResultSet rows = sql.executeQuery(query)) {
			rows.next();
			return rows.getLong(1);
		}
	}

	private List<String> importEnterprises(ServerProcess server) throws Exception {
		List<String> usccs = new ArrayList<>();
		StringBuilder csv = new StringBuilder("统一社会信用代码,企业名称,所属区,年度,营业收入（万元）,算力采购（万元）\n");
		Random random = new Random(11);
		for (int i = 0; i < ENTERPRISES; i++) {
			String uscc = SyntheticRegistryAccess.uscc("440106", random);
			usccs.add(uscc);
			csv.append(uscc).append(",崩溃测试企业").append(i).append(",440106,2024,").append(1000 + random.nextInt(2000))
				.append(',').append(50 + random.nextInt(400)).append('\n');
		}
		HttpResponse<String> response = upload(server, "企业.csv", csv.toString(), false);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return usccs;
	}

	/** Starts an import of many enterprises that is still being written when the server is killed. */
	private String startLargeImport(ServerProcess server) throws Exception {
		StringBuilder csv = new StringBuilder("统一社会信用代码,企业名称,所属区,年度,营业收入（万元）\n");
		Random random = new Random(13);
		for (int i = 0; i < IMPORT_ROWS; i++) {
			csv.append(SyntheticRegistryAccess.uscc("440105", random)).append(',').append(IMPORTED_PREFIX).append(i)
				.append(",440105,2024,").append(100 + random.nextInt(9000)).append('\n');
		}
		HttpResponse<String> response = upload(server, "大批量.csv", csv.toString(), true);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
		return String.valueOf(JSON.readValue(response.body(), Map.class).get("id"));
	}

	private String importPhase(ServerProcess server, String id) throws Exception {
		return String.valueOf(JSON.readValue(get(server, "/api/v1/enterprises/imports/" + id).body(), Map.class).get("phase"));
	}

	private HttpResponse<String> upload(ServerProcess server, String name, String csv, boolean async) throws Exception {
		String boundary = "lantu" + UUID.randomUUID();
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name
				+ "\"\r\nContent-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8));
		body.write(csv.getBytes(StandardCharsets.UTF_8));
		body.write(("\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"async\"\r\n\r\n" + async + "\r\n--"
				+ boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return http.send(HttpRequest.newBuilder(server.uri("/api/v1/enterprises/import"))
			.header("Authorization", "Bearer " + token)
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private long apply(ServerProcess server, String uscc, String policy, String clause) throws Exception {
		HttpResponse<String> response = post(server, "/api/v1/awards/applications", "{\"uscc\": \"" + uscc
				+ "\", \"policy\": \"" + policy + "\", \"clause\": \"" + clause + "\", \"year\": 2025}", null);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
		return number(path(JSON.readValue(response.body(), Map.class), "award", "id"));
	}

	private HttpResponse<String> approve(ServerProcess server, Approval approval) throws IOException, InterruptedException {
		String body = approval.amountFen() == null ? "{}" : "{\"amountFen\": " + approval.amountFen() + "}";
		return post(server, "/api/v1/awards/" + approval.awardId() + "/approval", body, approval.key());
	}

	private HttpResponse<String> post(ServerProcess server, String path, String body, String key)
			throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(server.uri(path)).timeout(Duration.ofSeconds(30))
			.header("Content-Type", "application/json")
			.header("Authorization", "Bearer " + token)
			.POST(HttpRequest.BodyPublishers.ofString(body));
		if (key != null) {
			request.header("Idempotency-Key", key);
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> get(ServerProcess server, String path) throws IOException, InterruptedException {
		return http.send(HttpRequest.newBuilder(server.uri(path)).header("Authorization", "Bearer " + token).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	/**
	 * Signs in as the administrator as a browser does (the login form with its CSRF token, double-submitted in the
	 * XSRF-TOKEN cookie), then creates an API token with the session: what the clients use.
	 */
	private String signIn(ServerProcess server) throws Exception {
		HttpResponse<String> form = http.send(HttpRequest.newBuilder(server.uri("/login")).build(),
				HttpResponse.BodyHandlers.ofString());
		java.util.regex.Matcher field = java.util.regex.Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"|value=\"([^\"]+)\"\\s+name=\"_csrf\"")
			.matcher(form.body());
		assertThat(field.find()).as("the login form's CSRF field").isTrue();
		String csrf = field.group(1) != null ? field.group(1) : field.group(2);
		String xsrfCookie = cookie(form, "XSRF-TOKEN");
		String credentials = "username=" + ADMIN.get("LANTU_ADMIN_USERNAME") + "&password="
				+ java.net.URLEncoder.encode(ADMIN.get("LANTU_ADMIN_PASSWORD"), StandardCharsets.UTF_8) + "&_csrf="
				+ java.net.URLEncoder.encode(csrf, StandardCharsets.UTF_8);
		HttpResponse<String> login = http.send(HttpRequest.newBuilder(server.uri("/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Cookie", "XSRF-TOKEN=" + xsrfCookie)
			.POST(HttpRequest.BodyPublishers.ofString(credentials))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(login.statusCode()).as("signing in").isEqualTo(302);
		assertThat(login.headers().firstValue("Location").orElse("")).doesNotContain("error");
		String session = cookie(login, "SESSION");
		HttpResponse<String> issued = http.send(HttpRequest.newBuilder(server.uri("/api/v1/account/tokens"))
			.header("Content-Type", "application/json")
			.header("Cookie", "SESSION=" + session + "; XSRF-TOKEN=" + xsrfCookie)
			.header("X-XSRF-TOKEN", csrf)
			.POST(HttpRequest.BodyPublishers.ofString("{\"name\": \"crash test\", \"scope\": \"WRITE\", \"days\": 1}"))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
		return String.valueOf(JSON.readValue(issued.body(), Map.class).get("secret"));
	}

	private static String cookie(HttpResponse<?> response, String name) {
		return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith(name + "="))
			.map(c -> c.substring(name.length() + 1).split(";", 2)[0]).filter(v -> !v.isEmpty()).findFirst()
			.orElseThrow(() -> new AssertionError("no " + name + " cookie in " + response.headers().allValues("Set-Cookie")));
	}

	private static Object path(Map<?, ?> map, String... keys) {
		Object value = map;
		for (String key : keys) {
			value = ((Map<?, ?>) value).get(key);
		}
		return value;
	}

	private static long number(Object value) {
		return ((Number) value).longValue();
	}

}
