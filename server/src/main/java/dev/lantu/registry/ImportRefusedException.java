package dev.lantu.registry;

import java.util.List;
import java.util.stream.Collectors;

import dev.lantu.tables.RowProblem;

/**
 * A file refused as a whole before its rows are read: its header (unknown, missing or doubled columns,
 * a money column without its unit) or its size. The problems name row 1 and the column. Nothing changed.
 */
public class ImportRefusedException extends RuntimeException {

	private final List<RowProblem> problems;

	public ImportRefusedException(List<RowProblem> problems) {
		super(problems.stream().map(RowProblem::describe).collect(Collectors.joining("; ")));
		this.problems = List.copyOf(problems);
	}

	public List<RowProblem> problems() {
		return problems;
	}

}
