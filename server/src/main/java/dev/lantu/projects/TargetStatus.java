package dev.lantu.projects;

import java.math.BigDecimal;
import java.util.List;

import dev.lantu.atlas.IndicatorValue;

/**
 * Where a target stands: the yearly growth it needs from its baseline (percent, null when the baseline
 * is unknown), the actual values since, and a status with the reason in words.
 */
public record TargetStatus(Target target, BigDecimal requiredAnnualGrowthPercent, List<IndicatorValue> actual,
		Status status, String explanation) {

	public enum Status {
		ACHIEVED, ON_TRACK, BEHIND, UNKNOWN
	}

}
