package dev.lantu.projects;

import java.math.BigDecimal;
import java.util.List;

import dev.lantu.atlas.IndicatorValue;

/**
 * Where a target stands: the yearly growth it needs from its baseline (percent, null when the baseline
 * is unknown), the actual values since, and a status with the reason in words (English, and as a
 * message code {@code target.explain.<code>} with its arguments for the reader's language).
 */
public record TargetStatus(Target target, BigDecimal requiredAnnualGrowthPercent, List<IndicatorValue> actual,
		Status status, String explanation, String explanationCode, List<Object> explanationArgs) {

	public TargetStatus {
		explanationArgs = List.copyOf(explanationArgs);
	}

	public enum Status {
		ACHIEVED, ON_TRACK, BEHIND, UNKNOWN
	}

}
