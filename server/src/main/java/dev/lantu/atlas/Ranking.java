package dev.lantu.atlas;

import java.util.List;

/**
 * Districts ranked by an indicator in a year; districts whose value is unknown come last, unranked. The
 * year is null when no value of the indicator is known at all.
 */
public record Ranking(IndicatorDefinition indicator, Integer year, List<Entry> entries) {

	public record Entry(Integer rank, Region district, IndicatorValue value) {
	}

}
