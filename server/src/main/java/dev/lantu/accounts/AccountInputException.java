package dev.lantu.accounts;

import java.util.List;

/** A request about accounts that can't be done as given: each problem names its field and why. */
public class AccountInputException extends RuntimeException {

	public record FieldProblem(String field, String code, String message) {
	}

	private final List<FieldProblem> problems;

	public AccountInputException(List<FieldProblem> problems) {
		super(problems.stream().map(p -> p.field() + ": " + p.message()).reduce((a, b) -> a + "; " + b).orElse(""));
		this.problems = List.copyOf(problems);
	}

	public AccountInputException(String field, String code, String message) {
		this(List.of(new FieldProblem(field, code, message)));
	}

	public List<FieldProblem> problems() {
		return problems;
	}

}
