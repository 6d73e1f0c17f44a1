package dev.lantu.accounts;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Who is calling, for services to decide. Every web request carries an authentication (an account's, or the
 * anonymous one Spring Security sets), so a thread without any is in-process work: the command line, start-up,
 * or a background job that a permitted request started (such jobs carry their starter's context; see
 * {@link #carry(Runnable)}). That is the system.
 */
public final class Access {

	private Access() {
	}

	public static Caller caller() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null) {
			return Caller.SYSTEM;
		}
		return authentication.getPrincipal() instanceof Caller caller ? caller : Caller.ANONYMOUS;
	}

	/**
	 * Refuses unless {@code allowed}: a visitor is then asked to sign in (401, or the login page), an account is
	 * told it may not (403). {@code what} says what was refused, for the log and the problem detail.
	 */
	public static void require(boolean allowed, String what) {
		if (!allowed) {
			throw new AccessDeniedException(caller() + " may not " + what);
		}
	}

	/** The caller's context, carried to another thread: background work runs as whoever started it. */
	public static Runnable carry(Runnable work) {
		var context = SecurityContextHolder.getContext();
		return () -> {
			var previous = SecurityContextHolder.getContext();
			SecurityContextHolder.setContext(context);
			try {
				work.run();
			}
			finally {
				SecurityContextHolder.setContext(previous);
			}
		};
	}

}
