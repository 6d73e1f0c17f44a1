package dev.lantu.atlas;

import java.math.BigDecimal;

import dev.lantu.dataset.Provenance;

/**
 * A region's indicator in a year, exact as published. A null value is unknown (the note says why),
 * never zero; the qualifier keeps "over" ({@code >}) or "about" ({@code ~}).
 */
public record IndicatorValue(String regionCode, String indicator, int year, BigDecimal value, String qualifier,
		Provenance provenance) {

	public boolean known() {
		return value != null;
	}

}
