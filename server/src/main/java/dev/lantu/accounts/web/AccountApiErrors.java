package dev.lantu.accounts.web;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import dev.lantu.accounts.AccountInputException;
import dev.lantu.accounts.AccountNotFoundException;
import dev.lantu.web.Problems;

/** RFC 9457 problem details for the accounts API: which field and why, or which account is not there. */
@RestControllerAdvice(assignableTypes = AccountApiController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class AccountApiErrors {

	@ExceptionHandler(AccountInputException.class)
	ProblemDetail input(AccountInputException e) {
		return Problems.of(HttpStatus.BAD_REQUEST, "Invalid account request", e.getMessage())
			.type("invalid-account-request")
			.with("field", e.problems().get(0).field())
			.with("errors", e.problems())
			.build();
	}

	@ExceptionHandler(AccountNotFoundException.class)
	ProblemDetail notFound(AccountNotFoundException e) {
		return Problems.of(HttpStatus.NOT_FOUND, "Not found", e.getMessage()).build();
	}

}
