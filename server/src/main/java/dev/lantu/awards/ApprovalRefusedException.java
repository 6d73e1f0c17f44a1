package dev.lantu.awards;

import java.util.List;
import java.util.stream.Collectors;

import dev.lantu.policy.Amount;

/**
 * An approval that would break a cap, the exclusive-subject rule or the budget. Nothing changed; the
 * refusal names every rule in the way and the most that can be approved now.
 */
public class ApprovalRefusedException extends RuntimeException {

	private final long awardId;

	private final Long requestedFen;

	private final Headroom headroom;

	public ApprovalRefusedException(long awardId, Long requestedFen, Headroom headroom) {
		super(message(awardId, requestedFen, headroom));
		this.awardId = awardId;
		this.requestedFen = requestedFen;
		this.headroom = headroom;
	}

	private static String message(long awardId, Long requestedFen, Headroom headroom) {
		long max = headroom.maxFen();
		List<Limit> binding = headroom.binding(requestedFen == null ? 1 : requestedFen);
		String rules = binding.stream().map(Limit::explanation).collect(Collectors.joining("; "));
		String asked = requestedFen == null ? "" : " for " + Amount.of(requestedFen).text();
		return "award " + awardId + " cannot be approved" + asked + ": " + rules + "; "
				+ (max == 0 ? "nothing can be approved" : "at most " + Amount.of(max).text() + " can be approved");
	}

	public long awardId() {
		return awardId;
	}

	/** {@code null} when the request asked for the most the rules allow. */
	public Long requestedFen() {
		return requestedFen;
	}

	public Headroom headroom() {
		return headroom;
	}

	/** The rules in the way. */
	public List<Limit> binding() {
		return headroom.binding(requestedFen == null ? 1 : requestedFen);
	}

}
