package dev.lantu.accounts;

import java.time.OffsetDateTime;

/** An API token as its owner and administrators see it: never its secret. */
public record ApiToken(long id, long accountId, String username, String name, String prefix, TokenScope scope,
		OffsetDateTime createdAt, OffsetDateTime expiresAt, OffsetDateTime revokedAt, OffsetDateTime lastUsedAt) {

	public boolean validAt(OffsetDateTime moment) {
		return revokedAt == null && expiresAt.isAfter(moment);
	}

}
