package dev.lantu.accounts;

import java.time.OffsetDateTime;

/** An account as administrators see it; never its password hash. */
public record Account(long id, String username, String displayName, Role role, String district, String issuer,
		String uscc, boolean disabled, int failedLogins, OffsetDateTime lockedUntil, String createdBy,
		OffsetDateTime createdAt) {

	public boolean lockedAt(OffsetDateTime moment) {
		return lockedUntil != null && lockedUntil.isAfter(moment);
	}

	/** What the account is bound to: its district, issuer or enterprise; null for an administrator. */
	public String binding() {
		return switch (role) {
			case CITY_ADMIN -> null;
			case DISTRICT_OFFICER -> district;
			case POLICY_OFFICER -> issuer;
			case ENTERPRISE_USER -> uscc;
		};
	}

}
