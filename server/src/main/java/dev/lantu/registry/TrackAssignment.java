package dev.lantu.registry;

import dev.lantu.dataset.Confidence;

/**
 * An enterprise in one track, with why: the kind of rule, what it matched (the GB/T 4754 prefix such as
 * {@code C3612}, the keyword, or for {@link RuleKind#ALIGNMENT} the city track the district track aligns
 * to), the officer and reason of a manual assignment, and the rule's confidence.
 */
public record TrackAssignment(String trackId, RuleKind kind, String matched, String officer, String reason,
		Confidence confidence) {

	public static TrackAssignment manual(String trackId, String officer, String reason, Confidence confidence) {
		return new TrackAssignment(trackId, RuleKind.MANUAL, null, officer, reason, confidence);
	}

	public static TrackAssignment code(String trackId, String prefix, Confidence confidence) {
		return new TrackAssignment(trackId, RuleKind.CODE, prefix, null, null, confidence);
	}

	public static TrackAssignment keyword(String trackId, String keyword, Confidence confidence) {
		return new TrackAssignment(trackId, RuleKind.KEYWORD, keyword, null, null, confidence);
	}

	public static TrackAssignment aligned(String districtTrackId, String cityTrackId, Confidence confidence) {
		return new TrackAssignment(districtTrackId, RuleKind.ALIGNMENT, cityTrackId, null, null, confidence);
	}

}
