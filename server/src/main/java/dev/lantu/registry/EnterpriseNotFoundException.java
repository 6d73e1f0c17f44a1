package dev.lantu.registry;

/** No enterprise has this unified social credit code in the registry. */
public class EnterpriseNotFoundException extends RuntimeException {

	public EnterpriseNotFoundException(String uscc) {
		super("no enterprise with the unified social credit code " + uscc + " is in the registry");
	}

}
