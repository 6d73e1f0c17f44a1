package dev.lantu.accounts;

import java.time.OffsetDateTime;

/** One write, as the audit log keeps it: before and after as JSON (null before a creation, after a deletion). */
public record AuditEntry(long id, OffsetDateTime recordedAt, String actor, String actorRole, String remoteAddress,
		String action, String entityType, String entityId, String district, String before, String after) {
}
