package dev.lantu.projects;

/** A stage entry the history cannot take: an impossible move or a date out of order. Nothing changed. */
public class StageRefusedException extends RuntimeException {

	private final Refusal refusal;

	public StageRefusedException(Refusal refusal) {
		super(refusal.english());
		this.refusal = refusal;
	}

	public Refusal refusal() {
		return refusal;
	}

}
