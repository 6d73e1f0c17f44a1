package dev.lantu.web;

import java.net.URI;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Problem details for malformed API requests, naming the parameter, the value and what was expected.
 * Other errors keep Spring's RFC 9457 responses. Only REST controllers get them: pages answer with the
 * error page. Ordered first, or Spring Boot's general problem-details handler would answer instead.
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiErrors {

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e) {
		String expected = e.getRequiredType() == null ? "another value"
				: switch (e.getRequiredType().getSimpleName()) {
					case "LocalDate" -> "a date as YYYY-MM-DD";
					case "Integer", "int" -> "a whole number";
					default -> "a " + e.getRequiredType().getSimpleName();
				};
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				"parameter '" + e.getName() + "': expected " + expected + ", found '" + e.getValue() + "'");
		problem.setTitle("Bad request parameter");
		problem.setProperty("field", e.getName());
		problem.setProperty("value", String.valueOf(e.getValue()));
		return problem;
	}

	/** An uploaded file whose name looks like a path or holds control characters. */
	@ExceptionHandler(UnsafeFileNameException.class)
	ProblemDetail unsafeFileName(UnsafeFileNameException e) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
		problem.setTitle("Unsafe file name");
		problem.setType(URI.create("https://lantu.dev/problems/unsafe-file-name"));
		problem.setProperty("field", e.field());
		problem.setProperty("value", e.name());
		return problem;
	}

	/** An uploaded file larger than its endpoint takes. */
	@ExceptionHandler(UploadTooLargeException.class)
	ProblemDetail uploadTooLarge(UploadTooLargeException e) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE, e.getMessage());
		problem.setTitle("File too large");
		problem.setType(URI.create("https://lantu.dev/problems/upload-too-large"));
		problem.setProperty("field", e.field());
		problem.setProperty("size", e.size());
		problem.setProperty("limit", e.limit());
		return problem;
	}

	/** A request argument the service refuses: its message says which and why. */
	@ExceptionHandler(IllegalArgumentException.class)
	ProblemDetail badArgument(IllegalArgumentException e) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
		problem.setTitle("Bad request");
		return problem;
	}

}
