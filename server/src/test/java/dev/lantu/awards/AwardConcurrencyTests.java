package dev.lantu.awards;

import static dev.lantu.awards.LedgerDataset.A;
import static dev.lantu.awards.LedgerDataset.B;
import static dev.lantu.awards.LedgerDataset.C;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.FileSystemUtils;

import dev.lantu.LantuApplication;
import dev.lantu.support.PostgresSchema;

/**
 * Simultaneous approvals, many rounds, on H2 and on PostgreSQL: each round fires {@value #AGAINST_ONE_ENTERPRISE}
 * approvals against one enterprise's caps for a year (two policies with caps per enterprise per year, their
 * issuer's cap, a shared subject) and {@value #AGAINST_THE_BUDGET} against one policy's budget, with retries
 * of some of them under the same idempotency key and clawbacks of the previous round, all released at once.
 * Afterwards no cap and no budget is exceeded, nothing is approved twice, and every request was either
 * approved (and is in the database with that amount) or refused with a reason that still holds.
 */
class AwardConcurrencyTests {

	private static final int ROUNDS = 8;

	private static final int AGAINST_ONE_ENTERPRISE = 24;

	private static final int AGAINST_THE_BUDGET = 12;

	/** Requests retried at the same moment with the same idempotency key. */
	private static final int RETRIED = 6;

	private static final long WAN = 1_000_000L;

	private static final String[][] CLAUSES = { { A, "base" }, { A, "compute" }, { B, "base" }, { B, "compute" } };

	/** The entitlements of the enterprise's profile: revenue 2500万元, compute purchases 400万元. */
	private static final Map<String, Long> ENTITLEMENT = Map.of(A + "/base", 200 * WAN, A + "/compute", 150 * WAN,
			B + "/base", 100 * WAN, B + "/compute", 120 * WAN);

	@Test
	void shouldNeverExceedACapOrTheBudgetOnH2() throws Exception {
		Path dataset = Files.createTempDirectory("lantu-concurrency-");
		try (var context = new SpringApplicationBuilder(LantuApplication.class).web(WebApplicationType.NONE)
			.run(arguments(dataset))) {
			rounds(context);
		}
		finally {
			FileSystemUtils.deleteRecursively(dataset);
		}
	}

	@Test
	@EnabledIfEnvironmentVariable(named = "LANTU_TEST_PG_URL", matches = ".+")
	void shouldNeverExceedACapOrTheBudgetOnPostgres() throws Exception {
		Path dataset = Files.createTempDirectory("lantu-concurrency-");
		try (PostgresSchema postgres = new PostgresSchema(); var context = postgres.start(arguments(dataset))) {
			rounds(context);
		}
		finally {
			FileSystemUtils.deleteRecursively(dataset);
		}
	}

	private static String[] arguments(Path dataset) {
		LedgerDataset.into(dataset);
		// enough connections that the approvals meet in the database, not in the pool
		return new String[] { "--lantu.dataset=" + dataset, "--spring.datasource.hikari.maximum-pool-size=40" };
	}

	/** What one request got: an approval with its amount and history entry, or a refusal with its reason. */
	private record Answer(long awardId, Long requestedFen, Long approvedFen, Long eventId, String refusal) {
	}

