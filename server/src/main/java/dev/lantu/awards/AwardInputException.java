package dev.lantu.awards;

import java.util.List;
import java.util.stream.Collectors;

/** A request the ledger refuses as a whole, with every field that is wrong. Nothing changed. */
public class AwardInputException extends RuntimeException {

	private final List<AwardProblem> problems;

	public AwardInputException(List<AwardProblem> problems) {
		super(problems.stream().map(p -> p.field() + ": " + p.reason()).collect(Collectors.joining("; ")));
		this.problems = List.copyOf(problems);
	}

	public AwardInputException(AwardProblem problem) {
		this(List.of(problem));
	}

	public List<AwardProblem> problems() {
		return problems;
	}

}
