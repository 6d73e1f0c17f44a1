package dev.lantu.web;


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
		return Problems.of(HttpStatus.BAD_REQUEST, "Bad request parameter",
				"parameter '" + e.getName() + "': expected " + expected + ", found '" + e.getValue() + "'")
			.with("field", e.getName())
			.with("value", String.valueOf(e.getValue()))
			.build();
	}

	/** An uploaded file whose name looks like a path or holds control characters. */
	@ExceptionHandler(UnsafeFileNameException.class)
	ProblemDetail unsafeFileName(UnsafeFileNameException e) {
		return Problems.of(HttpStatus.BAD_REQUEST, "Unsafe file name", e.getMessage())
			.type("unsafe-file-name")
			.with("field", e.field())
			.with("value", e.name())
			.build();
	}

	/** An uploaded file larger than its endpoint takes. */
	@ExceptionHandler(UploadTooLargeException.class)
	ProblemDetail uploadTooLarge(UploadTooLargeException e) {
		return Problems.of(HttpStatus.PAYLOAD_TOO_LARGE, "File too large", e.getMessage())
			.type("upload-too-large")
			.with("field", e.field())
			.with("size", e.size())
			.with("limit", e.limit())
			.build();
	}

	/** A request argument the service refuses: its message says which and why. */
	@ExceptionHandler(IllegalArgumentException.class)
	ProblemDetail badArgument(IllegalArgumentException e) {
		return Problems.of(HttpStatus.BAD_REQUEST, "Bad request", e.getMessage()).build();
	}

}
