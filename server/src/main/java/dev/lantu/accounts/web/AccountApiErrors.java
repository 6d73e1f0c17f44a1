package dev.lantu.accounts.web;

import java.net.URI;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import dev.lantu.accounts.AccountInputException;
import dev.lantu.accounts.AccountNotFoundException;

/** RFC 9457 problem details for the accounts API: which field and why, or which account is not there. */
@RestControllerAdvice(assignableTypes = AccountApiController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class AccountApiErrors {

	@ExceptionHandler(AccountInputException.class)
	ProblemDetail input(AccountInputException e) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
		problem.setTitle("Invalid account request");
		problem.setType(URI.create("https://lantu.dev/problems/invalid-account-request"));
		problem.setProperty("field", e.problems().get(0).field());
		problem.setProperty("errors", e.problems());
		return problem;
	}

	@ExceptionHandler(AccountNotFoundException.class)
	ProblemDetail notFound(AccountNotFoundException e) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
		problem.setTitle("Not found");
		return problem;
	}

}
