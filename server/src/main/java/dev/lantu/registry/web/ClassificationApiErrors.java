package dev.lantu.registry.web;

import java.net.URI;
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

/**
 * RFC 9457 problem details for classification and specialisation: a refused rules file lists every problem with
 * file, line, column and path; an application that cannot go ahead says why (409); a bad parameter names itself.
 */
@RestControllerAdvice(assignableTypes = ClassificationApiController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ClassificationApiErrors {

	@ExceptionHandler(ClassificationRefusedException.class)
	ProblemDetail refused(ClassificationRefusedException e) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT,
				e.problems().size() + " problem(s) in the rules; nothing was stored");
		problem.setTitle("Classification rules refused");
		problem.setType(URI.create("https://lantu.dev/problems/classification-rules-refused"));
		List<Map<String, Object>> errors = e.problems().stream().map(p -> Map.<String, Object>of("file", p.file(), "line",
				p.line(), "column", p.column(), "path", p.path(), "expected", p.expected(), "found", p.found(), "message",
				p.message())).toList();
		problem.setProperty("errors", errors);
		return problem;
	}

	@ExceptionHandler(ClassificationConflictException.class)
	ProblemDetail conflict(ClassificationConflictException e) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
		problem.setTitle("Re-classification not applied: nothing changed");
		problem.setType(URI.create("https://lantu.dev/problems/reclassification-conflict"));
		problem.setProperty("ruleSet", e.ruleSetId());
		return problem;
	}

	@ExceptionHandler(RuleSetNotFoundException.class)
	ProblemDetail ruleSetNotFound(RuleSetNotFoundException e) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
		problem.setTitle("No such rule set");
		return problem;
	}

	@ExceptionHandler(EnterpriseNotFoundException.class)
	ProblemDetail enterpriseNotFound(EnterpriseNotFoundException e) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
		problem.setTitle("No such enterprise");
		return problem;
	}

	@ExceptionHandler(RegistryInputException.class)
	ProblemDetail input(RegistryInputException e) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
		problem.setTitle("Invalid request");
		problem.setType(URI.create("https://lantu.dev/problems/invalid-classification-request"));
		problem.setProperty("field", e.field());
		problem.setProperty("value", e.value());
		return problem;
	}

}
