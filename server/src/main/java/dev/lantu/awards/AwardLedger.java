package dev.lantu.awards;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.json.JsonMapper;

import dev.lantu.accounts.Access;
import dev.lantu.accounts.AuditLog;
import dev.lantu.accounts.Caller;
import dev.lantu.accounts.Role;
import dev.lantu.awards.store.AwardRepository;
import dev.lantu.awards.store.AwardRepository.LiveSums;
import dev.lantu.awards.store.AwardRepository.NewAward;
import dev.lantu.awards.store.AwardRepository.StoredRequest;
import dev.lantu.awards.store.AwardRepository.Visibility;
import dev.lantu.engine.policy.Delivery;
import dev.lantu.engine.policy.IssuerCap;
import dev.lantu.engine.policy.PolicyDocument;
import dev.lantu.policy.PolicyCatalogue;
import dev.lantu.policy.PolicyNotFoundException;
import dev.lantu.policy.PolicySummary;
import dev.lantu.policy.PolicyQuery;

/**
 * The award ledger (资金兑现台账): applications, proactive awards (免申即享), review, approval, disbursement,
 * rejection and clawback, each a state with its history (who, when, why).
 *
 * <p>Every change takes the acting person explicitly ({@code actor}: the signed-in caller's username, which the
 * controllers pass) and is audited in its own transaction with the award before and after. Every change may
 * carry an idempotency key: a retried request with the same key gets the first result and changes nothing; the
 * same key with a different request is refused.
 *
 * <p>Who may do what (docs/accounts.md): an award is seen by the administrators, the policy officer of its
 * issuer, the officer of its enterprise's district and the enterprise itself; to anyone else it does not exist
 * (404), and lists and totals hold only the awards the caller sees. Applications come from the enterprise, its
 * district's officer or an administrator; proactive awards, review, approval, rejection, disbursement and
 * clawback from the issuer's policy officer or an administrator.
 *
 * <p>Approvals respect every rule that binds (see {@link Limit.Kind} and docs/awards.md). They are checked
 * in the database transaction that writes the approval, holding row locks on the award, on the
 * enterprise's row for the year and on the policy's ledger row, so that simultaneous approvals on any
 * number of server nodes sharing one database are checked one after another and none is lost.
 */
@Service
public class AwardLedger {

	public static final int MAX_PAGE_SIZE = 500;

	/** How often a transaction that lost a lock wait (timeout or deadlock) is tried again before giving up. */
	private static final int ATTEMPTS = 20;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final AwardRepository awards;

	private final Entitlements entitlements;

	private final PolicyCatalogue policies;

	private final TransactionTemplate transactions;

	private final AuditLog audit;

	private final Clock clock = Clock.systemDefaultZone();

	AwardLedger(AwardRepository awards, Entitlements entitlements, PolicyCatalogue policies,
			PlatformTransactionManager transactionManager, AuditLog audit) {
		this.awards = awards;
		this.entitlements = entitlements;
		this.policies = policies;
		this.transactions = new TransactionTemplate(transactionManager);
		this.audit = audit;
	}

	private OffsetDateTime now() {
		// microseconds: what both databases keep, so an award reads back as it was written
		return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
	}

	/** An enterprise applies for a clause paid on application: the award starts {@link AwardState#APPLIED}. */
	public AwardOutcome apply(Application application, String actor, String idempotencyKey) {
		requireMayApply(application.uscc());
		return create("APPLY", application, Delivery.ON_APPLICATION, AwardState.APPLIED, actor, idempotencyKey);
	}

	/**
	 * A policy officer proposes an award for a clause paid without application (免申即享), from a match:
	 * nobody applied, so it starts {@link AwardState#UNDER_REVIEW}.
	 */
	public AwardOutcome propose(Application application, String actor, String idempotencyKey) {
		requireMayPropose(application.policyId());
		return create("PROPOSE", application, Delivery.WITHOUT_APPLICATION, AwardState.UNDER_REVIEW, actor,
				idempotencyKey);
	}

	/** Starts the review of an application. */
	public AwardOutcome startReview(long id, String note, String actor, String idempotencyKey) {
		requireMayDecide(id, "review");
		return change(id, "REVIEW", AwardState.UNDER_REVIEW, null, note, actor, idempotencyKey);
	}

