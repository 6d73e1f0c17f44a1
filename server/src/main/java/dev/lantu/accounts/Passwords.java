package dev.lantu.accounts;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.lantu.accounts.AccountInputException.FieldProblem;

/** What a password must be: long enough to resist guessing, not the username, not one character repeated. */
public final class Passwords {

	public static final int MINIMUM_LENGTH = 12;

	/** bcrypt reads at most 72 bytes; anything longer would be silently cut, so it is refused */
	public static final int MAXIMUM_BYTES = 72;

	private Passwords() {
	}

	public static List<FieldProblem> problems(String field, String password, String username) {
		List<FieldProblem> problems = new ArrayList<>();
		if (password == null || password.codePointCount(0, password.length()) < MINIMUM_LENGTH) {
			problems.add(new FieldProblem(field, "TOO_SHORT", "a password needs at least " + MINIMUM_LENGTH + " characters"));
		}
		else if (password.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAXIMUM_BYTES) {
			problems.add(new FieldProblem(field, "TOO_LONG", "a password may have at most " + MAXIMUM_BYTES + " bytes (UTF-8)"));
		}
		else if (username != null && password.toLowerCase(Locale.ROOT).contains(username.toLowerCase(Locale.ROOT))) {
			problems.add(new FieldProblem(field, "CONTAINS_USERNAME", "a password must not contain the username"));
		}
		else if (password.codePoints().distinct().count() < 4) {
			problems.add(new FieldProblem(field, "TOO_SIMPLE", "a password needs at least 4 different characters"));
		}
		return problems;
	}

}
