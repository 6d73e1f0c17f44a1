package dev.lantu.policy;

import java.time.LocalDate;
import java.util.List;

import dev.lantu.engine.policy.Assessment;
import dev.lantu.engine.policy.Delivery;
import dev.lantu.engine.policy.Reduction;

/**
 * What the policies of the loaded dataset mean for one enterprise in one application year: per policy
 * and clause whether it qualifies, how much before and after the caps and exclusions, why or why not,
 * and which facts would decide what is still undetermined.
 *
 * @param total    what is due from the clauses whose eligibility and amount are both known
 * @param possible the total plus what the undetermined clauses would pay, as far as known: an upper
 *                 reading before caps, since undetermined clauses are neither cut nor excluded yet
 * @param complete whether no clause is undetermined, so the total cannot grow
 * @param missing  the facts that would decide the undetermined clauses, each with the clauses it decides
 */
public record CalculationReport(int year, LocalDate date, Amount total, Amount possible, boolean complete,
		List<PolicyResult> policies, List<MissingFact> missing) {

	public CalculationReport {
		policies = List.copyOf(policies);
		missing = List.copyOf(missing);
	}

	/**
	 * One policy's part.
	 *
	 * @param inForce whether the application date falls in its period; when not, no clause is assessed
	 */
	public record PolicyResult(String id, int version, String titleZh, String titleEn, String issuer,
			String documentNumber, LocalDate effectiveFrom, LocalDate effectiveTo, String sourceTitle, String sourceUrl,
			String sourceCitation, String sourceConfidence, Amount capPerEnterprisePerYear, boolean inForce,
			Amount total, List<ClauseResult> clauses) {

		public PolicyResult {
			clauses = List.copyOf(clauses);
		}

		public boolean anyIllustrative() {
			return clauses.stream().anyMatch(ClauseResult::illustrative);
		}

	}

	/**
	 * One clause's part.
	 *
	 * @param computed    the award as its formula gives it, before any cap; {@code null} when not known
	 * @param entitlement what the clause alone gives after its own cap; for an undetermined clause, what it
	 *                    would give; {@code null} when not known
	 * @param paid        what is paid after exclusive subjects and the policy's and issuer's caps;
	 *                    {@code null} while undetermined or failed
	 * @param reductions  every cut in the order applied, the clause's own cap first
	 * @param reasons     the conditions that decide the eligibility: why it holds, why not, or what is unknown
	 * @param eligibility the eligibility's trace, one step a line, indented by depth
	 * @param award       the award's trace; empty when the award was not computed
	 * @param error       why the assessment failed; {@code null} otherwise
	 */
	public record ClauseResult(String id, String title, String subject, Assessment.Status status, Amount computed,
			Amount entitlement, Amount paid, List<Cut> reductions, List<Reason> reasons, List<String> eligibility,
			List<String> award, List<MissingFact> missing, boolean illustrative, String note, String sourceParagraph,
			Delivery delivery, String error) {

		public ClauseResult {
			reductions = List.copyOf(reductions);
			reasons = List.copyOf(reasons);
			eligibility = List.copyOf(eligibility);
			award = List.copyOf(award);
			missing = List.copyOf(missing);
		}

	}

	/**
	 * Where a rule above the clause, or the clause's own cap, cut what it pays.
	 *
	 * @param code        a message key for the explanation, such as {@code reduction.policy-cap}
	 * @param arguments   the values the explanation names, amounts written as {@link Amount#text()}
	 * @param explanation the reason in English
	 */
	public record Cut(Reduction.Kind kind, Amount before, Amount after, String code, List<String> arguments,
			String explanation) {

		public Cut {
			arguments = List.copyOf(arguments);
		}

		static Cut of(Reduction reduction) {
			return new Cut(reduction.kind(), Amount.of(reduction.beforeFen()), Amount.of(reduction.afterFen()),
					reduction.code(), reduction.arguments().stream().map(Amount::rewrite).toList(),
					reduction.explanation());
		}

	}

	/**
	 * A condition that decides a clause's eligibility, with what it rests on.
	 *
	 * @param condition the condition as the policy writes it
	 * @param holds     true, false or unknown
	 * @param grounds   the facts read and the parameters used
	 */
	public record Reason(String condition, String holds, List<Ground> grounds) {

		public Reason {
			grounds = List.copyOf(grounds);
		}

	}

	/**
	 * A fact or a parameter a condition rests on.
	 *
	 * @param name      the variable or parameter, with the year for a yearly fact: {@code revenue[2024]}
	 * @param label     what it is in words, from the schema or the parameter's description
	 * @param value     what was read or used; "unknown" when the profile lacks it
	 * @param reference for a parameter, its legal reference and the date it is in force from
	 */
	public record Ground(String name, String label, String value, String reference, boolean parameter) {
	}

	/**
	 * A fact that would decide undetermined clauses.
	 *
	 * @param name    the fact as the clauses read it: {@code revenue[2024]}, or the variable for a static one
	 * @param year    the year of a yearly variable; {@code null} for a static one
	 * @param clauses the clauses it decides, as {@code policy/clause}
	 */
	public record MissingFact(String name, String variable, Integer year, String description, String unit,
			String type, List<String> clauses) {

		public MissingFact {
			clauses = List.copyOf(clauses);
		}

	}

}