	/**
	 * Approves an award under review, for {@code amountFen} or, when {@code null}, for the most every rule
	 * allows (its entitlement, less what the caps, the exclusive subject and the budget leave).
	 *
	 * @throws ApprovalRefusedException  when the amount exceeds what the rules leave, or they leave nothing
	 * @throws TransitionRefusedException when the award is not under review
	 */
	public AwardOutcome approve(long id, Long amountFen, String reason, String actor, String idempotencyKey) {
		requireMayDecide(id, "approve");
		if (amountFen != null && amountFen <= 0) {
			throw new AwardInputException(AwardProblem.of("amountFen", amountFen, "amount.positive",
					"an approved amount is more than 0 fen; to pay nothing, reject the award"));
		}
		return change(id, "APPROVE", AwardState.APPROVED, amountFen, reason, actor, idempotencyKey);
	}

	/** Rejects an application or a proposed award, with the reason. */
	public AwardOutcome reject(long id, String reason, String actor, String idempotencyKey) {
		requireMayDecide(id, "reject");
		requireReason(reason);
		return change(id, "REJECT", AwardState.REJECTED, null, reason, actor, idempotencyKey);
	}

	/** Records that an approved award was paid out, with the payment's reference. */
	public AwardOutcome disburse(long id, String reference, String actor, String idempotencyKey) {
		requireMayDecide(id, "disburse");
		return change(id, "DISBURSE", AwardState.DISBURSED, null, reference, actor, idempotencyKey);
	}

	/**
	 * Claws back an approved or disbursed award (a project that never reached production, say), with the
	 * reason: its amount no longer counts against the caps and the budget.
	 */
	public AwardOutcome clawBack(long id, String reason, String actor, String idempotencyKey) {
		requireMayDecide(id, "claw back");
		requireReason(reason);
		return change(id, "CLAW_BACK", AwardState.CLAWED_BACK, null, reason, actor, idempotencyKey);
	}

	/** The award, if the caller may see it; one they may not see is not found, exactly as a missing id. */
	public Award get(long id) {
		Caller caller = Access.caller();
		Access.require(caller.isSignedIn() || caller.isAdministrator(), "read awards");
		Award award = find(id);
		if (!maySee(caller, award)) {
			throw new AwardNotFoundException(id);
		}
		return award;
	}

	/** Whether the caller may move the award on (review, approve, reject, disburse, claw back). */
	public boolean mayDecide(Award award) {
		return Access.caller().actsForIssuer(award.issuer());
	}

	private Award find(long id) {
		return awards.find(id).orElseThrow(() -> new AwardNotFoundException(id));
	}

	/** The administrators, the policy officer of its issuer, its district's officer, the enterprise itself. */
	private static boolean maySee(Caller caller, Award award) {
		return caller.actsForIssuer(award.issuer()) || caller.mayReadEnterprise(award.uscc(), award.districtCode());
	}

	/**
	 * Refuses a decision on the award (review, approve, reject, disburse, claw back): 404 to whom it is invisible,
	 * 403 to whom it is visible but not theirs to decide. The changes check it themselves; the API checks it before
	 * it reads a request's body, so that who may not decide learns nothing from the body's checks.
	 */
	public void requireMayDecide(long id, String what) {
		Award award = get(id);
		Access.require(mayDecide(award), what + " award " + id + " of " + award.issuer());
	}

	/** The enterprise for itself, a district officer for an enterprise of their district, an administrator. */
	private void requireMayApply(String uscc) {
		Caller caller = Access.caller();
		if (caller.isAdministrator()) {
			return;
		}
		Access.require(caller.is(Role.ENTERPRISE_USER) || caller.is(Role.DISTRICT_OFFICER), "apply for awards");
		if (caller.is(Role.ENTERPRISE_USER)) {
			Access.require(uscc != null && caller.isEnterprise(uscc.strip()), "apply for enterprise " + uscc);
			return;
		}
		String district = uscc == null || uscc.isBlank() ? null : entitlements.districtOf(uscc.strip()).orElse(null);
		Access.require(district != null && caller.managesDistrict(district), "apply for enterprise " + uscc);
	}

	/** The policy officer of the policy's issuer, an administrator. */
	private void requireMayPropose(String policyId) {
		Caller caller = Access.caller();
		if (caller.isAdministrator()) {
			return;
		}
		Access.require(caller.is(Role.POLICY_OFFICER), "propose awards");
		String issuer = policyId == null || policyId.isBlank() ? null
				: policy(policyId.strip()).map(PolicyDocument::issuer).orElse(null);
		Access.require(issuer != null && caller.actsForIssuer(issuer), "propose awards of policy " + policyId);
	}

	/** The award's history, oldest first. */
	public List<AwardEvent> history(long id) {
		get(id);
		return awards.events(id);
	}

	/** What an approval of the award could be for now, rule by rule; without locks, so only a reading. */
	public Headroom headroom(long id) {
		Award award = get(id);
		return headroom(award, awards.liveSums(award), awards.policyLive(award.policyId()));
	}

