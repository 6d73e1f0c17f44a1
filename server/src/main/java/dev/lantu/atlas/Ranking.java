package dev.lantu.atlas;

import java.util.List;

/** Districts ranked by an indicator in a year; districts whose value is unknown come last, unranked. */
public record Ranking(IndicatorDefinition indicator, int year, List<Entry> entries) {

	public record Entry(Integer rank, Region district, IndicatorValue value) {
	}

}
