package dev.lantu.registry;

import java.time.OffsetDateTime;

/**
 * One version of the classification rules: where it came from (a dataset's {@code classification.yaml} or a
 * posted file), its status, who made and who applied it, and whether its difference has been previewed.
 */
public record ClassificationRuleSet(long id, Origin origin, Status status, String fingerprint, String createdBy,
		OffsetDateTime createdAt, OffsetDateTime previewedAt, String appliedBy, OffsetDateTime appliedAt) {

	public enum Origin {
		DATASET, POSTED
	}

	/** PENDING waits for an officer to see its difference and confirm; one set at a time is APPLIED. */
	public enum Status {
		PENDING, APPLIED, SUPERSEDED, DISCARDED
	}

}