	/** Which awards the caller sees, for the lists' and totals' SQL; an anonymous visitor is asked to sign in. */
	private static Visibility visibility() {
		Caller caller = Access.caller();
		Access.require(caller.isSignedIn() || caller.isAdministrator(), "read awards");
		if (caller.isAdministrator()) {
			return Visibility.ALL;
		}
		if (caller.is(Role.POLICY_OFFICER)) {
			return Visibility.issuer(caller.issuer());
		}
		if (caller.is(Role.DISTRICT_OFFICER)) {
			return Visibility.district(caller.district());
		}
		if (caller.is(Role.ENTERPRISE_USER)) {
			return Visibility.uscc(caller.uscc().toUpperCase(java.util.Locale.ROOT));
		}
		return Visibility.NONE;
	}

	/** A page of the awards the caller sees (see the class comment), filtered further by {@code filter}. */
	public AwardPage search(AwardFilter filter, int page, int size) {
		Visibility visible = visibility();
		if (page < 0) {
			throw new AwardInputException(AwardProblem.of("page", page, "page", "pages count from 0"));
		}
		if (size < 1 || size > MAX_PAGE_SIZE) {
			throw new AwardInputException(AwardProblem.of("size", size, "size", "a page holds 1 to " + MAX_PAGE_SIZE
					+ " awards"));
		}
		return new AwardPage(awards.search(filter, visible, size, page * size), awards.count(filter, visible), page, size);
	}

	/**
	 * Per policy: the amounts of the listed awards the caller sees, and the whole policy's live amount against its
	 * budget: that only to whom acts for the policy's issuer; anyone else sees the budget and what is used of it by
	 * the awards they see.
	 */
	public List<PolicyTotal> totals(AwardFilter filter) {
		Visibility visible = visibility();
		Caller caller = Access.caller();
		Map<String, PolicySummary> summaries = policies.search(PolicyQuery.all()).stream()
			.collect(Collectors.toMap(PolicySummary::id, s -> s, (a, b) -> a));
		List<PolicyTotal> totals = new ArrayList<>();
		for (AwardRepository.PolicySums sums : awards.sumsByPolicy(filter, visible)) {
			PolicySummary summary = summaries.get(sums.policyId());
			Optional<PolicyDocument> document = policy(sums.policyId());
			Long budget = document.map(PolicyDocument::budget).orElse(null);
			boolean wholePolicy = document.map(d -> caller.actsForIssuer(d.issuer())).orElse(caller.isAdministrator());
			long used = wholePolicy ? awards.policyLive(sums.policyId()) : sums.liveFen();
			totals.add(new PolicyTotal(sums.policyId(), summary == null ? sums.policyId() : summary.titleZh(),
					summary == null ? sums.policyId() : summary.titleEn(), sums.awards(), sums.pending(), sums.liveFen(),
					sums.disbursedFen(), sums.clawedBackFen(), budget, used));
		}
		return totals;
	}

	private Optional<PolicyDocument> policy(String id) {
		try {
			return Optional.of(policies.policy(id).document());
		}
		catch (PolicyNotFoundException e) {
			return Optional.empty();
		}
	}

	private AwardOutcome create(String operation, Application application, Delivery delivery, AwardState first,
			String actor, String key) {
		String who = requireActor(actor);
		requireKey(key);
		String fingerprint = fingerprint(operation, application.uscc(), application.policyId(), application.clauseId(),
				String.valueOf(application.year()), String.valueOf(application.date()),
				application.profile() == null ? "registry" : JSON.writeValueAsString(Entitlements.sorted(application.profile())),
				// the project only when named, so applications without one keep the fingerprints they had
				application.projectId() == null ? who : "project " + application.projectId() + " " + who);
		if (key != null) {
			Optional<AwardOutcome> replay = replay(key, operation, fingerprint);
			if (replay.isPresent()) {
				return replay.get();
			}
		}
		Entitlements.Entitled entitled = entitlements.compute(application, delivery, LocalDate.now(clock));
		NewAward award = new NewAward(entitled.enterprise().uscc(), entitled.enterprise().name(),
				entitled.enterprise().districtCode(), entitled.policy().id(), entitled.policy().version(),
				entitled.clause().clause().id(), entitled.clause().clause().title(), entitled.policy().document().issuer(),
				entitled.clause().clause().subject(), entitled.year(), entitled.date(), delivery, entitled.entitlementFen(),
				entitled.basis(), JSON.writeValueAsString(entitled.profile()), entitled.projectId());
		try {
			return transactions.execute(status -> {
				OffsetDateTime now = now();
				long id = awards.insert(award, first, who, now);
				long eventId = awards.insertEvent(id, 1, null, first, null, null, who, now);
				if (key != null) {
					awards.insertRequest(key, operation, fingerprint, id, eventId, now);
				}
				AwardOutcome outcome = outcome(id, eventId, false);
				audit.record(action(operation), "award", String.valueOf(id), award.districtCode(), null, outcome.award());
				return outcome;
			});
		}
		catch (DuplicateKeyException e) {
			// the same key, committed by a concurrent request meanwhile
			return replay(key, operation, fingerprint).orElseThrow(() -> e);
		}
	}

