package dev.lantu.dataset;

import java.util.List;

/**
 * Where a fact comes from and how sure it is: source ids from the dataset's catalogue, a confidence,
 * whether it is a reading of the sources rather than a statement in them, and a note.
 */
public record Provenance(List<String> sources, Confidence confidence, boolean inferred, String note) {

	public Provenance {
		sources = List.copyOf(sources);
	}

}
