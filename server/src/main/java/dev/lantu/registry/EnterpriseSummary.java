package dev.lantu.registry;

import java.time.LocalDate;

/** A line of a registry search: the enterprise and its latest yearly revenue and employees, when known. */
public record EnterpriseSummary(String uscc, String name, String districtCode, String industryCode,
		EnterpriseStatus status, LocalDate registeredOn, boolean synthetic, Integer latestYear, Long revenueFen,
		Long employees) {
}
