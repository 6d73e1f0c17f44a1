package dev.lantu.projects;

/** A stage entry the history cannot take: an impossible move or a date out of order. Nothing changed. */
public class StageRefusedException extends RuntimeException {

	public StageRefusedException(String reason) {
		super(reason);
	}

}
