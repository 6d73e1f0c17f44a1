package dev.lantu.awards;

import java.util.List;

/**
 * What is wrong with one field of a request: where, the value, why. The {@code reason} is English;
 * {@code code} and {@code args} let a page say it in the reader's language (message
 * {@code award.problem.<code>}) and let API clients act on it without parsing text.
 */
public record AwardProblem(String field, String value, String code, String reason, List<Object> args) {

	public AwardProblem {
		args = args == null ? List.of() : List.copyOf(args);
	}

	public static AwardProblem of(String field, Object value, String code, String reason, Object... args) {
		return new AwardProblem(field, value == null ? null : String.valueOf(value), code, reason, List.of(args));
	}

}
