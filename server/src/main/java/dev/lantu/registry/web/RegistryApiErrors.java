package dev.lantu.registry.web;

import java.net.URI;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import dev.lantu.registry.EnterpriseConflictException;
import dev.lantu.registry.EnterpriseNotFoundException;
import dev.lantu.registry.ImportRefusedException;
import dev.lantu.registry.RegistryInputException;
import dev.lantu.tables.TableException;

/**
 * RFC 9457 problem details for the registry API: what was refused, where and why. Import problems name
 * the row (as the spreadsheet numbers it), the column (as the file heads it), the value and the reason.
 */
@RestControllerAdvice(assignableTypes = EnterpriseApiController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class RegistryApiErrors {

	@ExceptionHandler(RegistryInputException.class)
	ProblemDetail input(RegistryInputException e) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
		problem.setTitle("Invalid request");
		problem.setType(URI.create("https://lantu.dev/problems/invalid-registry-request"));
		problem.setProperty("field", e.field());
		problem.setProperty("value", e.value());
		return problem;
	}

	@ExceptionHandler(EnterpriseApiController.ImportRefused.class)
	ProblemDetail refused(EnterpriseApiController.ImportRefused e) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT, e.getMessage());
		problem.setTitle("Import refused: nothing was written");
		problem.setType(URI.create("https://lantu.dev/problems/import-refused"));
		problem.setProperty("errors", e.report.problems());
		problem.setProperty("report", e.report);
		problem.setProperty("job", e.job);
		return problem;
	}

	@ExceptionHandler(ImportRefusedException.class)
	ProblemDetail fileRefused(ImportRefusedException e) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT, e.getMessage());
		problem.setTitle("File refused: nothing was written");
		problem.setType(URI.create("https://lantu.dev/problems/import-file-refused"));
		problem.setProperty("errors", e.problems());
		return problem;
	}

	@ExceptionHandler(TableException.class)
	ProblemDetail unreadable(TableException e) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
		problem.setTitle("Unreadable file: nothing was written");
		problem.setType(URI.create("https://lantu.dev/problems/unreadable-file"));
		problem.setProperty("field", "file");
		return problem;
	}

	@ExceptionHandler(EnterpriseNotFoundException.class)
	ProblemDetail notFound(EnterpriseNotFoundException e) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
		problem.setTitle("No such enterprise");
		return problem;
	}

	@ExceptionHandler(EnterpriseApiController.ImportNotFoundException.class)
	ProblemDetail noImport(EnterpriseApiController.ImportNotFoundException e) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
		problem.setTitle("No such import");
		return problem;
	}

	@ExceptionHandler(EnterpriseConflictException.class)
	ProblemDetail conflict(EnterpriseConflictException e) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
		problem.setTitle("Changed by someone else");
		return problem;
	}

}
