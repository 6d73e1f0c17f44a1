package dev.lantu.policy;

import java.util.List;

/**
 * What is wrong with one field of a calculation request: where, the value, why. The {@code reason} is
 * English; {@code code} and {@code args} let a page say it in the reader's language (message
 * {@code calculator.problem.<code>}).
 *
 * @param field the field's path in the request, such as {@code profile.yearly.revenue.2024}
 */
public record InputProblem(String field, String value, String reason, String code, List<Object> args) {

	public InputProblem {
		args = args == null ? List.of() : List.copyOf(args);
	}

	static InputProblem of(String field, Object value, String code, String reason, Object... args) {
		return new InputProblem(field, value == null ? null : String.valueOf(value), reason, code, List.of(args));
	}

}
