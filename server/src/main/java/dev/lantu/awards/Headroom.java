package dev.lantu.awards;

import java.util.List;

/**
 * Every rule that binds an approval of one award, as things stand: the most that can be approved is the
 * least that any of them leaves.
 */
public record Headroom(long awardId, List<Limit> limits) {

	public Headroom {
		limits = List.copyOf(limits);
	}

	/** The most that can be approved now; 0 when nothing can. */
	public long maxFen() {
		return limits.stream().mapToLong(Limit::remainingFen).min().orElse(0);
	}

	/** The rules that leave no more than {@code fen}: the ones that stop an approval of more. */
	public List<Limit> binding(long fen) {
		return limits.stream().filter(limit -> limit.remainingFen() < fen || limit.remainingFen() == maxFen()).toList();
	}

}
