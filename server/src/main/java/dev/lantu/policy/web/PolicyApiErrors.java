package dev.lantu.policy.web;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import dev.lantu.policy.CalculationInputException;
import dev.lantu.policy.PolicyNotFoundException;
import dev.lantu.web.Problems;

/** RFC 9457 problem details for the policies API: which field, what was found, why. */
@RestControllerAdvice(assignableTypes = PolicyApiController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class PolicyApiErrors {

	@ExceptionHandler(CalculationInputException.class)
	ProblemDetail input(CalculationInputException e) {
		return Problems.of(HttpStatus.BAD_REQUEST, "Invalid calculation request", e.getMessage())
			.type("invalid-calculation")
			.with("field", e.problems().get(0).field())
			.with("errors", e.problems())
			.build();
	}

	@ExceptionHandler(PolicyNotFoundException.class)
	ProblemDetail notFound(PolicyNotFoundException e) {
		return Problems.of(HttpStatus.NOT_FOUND, "No such policy", e.getMessage()).build();
	}

}
