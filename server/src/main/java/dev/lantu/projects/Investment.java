package dev.lantu.projects;

import java.time.OffsetDateTime;

/** Fixed-asset investment a project actually made in a year, in fen. */
public record Investment(int year, long amountFen, String note, String recordedBy, OffsetDateTime recordedAt) {

	/** One change of a year's amount: what it was (null when first recorded), what it became, who, when. */
	public record Change(int year, Long oldAmountFen, long newAmountFen, String recordedBy, OffsetDateTime recordedAt) {
	}

}
