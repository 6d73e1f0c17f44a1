package dev.lantu.projects;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The stages of an investment project, in pipeline order, and 终止 (terminated) which any open stage
 * may end in. The names are the ones officials use, so imports can say 签约 or SIGNED.
 */
public enum Stage {

	NEGOTIATING("洽谈", 180), SIGNED("签约", 180), REGISTERED("注册", 180), CONSTRUCTION_STARTED("动工", 730),
	COMPLETED("竣工", 180), IN_PRODUCTION("投产", 730), AT_CAPACITY("达产", 0), TERMINATED("终止", 0);

	private final String zh;

	private final int stalledAfterDays;

	Stage(String zh, int stalledAfterDays) {
		this.zh = zh;
		this.stalledAfterDays = stalledAfterDays;
	}

	/**
	 * How long a project may stay in this stage before the board calls it stalled: half a year for
	 * the paperwork stages, two years for building and for ramping up to capacity; never for closed ones.
	 */
	public int stalledAfterDays() {
		return stalledAfterDays;
	}

	public String zh() {
		return zh;
	}

	/** The stages of the pipeline proper, without 终止. */
	public static List<Stage> pipeline() {
		return Arrays.stream(values()).filter(s -> s != TERMINATED).toList();
	}

	/** No stage follows: the project reached design capacity or was terminated. */
	public boolean closed() {
		return this == AT_CAPACITY || this == TERMINATED;
	}

	/** Reads a stage as written in an import or a request: 签约, SIGNED or signed. */
	public static Optional<Stage> parse(String text) {
		if (text == null) {
			return Optional.empty();
		}
		String t = text.strip();
		return Arrays.stream(values()).filter(s -> s.name().equalsIgnoreCase(t) || s.zh.equals(t)).findFirst();
	}

	/**
	 * Why a project at this stage cannot move to {@code next}, or empty when it can. A project moves
	 * forward, possibly past stages whose dates nobody recorded, or ends in 终止 from any open stage.
	 */
	public Optional<Refusal> refusalOfMoveTo(Stage next) {
		if (closed()) {
			return Optional.of(Refusal.of("stage.closed", "the project is " + name() + " (" + zh + "); no stage follows it",
					name()));
		}
		if (next == TERMINATED) {
			return Optional.empty();
		}
		if (next == this) {
			return Optional.of(Refusal.of("stage.same", "the project is already " + name() + " (" + zh + ")", name()));
		}
		if (next.ordinal() < ordinal()) {
			return Optional.of(Refusal.of("stage.backwards", "a project does not go back from " + name() + " (" + zh
					+ ") to " + next.name() + " (" + next.zh + "); if an entry was a mistake, correct it", name(), next.name()));
		}
		return Optional.empty();
	}

	/** The stages a move from this one to {@code next} passes without a recorded date. */
	public List<Stage> skippedOnMoveTo(Stage next) {
		if (next == TERMINATED || next.ordinal() <= ordinal()) {
			return List.of();
		}
		return pipeline().subList(ordinal() + 1, next.ordinal());
	}

}