	private static void rounds(ConfigurableApplicationContext context) throws Exception {
		AwardLedger ledger = context.getBean(AwardLedger.class);
		JdbcClient jdbc = context.getBean(JdbcClient.class);
		LedgerFixture fixture = new LedgerFixture(context);
		String enterprise = fixture.enterprise(LedgerFixture.TIANHE, null, null);
		List<String> grantees = new ArrayList<>();
		for (int i = 0; i < AGAINST_THE_BUDGET; i++) {
			grantees.add(fixture.enterprise(LedgerFixture.TIANHE, null, null));
		}
		Random random = new Random(20260101);
		List<Long> previousGrants = new ArrayList<>();
		ExecutorService pool = Executors.newFixedThreadPool(AGAINST_ONE_ENTERPRISE + AGAINST_THE_BUDGET + RETRIED + 8);
		try {
			for (int round = 0; round < ROUNDS; round++) {
				int year = 2030 + round;
				List<Long> capped = new ArrayList<>();
				for (int i = 0; i < AGAINST_ONE_ENTERPRISE; i++) {
					String[] clause = CLAUSES[i % CLAUSES.length];
					capped.add(underReview(ledger, enterprise, clause[0], clause[1], year));
				}
				List<Long> grants = new ArrayList<>();
				for (String grantee : grantees) {
					grants.add(underReview(ledger, grantee, C, "grant", year));
				}
				CountDownLatch start = new CountDownLatch(1);
				List<Callable<Answer>> requests = new ArrayList<>();
				for (int i = 0; i < capped.size(); i++) {
					// half ask for the most the rules allow, half for an amount of their own
					Long amount = i % 2 == 0 ? null : (1 + random.nextInt(150)) * WAN;
					requests.add(approval(ledger, start, capped.get(i), amount, "r" + round + "-" + capped.get(i)));
					if (i < RETRIED) {
						requests.add(approval(ledger, start, capped.get(i), amount, "r" + round + "-" + capped.get(i)));
					}
				}
				for (long grant : grants) {
					requests.add(approval(ledger, start, grant, null, "r" + round + "-" + grant));
				}
				List<Callable<Answer>> clawbacks = previousGrants.stream().map(id -> (Callable<Answer>) () -> {
					start.await();
					ledger.clawBack(id, "第" + year + "轮收回", "处长", "claw-" + id);
					return null;
				}).toList();
				List<Callable<Answer>> all = new ArrayList<>(requests);
				all.addAll(clawbacks);
				List<Future<Answer>> futures = new ArrayList<>();
				for (Callable<Answer> request : all) {
					futures.add(pool.submit(request));
				}
				start.countDown();
				List<Answer> answers = new ArrayList<>();
				for (Future<Answer> future : futures) {
					// an exception other than a refusal fails the test here: nothing may be lost
					Answer answer = future.get();
					if (answer != null) {
						answers.add(answer);
					}
				}
				check(ledger, jdbc, enterprise, year, answers);
				previousGrants = answers.stream()
					.filter(a -> a.approvedFen() != null && grants.contains(a.awardId()))
					.map(Answer::awardId).toList();
			}
		}
		finally {
			pool.shutdownNow();
		}
	}

	private static long underReview(AwardLedger ledger, String uscc, String policy, String clause, int year) {
		Map<String, Object> profile = Map.of("facts", Map.of("district", "440106"), "yearly",
				Map.of("revenue", Map.of(String.valueOf(year - 1), "2500万元"), "compute_purchases",
						Map.of(String.valueOf(year - 1), "400万元")));
		long id = ledger.apply(new Application(uscc, policy, clause, year, LocalDate.of(2026, 1, 1), profile), "企业", null)
			.award().id();
		ledger.startReview(id, null, "审核员", null);
		return id;
	}

	private static Callable<Answer> approval(AwardLedger ledger, CountDownLatch start, long id, Long amount, String key) {
		return () -> {
			start.await();
			try {
				AwardOutcome outcome = ledger.approve(id, amount, null, "处长", key);
				return new Answer(id, amount, outcome.award().amountFen(), outcome.event().id(), null);
			}
			catch (ApprovalRefusedException refused) {
				assertThat(refused.getMessage()).as("a refusal says why").contains("cannot be approved");
				return new Answer(id, amount, null, null, refused.getMessage());
			}
		};
	}

