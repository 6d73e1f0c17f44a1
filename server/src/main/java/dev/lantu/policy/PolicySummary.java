package dev.lantu.policy;

import java.time.LocalDate;
import java.util.List;

/**
 * A policy as the list shows it: who issued it, where and when it is in force, where it comes from,
 * and how many of its clauses are illustrative (their numbers not all in the sources).
 *
 * @param version                    the version of its text: a changed file is a new version
 * @param capPerEnterprisePerYearFen the most one enterprise receives from it in a year, in fen; {@code null} when none
 */
public record PolicySummary(String id, int version, String titleZh, String titleEn, String issuer,
		String documentNumber, List<String> regions, List<String> tracks, LocalDate effectiveFrom,
		LocalDate effectiveTo, String sourceTitle, String sourceUrl, String sourceCitation, String sourceConfidence,
		Long capPerEnterprisePerYearFen, int clauses, int illustrativeClauses) {

	public PolicySummary {
		regions = List.copyOf(regions);
		tracks = List.copyOf(tracks);
	}

	/** The cap per enterprise per year as an amount; {@code null} when the policy sets none. */
	public Amount cap() {
		return Amount.ofNullable(capPerEnterprisePerYearFen);
	}

	/** Whether it is in force on the date: on or after its first day, and not after its last. */
	public boolean inForceOn(LocalDate date) {
		return !effectiveFrom.isAfter(date) && (effectiveTo == null || !effectiveTo.isBefore(date));
	}

}
