package dev.lantu.awards;

import java.time.OffsetDateTime;

/**
 * An entry of an award's history: a change of state, who made it, when and why. Append-only.
 *
 * @param fromState    {@code null} for the entry that created the award
 * @param amountFen    the award's approved amount after this entry
 * @param awardVersion the award's version after this entry
 */
public record AwardEvent(long id, long awardId, int awardVersion, AwardState fromState, AwardState toState,
		Long amountFen, String reason, String recordedBy, OffsetDateTime recordedAt) {
}
