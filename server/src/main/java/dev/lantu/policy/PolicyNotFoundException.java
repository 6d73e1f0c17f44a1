package dev.lantu.policy;

/** No policy of the loaded dataset has this id. */
public class PolicyNotFoundException extends RuntimeException {

	public PolicyNotFoundException(String id) {
		super("no policy with the id '" + id + "'");
	}

}
