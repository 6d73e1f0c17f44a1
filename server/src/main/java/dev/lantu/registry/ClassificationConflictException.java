package dev.lantu.registry;

/**
 * A re-classification that cannot be applied as asked: the rule set is not pending, was never previewed, or
 * the registry, the atlas or the applied rules changed since its preview. Nothing changed.
 */
public class ClassificationConflictException extends RuntimeException {

	private final long ruleSetId;

	public ClassificationConflictException(long ruleSetId, String reason) {
		super("rule set " + ruleSetId + ": " + reason);
		this.ruleSetId = ruleSetId;
	}

	public long ruleSetId() {
		return ruleSetId;
	}

}
