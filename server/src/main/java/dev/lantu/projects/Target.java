package dev.lantu.projects;

import java.math.BigDecimal;

import dev.lantu.dataset.LocalizedText;
import dev.lantu.dataset.Provenance;

/**
 * A published target: a region's indicator to reach a value by a year (Zengcheng's 工业总产值 over one
 * trillion yuan by 2035), or every year ({@code yearly}: Huangpu's 400 projects a year). The baseline
 * may be unknown. {@code comparison} is {@code >}, {@code >=} or {@code ~} (about, 左右).
 */
public record Target(String id, String regionCode, String indicator, LocalizedText name, Integer baselineYear,
		BigDecimal baselineValue, int targetYear, BigDecimal targetValue, String comparison, boolean yearly,
		Provenance provenance) {
}
