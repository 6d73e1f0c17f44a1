package dev.lantu.awards;

/**
 * An idempotency key already used for a different request (another operation, award or body). Nothing
 * changed: a key names one request, and its retries must repeat it exactly.
 */
public class IdempotencyKeyReusedException extends RuntimeException {

	private final String key;

	public IdempotencyKeyReusedException(String key, String firstOperation, long firstAwardId) {
		super("the idempotency key '" + key + "' was already used for another request (" + firstOperation + " of award "
				+ firstAwardId + "); a retry must repeat that request exactly, a new request needs a new key");
		this.key = key;
	}

	public String key() {
		return key;
	}

}
