package dev.lantu.awards.web;

import java.net.URI;
import java.util.List;
import java.util.Set;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import dev.lantu.accounts.Access;
import dev.lantu.awards.Application;
import dev.lantu.awards.Award;
import dev.lantu.awards.AwardEvent;
import dev.lantu.awards.AwardFilter;
import dev.lantu.awards.AwardInputException;
import dev.lantu.awards.AwardLedger;
import dev.lantu.awards.AwardOutcome;
import dev.lantu.awards.AwardPage;
import dev.lantu.awards.AwardProblem;
import dev.lantu.awards.AwardState;
import dev.lantu.awards.Headroom;
import dev.lantu.awards.PolicyTotal;

/**
 * The award ledger over REST. Who makes a change is who is signed in; the ledger decides what they may see
 * and do (docs/accounts.md). Every change takes an {@code Idempotency-Key} header; approvals require
 * one, so a retried approval never pays twice. Money is in fen.
 */
@RestController
@RequestMapping("/api/v1/awards")
@Tag(name = "awards", description = "The award ledger: applications, proactive awards (免申即享), review, approval, "
		+ "disbursement, rejection and clawback, with caps and budgets enforced")
class AwardApiController {

	static final String IDEMPOTENCY_KEY = "Idempotency-Key";

	private static final Set<String> APPLICATION_FIELDS = Set.of("uscc", "policy", "clause", "year", "date", "profile",
			"projectId");

	private final AwardLedger ledger;

	AwardApiController(AwardLedger ledger) {
		this.ledger = ledger;
	}

	static AwardFilter filter(String policy, String district, String state, String uscc, Integer year) {
		AwardState parsed = null;
		if (state != null && !state.isBlank()) {
			parsed = AwardState.parse(state).orElseThrow(() -> new AwardInputException(AwardProblem.of("state", state,
					"state", "expected one of " + java.util.Arrays.toString(AwardState.values()))));
		}
		return new AwardFilter(policy, district, parsed, uscc, year);
	}

