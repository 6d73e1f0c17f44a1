package dev.lantu.awards;

import java.time.LocalDate;
import java.time.OffsetDateTime;

import dev.lantu.engine.policy.Delivery;

/**
 * An award of the ledger: one clause of one policy for one enterprise and one year, from an application
 * or proposed by a policy officer (免申即享).
 *
 * @param subject        the clause's subject for 就高不重复; empty when it competes with none
 * @param awardYear      the application year: the year the caps per enterprise per year count it in
 * @param ruleDate       the date whose rule (parameter values, policy in force) computed the entitlement
 * @param entitlementFen what the engine computed for the clause after its own cap: the most it may be approved for
 * @param amountFen      the approved amount; {@code null} before approval
 * @param basis          where the facts the engine read came from
 * @param profile        those facts, as the calculator's JSON profile
 * @param version        the number of entries in its history
 * @param projectId      the project, for a clause that pays per project; {@code null} otherwise
 */
public record Award(long id, String uscc, String enterpriseName, String districtCode, String policyId,
		int policyVersion, String clauseId, String clauseTitle, String issuer, String subject, int awardYear,
		LocalDate ruleDate, Delivery delivery, AwardState state, long entitlementFen, Long amountFen, Basis basis,
		String profile, int version, String createdBy, OffsetDateTime createdAt, String updatedBy,
		OffsetDateTime updatedAt, Long projectId) {

	/** Where the facts an entitlement was computed on came from. */
	public enum Basis {
		/** The registry's facts about the enterprise, as they stood when it applied. */
		REGISTRY,
		/** A profile given with the application, as the calculator takes it. */
		PROFILE
	}

	/** The amount that counts against the caps and the budget: the approved amount while live, else 0. */
	public long liveFen() {
		return state.live() && amountFen != null ? amountFen : 0;
	}

	/** The award as it stood right after an entry of its history: what a replayed request gets back. */
	public Award asOf(AwardEvent event) {
		return new Award(id, uscc, enterpriseName, districtCode, policyId, policyVersion, clauseId, clauseTitle, issuer,
				subject, awardYear, ruleDate, delivery, event.toState(), entitlementFen, event.amountFen(), basis, profile,
				event.awardVersion(), createdBy, createdAt, event.recordedBy(), event.recordedAt(), projectId);
	}

}
