package dev.lantu.policy;

import java.time.OffsetDateTime;

import dev.lantu.engine.policy.PolicyDocument;

/**
 * A policy of the loaded dataset: the compiled document the calculator evaluates, and the reviewed
 * text it was compiled from.
 *
 * @param file      the file in the dataset, such as {@code policies/tianhe-ai-2025.yaml}
 * @param testsFile its test cases, or {@code null} when it has none
 * @param loadedAt  when this version was first loaded
 */
public record StoredPolicy(PolicyDocument document, int version, String file, String text, String testsFile,
		String testsText, OffsetDateTime loadedAt) {

	public String id() {
		return document.id();
	}

}
