package dev.lantu.accounts;

import java.time.OffsetDateTime;

/** Which audit entries to read; every criterion is optional. */
public record AuditFilter(String actor, String action, String entityType, String entityId, String district,
		OffsetDateTime from, OffsetDateTime to) {

	public static final AuditFilter ALL = new AuditFilter(null, null, null, null, null, null, null);

}
