package dev.lantu.registry;

import dev.lantu.accounts.Access;
import dev.lantu.accounts.Caller;
import dev.lantu.accounts.Role;

/**
 * Who may read what of the registry (docs/accounts.md). The registry is not public: officials read it (the
 * administrator all of it, a district officer their district's enterprises, a policy officer any enterprise, read
 * only, since matching and award review need them), an enterprise user its own enterprise. Registry membership is
 * not secret to officials, so an enterprise that is not the caller's is refused (403), not hidden.
 */
public final class RegistryAccess {

	private RegistryAccess() {
	}

	/** Anyone with an account (and the system): the registry's lists are then filtered to what they may see. */
	public static Caller requireReader(String what) {
		Caller caller = Access.caller();
		Access.require(caller.isOfficial() || caller.is(Role.ENTERPRISE_USER), what);
		return caller;
	}

	/** May read this enterprise's record, figures, facts and tracks. */
	public static boolean mayRead(Caller caller, String uscc, String district) {
		return caller.mayReadEnterprise(uscc, district) || caller.is(Role.POLICY_OFFICER);
	}

	/**
	 * Refuses, before looking the (canonical) USCC up, what the caller may never read whatever the registry holds:
	 * an anonymous visitor anything, an enterprise user any other enterprise (so it can't probe the registry).
	 */
	static Caller requireMayAsk(String uscc) {
		Caller caller = requireReader("read the enterprise " + uscc);
		if (caller.is(Role.ENTERPRISE_USER)) {
			Access.require(caller.isEnterprise(uscc), "read the enterprise " + uscc);
		}
		return caller;
	}

	static void requireMayRead(Caller caller, Enterprise enterprise) {
		Access.require(mayRead(caller, enterprise.uscc(), enterprise.districtCode()),
				"read the enterprise " + enterprise.uscc() + " of district " + enterprise.districtCode());
	}

	/** The filter narrowed to what the caller may list: their district's, or their own enterprise. */
	static EnterpriseFilter scoped(Caller caller, EnterpriseFilter filter) {
		if (caller.is(Role.DISTRICT_OFFICER)) {
			return filter.within(caller.district(), null);
		}
		if (caller.is(Role.ENTERPRISE_USER)) {
			return filter.within(null, caller.uscc());
		}
		return filter;
	}

	/** The city administrator or a district officer (for their district's rows) imports enterprises. */
	public static boolean mayImport(Caller caller) {
		return caller.isAdministrator() || caller.is(Role.DISTRICT_OFFICER);
	}

}
