package dev.lantu.awards;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * Where an award stands. An enterprise's application starts at {@link #APPLIED}; a proactive award
 * (免申即享) starts {@link #UNDER_REVIEW}, since nobody applied. Approved and disbursed awards are
 * <em>live</em>: they count against every cap and the budget until clawed back.
 *
 * <pre>
 * APPLIED → UNDER_REVIEW → APPROVED → DISBURSED
 *    ↘          ↘            ↘          ↘
 *     REJECTED   REJECTED     CLAWED_BACK CLAWED_BACK
 * </pre>
 */
public enum AwardState {

	APPLIED, UNDER_REVIEW, APPROVED, DISBURSED, REJECTED, CLAWED_BACK;

	/** Whether the award's amount counts against the caps and the budget. */
	public boolean live() {
		return this == APPROVED || this == DISBURSED;
	}

	/** Whether nothing can happen to it any more. */
	public boolean closed() {
		return this == REJECTED || this == CLAWED_BACK;
	}

	/** The states an award in this one may move to. */
	public Set<AwardState> next() {
		return switch (this) {
			case APPLIED -> EnumSet.of(UNDER_REVIEW, REJECTED);
			case UNDER_REVIEW -> EnumSet.of(APPROVED, REJECTED);
			case APPROVED -> EnumSet.of(DISBURSED, CLAWED_BACK);
			case DISBURSED -> EnumSet.of(CLAWED_BACK);
			case REJECTED, CLAWED_BACK -> EnumSet.noneOf(AwardState.class);
		};
	}

	public boolean mayMoveTo(AwardState to) {
		return next().contains(to);
	}

	/** A state by its name, in any case: {@code approved}, {@code UNDER_REVIEW}. */
	public static Optional<AwardState> parse(String text) {
		if (text == null) {
			return Optional.empty();
		}
		String name = text.strip().toUpperCase().replace('-', '_').replace(' ', '_');
		return Arrays.stream(values()).filter(s -> s.name().equals(name)).findFirst();
	}

}
