package dev.lantu.dataset;

import java.util.List;
import java.util.stream.Collectors;

/** A dataset refused as a whole: nothing of it was written. The message lists every problem. */
public class DatasetInvalidException extends RuntimeException {

	private final List<Problem> problems;

	public DatasetInvalidException(String dataset, List<Problem> problems) {
		super("dataset " + dataset + " is refused, nothing was written; " + problems.size() + " problem(s):\n"
				+ problems.stream().map(p -> "  - " + p.message()).collect(Collectors.joining("\n")));
		this.problems = List.copyOf(problems);
	}

	public List<Problem> problems() {
		return problems;
	}

}
