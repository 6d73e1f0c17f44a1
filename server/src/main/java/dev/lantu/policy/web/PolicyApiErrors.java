package dev.lantu.policy.web;

import java.net.URI;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import dev.lantu.policy.CalculationInputException;
import dev.lantu.policy.PolicyNotFoundException;

/** RFC 9457 problem details for the policies API: which field, what was found, why. */
@RestControllerAdvice(assignableTypes = PolicyApiController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class PolicyApiErrors {

	@ExceptionHandler(CalculationInputException.class)
	ProblemDetail input(CalculationInputException e) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
		problem.setTitle("Invalid calculation request");
		problem.setType(URI.create("https://lantu.dev/problems/invalid-calculation"));
		problem.setProperty("field", e.problems().get(0).field());
		problem.setProperty("errors", e.problems());
		return problem;
	}

	@ExceptionHandler(PolicyNotFoundException.class)
	ProblemDetail notFound(PolicyNotFoundException e) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
		problem.setTitle("No such policy");
		return problem;
	}

}
