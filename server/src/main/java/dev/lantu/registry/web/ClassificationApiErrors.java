package dev.lantu.registry.web;

import java.util.List;
import java.util.Map;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import dev.lantu.registry.ClassificationConflictException;
import dev.lantu.registry.ClassificationRefusedException;
import dev.lantu.registry.EnterpriseNotFoundException;
import dev.lantu.registry.RegistryInputException;
import dev.lantu.registry.RuleSetNotFoundException;
import dev.lantu.web.Problems;

/**
 * RFC 9457 problem details for classification and specialisation: a refused rules file lists every problem with
 * file, line, column and path; an application that cannot go ahead says why (409); a bad parameter names itself.
 */
@RestControllerAdvice(assignableTypes = ClassificationApiController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ClassificationApiErrors {

	@ExceptionHandler(ClassificationRefusedException.class)
	ProblemDetail refused(ClassificationRefusedException e) {
		List<Map<String, Object>> errors = e.problems().stream().map(p -> Map.<String, Object>of("file", p.file(), "line",
				p.line(), "column", p.column(), "path", p.path(), "expected", p.expected(), "found", p.found(), "message",
				p.message())).toList();
		return Problems.of(HttpStatus.UNPROCESSABLE_CONTENT, "Classification rules refused",
				e.problems().size() + " problem(s) in the rules; nothing was stored")
			.type("classification-rules-refused")
			.with("errors", errors)
			.build();
	}

	@ExceptionHandler(ClassificationConflictException.class)
	ProblemDetail conflict(ClassificationConflictException e) {
		return Problems.of(HttpStatus.CONFLICT, "Re-classification not applied: nothing changed", e.getMessage())
			.type("reclassification-conflict")
			.with("ruleSet", e.ruleSetId())
			.build();
	}

	@ExceptionHandler(RuleSetNotFoundException.class)
	ProblemDetail ruleSetNotFound(RuleSetNotFoundException e) {
		return Problems.of(HttpStatus.NOT_FOUND, "No such rule set", e.getMessage()).build();
	}

	@ExceptionHandler(EnterpriseNotFoundException.class)
	ProblemDetail enterpriseNotFound(EnterpriseNotFoundException e) {
		return Problems.of(HttpStatus.NOT_FOUND, "No such enterprise", e.getMessage()).build();
	}

	@ExceptionHandler(RegistryInputException.class)
	ProblemDetail input(RegistryInputException e) {
		return Problems.of(HttpStatus.BAD_REQUEST, "Invalid request", e.getMessage())
			.type("invalid-classification-request")
			.with("field", e.field())
			.with("value", e.value())
			.build();
	}

}
