package dev.lantu.dataset;

import java.util.ArrayList;
import java.util.List;

/** Collects every problem of one read, so one run reports all of them rather than the first. */
public final class Problems {

	private final List<Problem> all = new ArrayList<>();

	/** Adds a problem; the same problem found twice (a file read by two parts) is kept once. */
	public void add(Problem problem) {
		if (!all.contains(problem)) {
			all.add(problem);
		}
	}

	public void inconsistent(Position position, String expected, String found) {
		add(Problem.inconsistent(position, expected, found));
	}

	public void incomplete(Position position, String expected, String found) {
		add(Problem.incomplete(position, expected, found));
	}

	public List<Problem> all() {
		return List.copyOf(all);
	}

	public List<Problem> inconsistent() {
		return all.stream().filter(p -> p.kind() == Problem.Kind.INCONSISTENT).toList();
	}

	public List<Problem> incomplete() {
		return all.stream().filter(p -> p.kind() == Problem.Kind.INCOMPLETE).toList();
	}

	public boolean hasInconsistencies() {
		return all.stream().anyMatch(p -> p.kind() == Problem.Kind.INCONSISTENT);
	}

}