	private AwardOutcome change(long id, String operation, AwardState to, Long amountFen, String reason, String actor,
			String key) {
		String who = requireActor(actor);
		requireKey(key);
		String note = reason == null || reason.isBlank() ? null : reason.strip();
		if (note != null && note.length() > 2000) {
			throw new AwardInputException(AwardProblem.of("reason", null, "reason.long", "a reason has at most 2000 characters"));
		}
		String fingerprint = fingerprint(operation, String.valueOf(id), amountFen == null ? "most" : amountFen.toString(),
				String.valueOf(note), who);
		boolean moneyMoves = to == AwardState.APPROVED || to == AwardState.CLAWED_BACK;
		if (moneyMoves) {
			ensureLedgerRows(find(id));
		}
		return retryingLockFailures(() -> {
			try {
				return transactions.execute(status -> {
					Award award = awards.lock(id).orElseThrow(() -> new AwardNotFoundException(id));
					if (key != null) {
						// checked under the award's lock: a retry racing its first request waits, then replays it
						Optional<AwardOutcome> replay = replay(key, operation, fingerprint);
						if (replay.isPresent()) {
							return replay.get();
						}
					}
					if (!award.state().mayMoveTo(to)) {
						throw new TransitionRefusedException(id, award.state(), to);
					}
					Long amount = award.amountFen();
					if (moneyMoves) {
						awards.lockEnterpriseYear(award.uscc(), award.awardYear());
						long policyLive = awards.lockPolicyLedger(award.policyId());
						if (to == AwardState.APPROVED) {
							Headroom headroom = headroom(award, awards.liveSums(award), policyLive);
							amount = amountFen == null ? headroom.maxFen() : amountFen;
							if (amount <= 0 || amount > headroom.maxFen()) {
								throw new ApprovalRefusedException(id, amountFen, headroom);
							}
							awards.addToLedgers(award.uscc(), award.awardYear(), award.policyId(), amount);
						}
						else {
							awards.addToLedgers(award.uscc(), award.awardYear(), award.policyId(), -award.liveFen());
						}
					}
					OffsetDateTime now = now();
					int version = award.version() + 1;
					awards.update(id, to, amount, version, who, now);
					long eventId = awards.insertEvent(id, version, award.state(), to, amount, note, who, now);
					if (key != null) {
						awards.insertRequest(key, operation, fingerprint, id, eventId, now);
					}
					AwardOutcome outcome = outcome(id, eventId, false);
					audit.record(action(operation), "award", String.valueOf(id), award.districtCode(), award,
							outcome.award());
					return outcome;
				});
			}
			catch (DuplicateKeyException e) {
				// the key was used meanwhile by a request on another award
				return replay(key, operation, fingerprint).orElseThrow(() -> e);
			}
		});
	}

	/**
	 * The rules over an award with what the live awards use of them. The caller holds the locks when it
	 * acts on the answer.
	 */
	private Headroom headroom(Award award, LiveSums sums, long policyLive) {
		PolicyDocument policy = policy(award.policyId()).orElseThrow(() -> new AwardInputException(AwardProblem.of(
				"policy", award.policyId(), "policy.gone", "the policy " + award.policyId()
						+ " is no longer in the loaded dataset, so its awards cannot be approved", award.policyId())));
		List<Limit> limits = new ArrayList<>();
		limits.add(new Limit(Limit.Kind.CLAUSE, award.policyId() + "/" + award.clauseId()
				+ (award.projectId() == null ? "" : " (project " + award.projectId() + ")"), award.entitlementFen(),
				sums.clauseFen()));
		if (!award.subject().isBlank()) {
			limits.add(new Limit(Limit.Kind.EXCLUSIVE_SUBJECT, award.subject(), award.entitlementFen(), sums.subjectFen()));
		}
		if (policy.capPerEnterprisePerYear() != null) {
			limits.add(new Limit(Limit.Kind.POLICY_CAP, award.policyId(), policy.capPerEnterprisePerYear(), sums.policyFen()));
		}
		for (IssuerCap cap : policies.issuerCaps()) {
			if (cap.issuer().equals(award.issuer())) {
				limits.add(new Limit(Limit.Kind.ISSUER_CAP, cap.issuer(), cap.fen(), sums.issuerFen()));
			}
		}
		if (policy.budget() != null) {
			limits.add(new Limit(Limit.Kind.BUDGET, award.policyId(), policy.budget(), policyLive));
		}
		return new Headroom(award.id(), limits);
	}

