package dev.lantu.awards;

import java.time.LocalDate;
import java.util.Map;

/**
 * A request for an award: an enterprise's application for one clause of a policy for one year, or a
 * policy officer's proactive award (免申即享) from a match.
 *
 * @param uscc    the enterprise's unified social credit code; it must be in the registry
 * @param year    the application year: the figures read ({@code last_year} is the year before) and the
 *                year the caps per year count in
 * @param date    the application date, whose rule computes the amount; today when {@code null}
 * @param profile the facts as the calculator takes them ({@code {"facts": {...}, "yearly": {...}}});
 *                {@code null} to read the enterprise's facts from the registry
 */
public record Application(String uscc, String policyId, String clauseId, Integer year, LocalDate date,
		Map<String, Object> profile, Long projectId) {

	/** An application for a clause that pays an enterprise (most do): no project. */
	public Application(String uscc, String policyId, String clauseId, Integer year, LocalDate date,
			Map<String, Object> profile) {
		this(uscc, policyId, clauseId, year, date, profile, null);
	}

}
