package dev.lantu.awards.web;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import dev.lantu.awards.ApprovalRefusedException;
import dev.lantu.awards.AwardInputException;
import dev.lantu.awards.AwardNotFoundException;
import dev.lantu.awards.IdempotencyKeyReusedException;
import dev.lantu.awards.Limit;
import dev.lantu.awards.TransitionRefusedException;
import dev.lantu.web.Problems;

/** RFC 9457 problem details for the ledger's API: what was refused, which field or rule, and why. */
@RestControllerAdvice(assignableTypes = AwardApiController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class AwardApiErrors {

	@ExceptionHandler(AwardInputException.class)
	ProblemDetail input(AwardInputException e) {
		return Problems.of(HttpStatus.BAD_REQUEST, "Invalid award request", e.getMessage())
			.type("invalid-award-request")
			.with("field", e.problems().get(0).field())
			.with("errors", e.problems())
			.build();
	}

	@ExceptionHandler(TransitionRefusedException.class)
	ProblemDetail transition(TransitionRefusedException e) {
		return Problems.of(HttpStatus.CONFLICT, "Not allowed in the award's state", e.getMessage())
			.type("award-transition")
			.with("field", "state")
			.with("state", e.from())
			.with("requested", e.to())
			.with("allowed", e.from().next())
			.build();
	}

	@ExceptionHandler(ApprovalRefusedException.class)
	ProblemDetail refused(ApprovalRefusedException e) {
		return Problems.of(HttpStatus.UNPROCESSABLE_CONTENT, "Approval refused: a cap or the budget binds", e.getMessage())
			.type("approval-refused")
			.with("field", "amountFen")
			.with("requestedFen", e.requestedFen())
			.with("approvableFen", e.headroom().maxFen())
			.with("binding", e.binding().stream().map(AwardApiErrors::rule).toList())
			.build();
	}

	/** A rule as the API shows it. */
	record Rule(Limit.Kind kind, String scope, long capFen, long usedFen, long remainingFen, String explanation) {
	}

	static Rule rule(Limit limit) {
		return new Rule(limit.kind(), limit.scope(), limit.capFen(), limit.usedFen(), limit.remainingFen(),
				limit.explanation());
	}

	@ExceptionHandler(IdempotencyKeyReusedException.class)
	ProblemDetail reused(IdempotencyKeyReusedException e) {
		return Problems.of(HttpStatus.UNPROCESSABLE_CONTENT, "Idempotency key reused for another request", e.getMessage())
			.type("idempotency-key-reused")
			.with("field", AwardApiController.IDEMPOTENCY_KEY)
			.build();
	}

	@ExceptionHandler(AwardNotFoundException.class)
	ProblemDetail notFound(AwardNotFoundException e) {
		return Problems.of(HttpStatus.NOT_FOUND, "No such award", e.getMessage())
			.with("field", "id")
			.build();
	}

}
