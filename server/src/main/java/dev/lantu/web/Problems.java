package dev.lantu.web;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * RFC 9457 problem details as every module's API answers them: a status, a title, the detail in words, a
 * type under https://lantu.dev/problems/ where a client may want to tell the problem apart, and properties
 * that name the field, the value found and what was expected.
 */
public final class Problems {

	private static final String TYPES = "https://lantu.dev/problems/";

	private final ProblemDetail problem;

	private Problems(ProblemDetail problem) {
		this.problem = problem;
	}

	public static Problems of(HttpStatus status, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setTitle(title);
		return new Problems(problem);
	}

	/** The problem's type, a name under https://lantu.dev/problems/. */
	public Problems type(String name) {
		problem.setType(URI.create(TYPES + name));
		return this;
	}

	public Problems with(String property, Object value) {
		problem.setProperty(property, value);
		return this;
	}

	public ProblemDetail build() {
		return problem;
	}

}