	/**
	 * Creates the rows approvals lock, each in a transaction of its own: a row that two nodes create at
	 * once is created by one, and the other's duplicate key is harmless.
	 */
	private void ensureLedgerRows(Award award) {
		if (!awards.enterpriseYearExists(award.uscc(), award.awardYear())) {
			createIgnoringDuplicate(() -> awards.insertEnterpriseYear(award.uscc(), award.awardYear()));
		}
		if (!awards.policyLedgerExists(award.policyId())) {
			createIgnoringDuplicate(() -> awards.insertPolicyLedger(award.policyId()));
		}
	}

	private void createIgnoringDuplicate(Runnable insert) {
		try {
			transactions.executeWithoutResult(status -> insert.run());
		}
		catch (DuplicateKeyException e) {
			// created by a concurrent request: what was wanted
		}
	}

	/**
	 * Runs a transaction again when the database gave up a lock wait (a timeout, or a deadlock it broke):
	 * nothing was written, so trying again is safe.
	 */
	private static <T> T retryingLockFailures(Supplier<T> transaction) {
		for (int attempt = 1;; attempt++) {
			try {
				return transaction.get();
			}
			catch (PessimisticLockingFailureException e) {
				if (attempt == ATTEMPTS) {
					throw e;
				}
				try {
					Thread.sleep(ThreadLocalRandom.current().nextLong(1, 10L * attempt));
				}
				catch (InterruptedException interrupted) {
					Thread.currentThread().interrupt();
					throw e;
				}
			}
		}
	}

	/** The first result of a request made with this key, or empty when the key is new. */
	private Optional<AwardOutcome> replay(String key, String operation, String fingerprint) {
		Optional<StoredRequest> stored = awards.request(key);
		if (stored.isEmpty()) {
			return Optional.empty();
		}
		StoredRequest first = stored.get();
		if (!first.operation().equals(operation) || !first.fingerprint().equals(fingerprint)) {
			throw new IdempotencyKeyReusedException(key, first.operation(), first.awardId());
		}
		return Optional.of(outcome(first.awardId(), first.eventId(), true));
	}

	private AwardOutcome outcome(long awardId, long eventId, boolean replayed) {
		AwardEvent event = awards.event(eventId).orElseThrow();
		return new AwardOutcome(find(awardId).asOf(event), event, replayed);
	}

	/** The audit log's name of a ledger operation. */
	private static String action(String operation) {
		return switch (operation) {
			case "APPLY" -> "award.apply";
			case "PROPOSE" -> "award.propose";
			case "REVIEW" -> "award.review";
			case "APPROVE" -> "award.approve";
			case "REJECT" -> "award.reject";
			case "DISBURSE" -> "award.disburse";
			case "CLAW_BACK" -> "award.clawback";
			default -> throw new IllegalArgumentException(operation);
		};
	}

	private static String requireActor(String actor) {
		if (actor == null || actor.isBlank()) {
			throw new AwardInputException(AwardProblem.of("actor", actor, "actor", "who makes the change is needed"));
		}
		String who = actor.strip();
		if (who.length() > 200) {
			throw new AwardInputException(AwardProblem.of("actor", null, "actor.long", "a name has at most 200 characters"));
		}
		return who;
	}

	private static void requireKey(String key) {
		if (key != null && (key.isBlank() || key.length() > 200 || key.chars().anyMatch(Character::isISOControl))) {
			throw new AwardInputException(AwardProblem.of("Idempotency-Key", key, "key", "an idempotency key is 1 to 200 "
					+ "printable characters, such as a UUID"));
		}
	}

	private static void requireReason(String reason) {
		if (reason == null || reason.isBlank()) {
			throw new AwardInputException(AwardProblem.of("reason", reason, "reason.missing",
					"a reason is needed: it stays in the award's history"));
		}
	}

	private static String fingerprint(String... parts) {
		try {
			MessageDigest sha = MessageDigest.getInstance("SHA-256");
			for (String part : parts) {
				sha.update(String.valueOf(part).getBytes(StandardCharsets.UTF_8));
				sha.update((byte) 0);
			}
			return HexFormat.of().formatHex(sha.digest());
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("every Java has SHA-256", e);
		}
	}

}
