package dev.lantu.projects;

import java.util.List;

/**
 * What is wrong with one field of a request or one cell of an import: where, the value, why. The
 * {@code reason} is English; {@code code} and {@code args} let a page say it in the reader's language
 * (message {@code problem.<code>}), and let API clients act on it without parsing text.
 */
public record FieldProblem(String field, String value, String reason, String code, List<Object> args) {

	public FieldProblem {
		args = args == null ? List.of() : List.copyOf(args);
	}

	public FieldProblem(String field, String value, String reason) {
		this(field, value, reason, null, List.of());
	}

	public static FieldProblem of(String field, String value, String code, String reason, Object... args) {
		return new FieldProblem(field, value, reason, code, List.of(args));
	}

}
