package dev.lantu.policy;

import java.time.LocalDate;
import java.util.List;

import dev.lantu.engine.policy.Assessment;
import dev.lantu.engine.policy.Delivery;

/**
 * The enterprises of the registry a policy pays or may pay (免申即享 when its clauses need no application):
 * first those with an eligible clause, most paid first, then those whose eligibility is undetermined, with the
 * facts that would decide. One page of them.
 *
 * @param evaluated    the enterprises of the registry evaluated (those in operation)
 * @param eligible     enterprises with at least one eligible clause (in the district asked, if any)
 * @param undetermined enterprises with no eligible clause but one still undetermined
 * @param paid         what the policy pays the eligible ones together, after caps and exclusions
 * @param total        the enterprises listed over all pages
 */
public record MatchReport(String policyId, String titleZh, boolean inForce, int year, LocalDate date, EvaluationPath path,
		String district, long evaluated, long eligible, long undetermined, Amount paid, long total, int page, int size,
		List<ClauseInfo> clauses, List<Match> matches) {

	public MatchReport {
		clauses = List.copyOf(clauses);
		matches = List.copyOf(matches);
	}

	/** Whether a listed enterprise is synthetic (合成数据). */
	public boolean anySynthetic() {
		return matches.stream().anyMatch(Match::synthetic);
	}

	public int pages() {
		return (int) ((total + size - 1) / size);
	}

	/** A clause of the policy as the list's columns show it. */
	public record ClauseInfo(String id, String title, Delivery delivery, boolean illustrative) {

		public boolean proactive() {
			return delivery == Delivery.WITHOUT_APPLICATION;
		}

	}

	/**
	 * One enterprise.
	 *
	 * @param paid     what the policy pays it after every rule, from its determined clauses
	 * @param possible what its undetermined clauses would add, before the rules above the clause
	 * @param missing  the facts that would decide its undetermined clauses, such as {@code compute_purchases[2024]}
	 */
	public record Match(String uscc, String name, String district, boolean synthetic, boolean eligible, Amount paid,
			Amount possible, List<ClauseMatch> clauses, List<String> missing) {

		public Match {
			clauses = List.copyOf(clauses);
			missing = List.copyOf(missing);
		}

		/** Whether it is paid, with no application, by a clause that needs none (免申即享). */
		public boolean proactive() {
			return clauses.stream().anyMatch(c -> c.proactive() && c.status() == Assessment.Status.ELIGIBLE);
		}

	}

	/**
	 * One clause for one enterprise.
	 *
	 * @param award what the clause gives after its own cap (for an undetermined clause, what it would give)
	 * @param paid  what it pays after exclusive subjects and the caps above it; null when not determined
	 */
	public record ClauseMatch(String id, Assessment.Status status, Amount award, Amount paid, boolean proactive) {
	}

}
