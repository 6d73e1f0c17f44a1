package dev.lantu.projects;

import java.time.OffsetDateTime;

/** Fixed-asset investment a project actually made in a year, in fen. */
public record Investment(int year, long amountFen, String note, String recordedBy, OffsetDateTime recordedAt) {
}