	private static void check(AwardLedger ledger, JdbcClient jdbc, String enterprise, int year, List<Answer> answers) {
		Map<Long, List<Answer>> byAward = new HashMap<>();
		answers.forEach(a -> byAward.computeIfAbsent(a.awardId(), id -> new ArrayList<>()).add(a));
		assertThat(byAward).hasSize(AGAINST_ONE_ENTERPRISE + AGAINST_THE_BUDGET);
		for (Map.Entry<Long, List<Answer>> entry : byAward.entrySet()) {
			Award award = ledger.get(entry.getKey());
			List<AwardEvent> approvals = ledger.history(award.id()).stream()
				.filter(e -> e.toState() == AwardState.APPROVED).toList();
			Answer answer = entry.getValue().get(0);
			if (answer.approvedFen() != null) {
				assertThat(approvals).as("approved once, as acknowledged").singleElement()
					.satisfies(e -> assertThat(e.id()).isEqualTo(answer.eventId()));
				assertThat(award.amountFen()).isEqualTo(answer.approvedFen());
				assertThat(award.state()).isEqualTo(AwardState.APPROVED);
				if (answer.requestedFen() != null) {
					assertThat(answer.approvedFen()).isEqualTo(answer.requestedFen());
				}
				// a retry under the same key got the same result, whichever ran first
				entry.getValue().forEach(retry -> assertThat(retry.eventId()).isEqualTo(answer.eventId()));
			}
			else {
				assertThat(approvals).as("a refused approval wrote nothing").isEmpty();
				assertThat(award.state()).isEqualTo(AwardState.UNDER_REVIEW);
				entry.getValue().forEach(retry -> assertThat(retry.approvedFen()).isNull());
				if (!award.policyId().equals(C)) {
					// the caps only filled up during the round, so the reason still holds
					long now = ledger.headroom(award.id()).maxFen();
					assertThat(now).as("refused rightly: " + answer.refusal())
						.isLessThan(answer.requestedFen() == null ? 1 : answer.requestedFen());
				}
			}
		}
		Map<String, Long> byClause = sums(jdbc, "policy_id || '/' || clause_id", enterprise, year);
		byClause.forEach((clause, sum) -> assertThat(sum).as(clause).isLessThanOrEqualTo(ENTITLEMENT.get(clause)));
		Map<String, Long> byPolicy = sums(jdbc, "policy_id", enterprise, year);
		assertThat(byPolicy.getOrDefault(A, 0L)).as("A's cap").isLessThanOrEqualTo(300 * WAN);
		assertThat(byPolicy.getOrDefault(B, 0L)).as("B's cap").isLessThanOrEqualTo(250 * WAN);
		long issuer = byPolicy.getOrDefault(A, 0L) + byPolicy.getOrDefault(B, 0L);
		assertThat(issuer).as("the issuer's cap").isLessThanOrEqualTo(400 * WAN);
		assertThat(sums(jdbc, "subject", enterprise, year).getOrDefault("算力补贴", 0L)).as("就高不重复")
			.isLessThanOrEqualTo(150 * WAN);
		long budgetUsed = jdbc.sql("select coalesce(sum(amount), 0) from award where policy_id = ? and state in "
				+ "('APPROVED', 'DISBURSED')").param(C).query(Long.class).single();
		assertThat(budgetUsed).as("C's budget").isLessThanOrEqualTo(500 * WAN);
		// the ledger rows the locks guard agree with the awards
		assertThat(jdbc.sql("select live_amount from award_policy_ledger where policy_id = ?").param(C).query(Long.class)
			.single()).isEqualTo(budgetUsed);
		assertThat(jdbc.sql("select live_amount from award_enterprise_year where uscc = ? and award_year = ?")
			.params(enterprise, year).query(Long.class).single()).isEqualTo(issuer);
	}

	private static Map<String, Long> sums(JdbcClient jdbc, String key, String uscc, int year) {
		Map<String, Long> sums = new HashMap<>();
		jdbc.sql("select " + key + ", sum(amount) from award where uscc = ? and award_year = ? and state in "
				+ "('APPROVED', 'DISBURSED') group by " + key)
			.params(uscc, year)
			.query(rs -> {
				sums.put(rs.getString(1), rs.getLong(2));
			});
		return sums;
	}

}
