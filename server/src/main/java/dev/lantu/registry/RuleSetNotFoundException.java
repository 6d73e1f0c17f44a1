package dev.lantu.registry;

/** No classification rule set has this id. */
public class RuleSetNotFoundException extends RuntimeException {

	public RuleSetNotFoundException(long id) {
		super("no classification rule set " + id);
	}

}
