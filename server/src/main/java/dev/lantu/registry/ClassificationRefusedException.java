package dev.lantu.registry;

import java.util.List;
import java.util.stream.Collectors;

import dev.lantu.dataset.Problem;

/** A rules file refused as a whole: every problem with its position. Nothing was stored. */
public class ClassificationRefusedException extends RuntimeException {

	private final List<Problem> problems;

	public ClassificationRefusedException(List<Problem> problems) {
		super("the classification rules are refused, nothing was stored; " + problems.size() + " problem(s):\n"
				+ problems.stream().map(p -> "  - " + p.message()).collect(Collectors.joining("\n")));
		this.problems = List.copyOf(problems);
	}

	public List<Problem> problems() {
		return problems;
	}

}
