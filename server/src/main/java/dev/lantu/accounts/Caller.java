package dev.lantu.accounts;

import java.io.Serializable;
import java.security.Principal;
import java.util.Objects;

/**
 * Who is calling: a signed-in account (by form login or API token), an anonymous visitor, or the system itself
 * (the command line, start-up, background work a permitted request started). Services decide with it; it is
 * also the principal kept in the session, hence serialisable and small.
 *
 * @param username the account's username; "anonymous" or "system" otherwise
 * @param displayName how the account is shown (a person's or an office's name)
 * @param role null unless an account
 * @param district the district officer's GB/T 2260 code, else null
 * @param issuer the policy officer's issuer, else null
 * @param uscc the enterprise user's USCC, else null
 */
public record Caller(Kind kind, String username, String displayName, Role role, String district, String issuer,
		String uscc) implements Serializable, Principal {

	public enum Kind {
		ACCOUNT, ANONYMOUS, SYSTEM
	}

	public static final Caller ANONYMOUS = new Caller(Kind.ANONYMOUS, "anonymous", "anonymous", null, null, null, null);

	public static final Caller SYSTEM = new Caller(Kind.SYSTEM, "system", "system", null, null, null, null);

	public Caller {
		Objects.requireNonNull(kind);
		Objects.requireNonNull(username);
	}

	public static Caller of(Account account) {
		return new Caller(Kind.ACCOUNT, account.username(), account.displayName(), account.role(), account.district(),
				account.issuer(), account.uscc());
	}

	public boolean isSignedIn() {
		return kind == Kind.ACCOUNT;
	}

	/** The city administrator, or the system acting on its own behalf. */
	public boolean isAdministrator() {
		return kind == Kind.SYSTEM || role == Role.CITY_ADMIN;
	}

	public boolean is(Role candidate) {
		return kind == Kind.ACCOUNT && role == candidate;
	}

	/** May change (and read the non-public data of) what belongs to this district. */
	public boolean managesDistrict(String districtCode) {
		return isAdministrator() || (is(Role.DISTRICT_OFFICER) && district.equals(districtCode));
	}

	/** Acts for this issuer's policies: simulation, matches, review and approval of their awards. */
	public boolean actsForIssuer(String issuerName) {
		return isAdministrator() || (is(Role.POLICY_OFFICER) && issuer.equals(issuerName));
	}

	/** Is this enterprise's own account. */
	public boolean isEnterprise(String enterpriseUscc) {
		return is(Role.ENTERPRISE_USER) && uscc.equalsIgnoreCase(enterpriseUscc);
	}

	/** May read an enterprise's non-public data: the administrator, its district's officer, itself. */
	public boolean mayReadEnterprise(String enterpriseUscc, String enterpriseDistrict) {
		return managesDistrict(enterpriseDistrict) || isEnterprise(enterpriseUscc);
	}

	/** Any role that works for government (not an enterprise, not a visitor). */
	public boolean isOfficial() {
		return isAdministrator() || is(Role.DISTRICT_OFFICER) || is(Role.POLICY_OFFICER);
	}

	/** The username: what sessions are indexed by, so an account's sessions can be ended. */
	@Override
	public String getName() {
		return username;
	}

	@Override
	public String toString() {
		return role == null ? username : username + " (" + role + ")";
	}

}
