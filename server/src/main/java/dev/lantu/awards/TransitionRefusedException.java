package dev.lantu.awards;

import java.util.Set;
import java.util.stream.Collectors;

/** A change of state the award's current state does not allow (approving a rejected award, say). Nothing changed. */
public class TransitionRefusedException extends RuntimeException {

	private final long awardId;

	private final AwardState from;

	private final AwardState to;

	public TransitionRefusedException(long awardId, AwardState from, AwardState to) {
		super("award " + awardId + " is " + from + " and cannot become " + to + "; from " + from + " it can only become "
				+ describe(from.next()));
		this.awardId = awardId;
		this.from = from;
		this.to = to;
	}

	private static String describe(Set<AwardState> next) {
		return next.isEmpty() ? "nothing (it is closed)"
				: next.stream().map(AwardState::name).sorted().collect(Collectors.joining(" or "));
	}

	public long awardId() {
		return awardId;
	}

	public AwardState from() {
		return from;
	}

	public AwardState to() {
		return to;
	}

}
