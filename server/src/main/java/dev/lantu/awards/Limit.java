package dev.lantu.awards;

import dev.lantu.policy.Amount;

/**
 * One rule an approval must respect, with what is already used of it by the live (approved and not
 * clawed back) awards it covers. docs/awards.md states the rules.
 *
 * @param scope  what the rule covers: the clause, the subject, the policy, the issuer
 * @param capFen the most the rule lets the awards it covers add up to
 * @param usedFen what the live awards it covers add up to now
 */
public record Limit(Kind kind, String scope, long capFen, long usedFen) {

	public enum Kind {
		/** The clause's entitlement, computed by the engine, across the enterprise's awards on that clause that year. */
		CLAUSE,
		/** 就高不重复: on one subject an enterprise is paid, in a year, at most the entitlement of the clause approved. */
		EXCLUSIVE_SUBJECT,
		/** The policy's cap per enterprise per year. */
		POLICY_CAP,
		/** The issuer's cap per enterprise per year, across all its policies. */
		ISSUER_CAP,
		/** The policy's budget, across all enterprises and years. */
		BUDGET
	}

	/** What can still be approved under this rule; never below zero. */
	public long remainingFen() {
		return Math.max(0, capFen - usedFen);
	}

	/** The rule in English, with its figures. */
	public String explanation() {
		String cap = Amount.of(capFen).text();
		String used = Amount.of(usedFen).text();
		return switch (kind) {
			case CLAUSE -> "the clause " + scope + " entitles the enterprise to " + cap + " this year, of which " + used
					+ " is already approved";
			case EXCLUSIVE_SUBJECT -> "only the highest award on the subject " + scope + " is paid (就高不重复): this clause "
					+ "entitles to " + cap + " and " + used + " is already approved on the subject for this enterprise and year";
			case POLICY_CAP -> "the policy's cap of " + cap + " per enterprise per year, of which " + used + " is approved";
			case ISSUER_CAP -> "the cap of " + cap + " per enterprise per year on all policies of " + scope + ", of which "
					+ used + " is approved";
			case BUDGET -> "the budget of " + cap + " of the policy " + scope + ", of which " + used + " is approved";
		};
	}

}
