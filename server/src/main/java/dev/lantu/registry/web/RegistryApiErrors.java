package dev.lantu.registry.web;

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
import dev.lantu.web.Problems;

/**
 * RFC 9457 problem details for the registry API: what was refused, where and why. Import problems name
 * the row (as the spreadsheet numbers it), the column (as the file heads it), the value and the reason.
 */
@RestControllerAdvice(assignableTypes = EnterpriseApiController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class RegistryApiErrors {

	@ExceptionHandler(RegistryInputException.class)
	ProblemDetail input(RegistryInputException e) {
		return Problems.of(HttpStatus.BAD_REQUEST, "Invalid request", e.getMessage())
			.type("invalid-registry-request")
			.with("field", e.field())
			.with("value", e.value())
			.build();
	}

	@ExceptionHandler(EnterpriseApiController.ImportRefused.class)
	ProblemDetail refused(EnterpriseApiController.ImportRefused e) {
		return Problems.of(HttpStatus.UNPROCESSABLE_CONTENT, "Import refused: nothing was written", e.getMessage())
			.type("import-refused")
			.with("errors", e.report.problems())
			.with("report", e.report)
			.with("job", e.job)
			.build();
	}

	@ExceptionHandler(ImportRefusedException.class)
	ProblemDetail fileRefused(ImportRefusedException e) {
		return Problems.of(HttpStatus.UNPROCESSABLE_CONTENT, "File refused: nothing was written", e.getMessage())
			.type("import-file-refused")
			.with("errors", e.problems())
			.build();
	}

	@ExceptionHandler(TableException.class)
	ProblemDetail unreadable(TableException e) {
		return Problems.of(HttpStatus.BAD_REQUEST, "Unreadable file: nothing was written", e.getMessage())
			.type("unreadable-file")
			.with("field", "file")
			.build();
	}

	@ExceptionHandler(EnterpriseNotFoundException.class)
	ProblemDetail notFound(EnterpriseNotFoundException e) {
		return Problems.of(HttpStatus.NOT_FOUND, "No such enterprise", e.getMessage()).build();
	}

	@ExceptionHandler(EnterpriseApiController.ImportNotFoundException.class)
	ProblemDetail noImport(EnterpriseApiController.ImportNotFoundException e) {
		return Problems.of(HttpStatus.NOT_FOUND, "No such import", e.getMessage()).build();
	}

	@ExceptionHandler(EnterpriseConflictException.class)
	ProblemDetail conflict(EnterpriseConflictException e) {
		return Problems.of(HttpStatus.CONFLICT, "Changed by someone else", e.getMessage()).build();
	}

}
