package dev.lantu.projects;

import java.util.List;
import java.util.stream.Collectors;

/** A request the project service refuses as a whole, with every field that is wrong. Nothing changed. */
public class ProjectInputException extends RuntimeException {

	private final List<FieldProblem> problems;

	public ProjectInputException(List<FieldProblem> problems) {
		super(problems.stream().map(p -> p.field() + ": " + p.reason()).collect(Collectors.joining("; ")));
		this.problems = List.copyOf(problems);
	}

	public List<FieldProblem> problems() {
		return problems;
	}

}
