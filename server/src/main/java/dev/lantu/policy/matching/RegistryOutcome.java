package dev.lantu.policy.matching;

import java.util.Set;

import dev.lantu.engine.policy.AboveClauseRules;
import dev.lantu.engine.policy.Assessment;

/**
 * One enterprise's results under every policy of a run, clause by clause, clauses numbered across the
 * policies in the run's order ({@link RegistryEvaluation.Run#firstClause}).
 *
 * @param district the enterprise's district (GB/T 2260)
 * @param tracks   its tracks; null when it is not classified (unknown)
 * @param status   each clause on its own; null where the clause's policy is not in force
 * @param award    each clause's award after its own cap, before the rules above it; null where unknown
 * @param paid     what each clause pays after every rule; {@link AboveClauseRules#NOT_TAKING_PART} where not determined
 */
public record RegistryOutcome(String uscc, String district, Set<String> tracks, Assessment.Status[] status, Long[] award,
		long[] paid) {

	/** What the clause pays; 0 when not determined. */
	public long paidFen(int clause) {
		return paid[clause] == AboveClauseRules.NOT_TAKING_PART ? 0 : paid[clause];
	}

	public boolean determined(int clause) {
		return paid[clause] != AboveClauseRules.NOT_TAKING_PART;
	}

}
