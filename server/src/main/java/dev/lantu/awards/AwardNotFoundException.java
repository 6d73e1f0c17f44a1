package dev.lantu.awards;

/** The ledger has no award with this id. */
public class AwardNotFoundException extends RuntimeException {

	public AwardNotFoundException(long id) {
		super("no award with the id " + id);
	}

}