	@GetMapping
	@Operation(summary = "The ledger, newest first, filtered by policy, district (GB/T 2260), state, enterprise and year")
	AwardPage list(@RequestParam(required = false) String policy, @RequestParam(required = false) String district,
			@RequestParam(required = false) String state, @RequestParam(required = false) String uscc,
			@RequestParam(required = false) Integer year, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "50") int size) {
		return ledger.search(filter(policy, district, state, uscc, year), page, size);
	}

	@GetMapping("/totals")
	@Operation(summary = "Per policy: awards, pending, approved and not clawed back, disbursed, clawed back; the budget and "
			+ "what is used of it across the whole policy")
	List<PolicyTotal> totals(@RequestParam(required = false) String policy, @RequestParam(required = false) String district,
			@RequestParam(required = false) String state, @RequestParam(required = false) Integer year) {
		return ledger.totals(filter(policy, district, state, null, year));
	}

	/**
	 * An award with its history and, while under review, what an approval could be for now: the most, and
	 * every rule that binds with its cap, what is used and what is left.
	 */
	record AwardDetail(Award award, List<AwardEvent> history, Long approvableFen, List<AwardApiErrors.Rule> limits) {
	}

	@GetMapping("/{id}")
	@Operation(summary = "An award with its whole history (who, when, why) and, under review, every rule that binds its approval")
	AwardDetail get(@PathVariable long id) {
		Award award = ledger.get(id);
		Headroom headroom = award.state() == AwardState.UNDER_REVIEW ? ledger.headroom(id) : null;
		return new AwardDetail(award, ledger.history(id), headroom == null ? null : headroom.maxFen(),
				headroom == null ? null : headroom.limits().stream().map(AwardApiErrors::rule).toList());
	}

	@PostMapping(path = "/applications", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "An enterprise applies for a clause paid on application: {uscc, policy, clause, year, date?, profile?}."
			+ " Without a profile the engine reads the registry's facts; a profile is the calculator's {facts, yearly}")
	ResponseEntity<AwardOutcome> apply(@org.springframework.web.bind.annotation.RequestBody String body,
			@Parameter(description = "makes a retry safe") @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String key) {
		return created(ledger.apply(application(body), actor(), key));
	}

	@PostMapping(path = "/proactive", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "A policy officer proposes an award for a clause paid without application (免申即享), from a match;"
			+ " it starts under review. Body as for /applications")
	ResponseEntity<AwardOutcome> propose(@org.springframework.web.bind.annotation.RequestBody String body,
			@RequestHeader(name = IDEMPOTENCY_KEY, required = false) String key) {
		return created(ledger.propose(application(body), actor(), key));
	}

	/** Who makes the change: the signed-in caller. */
	private static String actor() {
		return Access.caller().username();
	}

	private static Application application(String body) {
		RequestBody read = RequestBody.read(body, APPLICATION_FIELDS);
		Application application = new Application(read.text("uscc"), read.text("policy"), read.text("clause"),
				read.year("year"), read.date("date"), read.object("profile"), read.id("projectId"));
		read.check();
		return application;
	}

	private static ResponseEntity<AwardOutcome> created(AwardOutcome outcome) {
		if (outcome.replayed()) {
			return ResponseEntity.ok(outcome);
		}
		return ResponseEntity.created(URI.create("/api/v1/awards/" + outcome.award().id())).body(outcome);
	}

	@PostMapping("/{id}/review")
	@Operation(summary = "Start reviewing an application: {note?}")
	AwardOutcome review(@PathVariable long id, @org.springframework.web.bind.annotation.RequestBody(required = false) String body,
			@RequestHeader(name = IDEMPOTENCY_KEY, required = false) String key) {
		return move(id, "review", body, "note", ledger::startReview, key);
	}

	@PostMapping("/{id}/approval")
	@Operation(summary = "Approve an award under review: {amountFen?, reason?}; without amountFen, the most every cap, "
			+ "the exclusive subject and the budget allow. Requires an Idempotency-Key header")
	AwardOutcome approve(@PathVariable long id, @org.springframework.web.bind.annotation.RequestBody(required = false) String body,
			@RequestHeader(name = IDEMPOTENCY_KEY, required = false) String key) {
		ledger.requireMayDecide(id, "approve");
		if (key == null) {
			throw new AwardInputException(AwardProblem.of(IDEMPOTENCY_KEY, null, "key.missing", "an approval needs an "
					+ IDEMPOTENCY_KEY + " header (a UUID, say), so that a retried approval never pays twice"));
		}
		RequestBody read = RequestBody.read(body, Set.of("amountFen", "reason"));
		Long amount = read.fen("amountFen");
		String reason = read.text("reason");
		read.check();
		return ledger.approve(id, amount, reason, actor(), key);
	}

	@PostMapping("/{id}/rejection")
	@Operation(summary = "Reject an application or a proposed award: {reason}")
	AwardOutcome reject(@PathVariable long id, @org.springframework.web.bind.annotation.RequestBody(required = false) String body,
			@RequestHeader(name = IDEMPOTENCY_KEY, required = false) String key) {
		return move(id, "reject", body, "reason", ledger::reject, key);
	}

	@PostMapping("/{id}/disbursement")
	@Operation(summary = "Record that an approved award was paid out: {reference?}")
	AwardOutcome disburse(@PathVariable long id, @org.springframework.web.bind.annotation.RequestBody(required = false) String body,
			@RequestHeader(name = IDEMPOTENCY_KEY, required = false) String key) {
		return move(id, "disburse", body, "reference", ledger::disburse, key);
	}

	@PostMapping("/{id}/clawback")
	@Operation(summary = "Claw back an approved or disbursed award (a project that never reached production): {reason}")
	AwardOutcome clawBack(@PathVariable long id, @org.springframework.web.bind.annotation.RequestBody(required = false) String body,
			@RequestHeader(name = IDEMPOTENCY_KEY, required = false) String key) {
		return move(id, "claw back", body, "reason", ledger::clawBack, key);
	}

	/** A move of the ledger whose body holds at most one text: a note, a reason or a payment reference. */
	private interface Move {

		AwardOutcome apply(long id, String text, String actor, String key);

	}

	/**
	 * Refuses a caller who may not decide first (403/404 before any complaint about the body), then reads the one
	 * text the body may hold, then moves the award.
	 */
	private AwardOutcome move(long id, String what, String body, String field, Move move, String key) {
		ledger.requireMayDecide(id, what);
		RequestBody read = RequestBody.read(body, Set.of(field));
		String text = read.text(field);
		read.check();
		return move.apply(id, text, actor(), key);
	}

}
