package dev.lantu.policy;

import java.util.List;
import java.util.stream.Collectors;

/** A matching or simulation request that cannot be run, with every field that is wrong. */
public class MatchingInputException extends RuntimeException {

	private final List<InputProblem> problems;

	public MatchingInputException(List<InputProblem> problems) {
		super(problems.stream().map(p -> p.field() + ": " + p.reason()).collect(Collectors.joining("; ")));
		this.problems = List.copyOf(problems);
	}

	public List<InputProblem> problems() {
		return problems;
	}

}
