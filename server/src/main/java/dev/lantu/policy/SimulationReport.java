package dev.lantu.policy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import dev.lantu.engine.policy.Delivery;

/**
 * A policy's cost over the registry against its budget, as it stands and, when overrides were given, as it would
 * be with them (what-if). Amounts are exact, after every clause cap, exclusive subject and cap above the clause.
 *
 * @param overrides  the what-if changes as understood, by key; empty for none
 * @param evaluated  the enterprises evaluated (those in operation)
 * @param synthetic  whether the registry holds synthetic enterprises (合成数据), so the figures are not real
 * @param whatIf     the cost with the overrides; null when none were given
 */
public record SimulationReport(String policyId, String titleZh, boolean inForce, int year, LocalDate date,
		EvaluationPath path, Map<String, String> overrides, long evaluated, boolean synthetic, boolean illustrative,
		Cost baseline, Cost whatIf) {

	/** The difference the overrides make to the cost; null without overrides. */
	public Amount change() {
		return whatIf == null ? null : Amount.of(whatIf.cost().fen() - baseline.cost().fen());
	}

	/**
	 * What the policy costs.
	 *
	 * @param budget         the policy's budget; null when it states none
	 * @param payees         enterprises paid something
	 * @param undetermined   enterprises with a clause still undetermined, whose payments are not counted
	 * @param possible       what those undetermined clauses would add if eligible, before the rules above the clause
	 * @param overBudget     by how much the cost exceeds the budget; null when within it or without a budget
	 * @param byTrack        by track; an enterprise in several tracks counts in each, so these overlap
	 */
	public record Cost(Amount budget, Amount cost, long payees, long undetermined, Amount possible, Amount overBudget,
			List<Share> byDistrict, List<Share> byTrack, List<ClauseCost> byClause) {

		public boolean budgetExceeded() {
			return overBudget != null;
		}

		/** The cost as a share of the budget, in percent with one decimal; null without a budget. */
		public String budgetUsed() {
			if (budget == null || budget.fen() == 0) {
				return null;
			}
			return java.math.BigDecimal.valueOf(cost.fen()).multiply(java.math.BigDecimal.valueOf(100))
				.divide(java.math.BigDecimal.valueOf(budget.fen()), 1, java.math.RoundingMode.HALF_UP).toPlainString() + "%";
		}

	}

	/**
	 * A part of the cost.
	 *
	 * @param key   a district code, a track id, or {@link #UNCLASSIFIED} / {@link #NO_TRACK}
	 */
	public record Share(String key, String label, long payees, Amount cost) {

		/** Enterprises not classified into tracks: their tracks are unknown. */
		public static final String UNCLASSIFIED = "unclassified";

		/** Enterprises classified into no track. */
		public static final String NO_TRACK = "none";

	}

	/**
	 * One clause's part.
	 *
	 * @param eligible     enterprises the clause is eligible for
	 * @param undetermined enterprises it is undetermined for
	 * @param paid         enterprises it pays something after every rule
	 * @param possible     what it would pay the undetermined ones if eligible
	 */
	public record ClauseCost(String id, String title, Delivery delivery, boolean illustrative, long eligible,
			long undetermined, long paid, Amount cost, Amount possible) {

		public boolean proactive() {
			return delivery == Delivery.WITHOUT_APPLICATION;
		}

	}

}
