package dev.lantu.accounts;

import java.util.Locale;
import java.util.Optional;

/** What an account is for; each binds it to one district, issuer or enterprise, except the administrator's. */
public enum Role {

	/** everything, including accounts, datasets and the audit log */
	CITY_ADMIN,
	/** their district's projects, enterprises' non-public data and applications */
	DISTRICT_OFFICER,
	/** their issuer's policies: simulation, matches, review and approval of awards */
	POLICY_OFFICER,
	/** their enterprise's data, calculator results and applications */
	ENTERPRISE_USER;

	public static Optional<Role> parse(String text) {
		if (text == null) {
			return Optional.empty();
		}
		try {
			return Optional.of(valueOf(text.strip().toUpperCase(Locale.ROOT).replace('-', '_')));
		}
		catch (IllegalArgumentException e) {
			return Optional.empty();
		}
	}

}
