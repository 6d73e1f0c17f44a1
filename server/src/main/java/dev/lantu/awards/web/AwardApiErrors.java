package dev.lantu.awards.web;

import java.net.URI;

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

/** RFC 9457 problem details for the ledger's API: what was refused, which field or rule, and why. */
@RestControllerAdvice(assignableTypes = AwardApiController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class AwardApiErrors {

	@ExceptionHandler(AwardInputException.class)
	ProblemDetail input(AwardInputException e) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
		problem.setTitle("Invalid award request");
		problem.setType(URI.create("https://lantu.dev/problems/invalid-award-request"));
		problem.setProperty("field", e.problems().get(0).field());
		problem.setProperty("errors", e.problems());
		return problem;
	}

	@ExceptionHandler(TransitionRefusedException.class)
	ProblemDetail transition(TransitionRefusedException e) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
		problem.setTitle("Not allowed in the award's state");
		problem.setType(URI.create("https://lantu.dev/problems/award-transition"));
		problem.setProperty("field", "state");
		problem.setProperty("state", e.from());
		problem.setProperty("requested", e.to());
		problem.setProperty("allowed", e.from().next());
		return problem;
	}

	@ExceptionHandler(ApprovalRefusedException.class)
	ProblemDetail refused(ApprovalRefusedException e) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT, e.getMessage());
		problem.setTitle("Approval refused: a cap or the budget binds");
		problem.setType(URI.create("https://lantu.dev/problems/approval-refused"));
		problem.setProperty("field", "amountFen");
		problem.setProperty("requestedFen", e.requestedFen());
		problem.setProperty("approvableFen", e.headroom().maxFen());
		problem.setProperty("binding", e.binding().stream().map(AwardApiErrors::rule).toList());
		return problem;
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
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT, e.getMessage());
		problem.setTitle("Idempotency key reused for another request");
		problem.setType(URI.create("https://lantu.dev/problems/idempotency-key-reused"));
		problem.setProperty("field", AwardApiController.IDEMPOTENCY_KEY);
		return problem;
	}

	@ExceptionHandler(AwardNotFoundException.class)
	ProblemDetail notFound(AwardNotFoundException e) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
		problem.setTitle("No such award");
		problem.setProperty("field", "id");
		return problem;
	}

}
