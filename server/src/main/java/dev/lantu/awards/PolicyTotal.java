package dev.lantu.awards;

/**
 * One policy's awards against its budget.
 *
 * @param liveFen        approved and not clawed back, among the awards listed
 * @param disbursedFen   of which disbursed
 * @param clawedBackFen  approved, then clawed back
 * @param pending        awards applied for or under review
 * @param budgetFen      the policy's budget; {@code null} when it states none
 * @param budgetUsedFen  approved and not clawed back across the whole policy (every district and year): what
 *                       the budget is checked against
 */
public record PolicyTotal(String policyId, String titleZh, String titleEn, long awards, long pending, long liveFen,
		long disbursedFen, long clawedBackFen, Long budgetFen, long budgetUsedFen) {

	/** What is left of the budget; {@code null} when the policy states none. */
	public Long budgetLeftFen() {
		return budgetFen == null ? null : budgetFen - budgetUsedFen;
	}

	/** The share of the budget used, in percent (0 to 100), for a bar; {@code null} without a budget. */
	public Integer budgetUsedPercent() {
		if (budgetFen == null || budgetFen == 0) {
			return null;
		}
		return (int) Math.min(100, Math.round(100.0 * budgetUsedFen / budgetFen));
	}

}
