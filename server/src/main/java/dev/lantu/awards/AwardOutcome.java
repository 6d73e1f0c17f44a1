package dev.lantu.awards;

/**
 * What a change of the ledger gave: the award as it stood right after it, and the history entry it made.
 *
 * @param replayed true when the request repeated an idempotency key already used: nothing changed now,
 *                 and this is the first request's result
 */
public record AwardOutcome(Award award, AwardEvent event, boolean replayed) {
}
