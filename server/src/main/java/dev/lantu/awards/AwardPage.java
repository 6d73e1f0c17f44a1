package dev.lantu.awards;

import java.util.List;

/** A page of the ledger, newest first, and how many awards match in all. */
public record AwardPage(List<Award> awards, long total, int page, int size) {

	public AwardPage {
		awards = List.copyOf(awards);
	}

}
