package dev.lantu.policy;

import java.util.List;
import java.util.stream.Collectors;

/** A calculation request refused as a whole, with every field that is wrong. */
public class CalculationInputException extends RuntimeException {

	private final List<InputProblem> problems;

	public CalculationInputException(List<InputProblem> problems) {
		super(problems.stream().map(p -> p.field() + ": " + p.reason()).collect(Collectors.joining("; ")));
		this.problems = List.copyOf(problems);
	}

	public List<InputProblem> problems() {
		return problems;
	}

}
