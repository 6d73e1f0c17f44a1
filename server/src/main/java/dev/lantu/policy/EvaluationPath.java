package dev.lantu.policy;

import java.util.Arrays;
import java.util.Optional;

/**
 * How matching and simulation evaluate the registry; both give the same answers.
 */
public enum EvaluationPath {

	/** The registry streamed into columns slice by slice, evaluated by the engine's batch evaluator in this JVM. */
	BATCH,
	/** The registry's facts computed into a profile table by the database, the clauses compiled to SQL and run there. */
	SQL;

	/** Reads {@code batch} or {@code sql}, in any case. */
	public static Optional<EvaluationPath> parse(String text) {
		return Arrays.stream(values()).filter(path -> path.name().equalsIgnoreCase(text == null ? "" : text.strip())).findFirst();
	}

}
