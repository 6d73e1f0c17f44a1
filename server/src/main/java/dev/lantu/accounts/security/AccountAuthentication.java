package dev.lantu.accounts.security;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

import dev.lantu.accounts.Account;
import dev.lantu.accounts.Caller;
import dev.lantu.accounts.store.AccountStore;

/**
 * Signs in with username and password. After {@code lantu.security.lockout-failures} wrong passwords in a row the
 * account is locked for {@code lantu.security.lockout}, in the database, so every node sees it; a locked account
 * is refused without looking at the password. An unknown username costs the same bcrypt time as a known one.
 */
@Component
class AccountAuthentication implements AuthenticationProvider {

	private final AccountStore accounts;

	private final PasswordEncoder encoder;

	private final int lockoutFailures;

	private final Duration lockout;

	private final String dummyHash;

	AccountAuthentication(AccountStore accounts, PasswordEncoder encoder,
			@Value("${lantu.security.lockout-failures:5}") int lockoutFailures,
			@Value("${lantu.security.lockout:PT15M}") Duration lockout) {
		this.accounts = accounts;
		this.encoder = encoder;
		this.lockoutFailures = lockoutFailures;
		this.lockout = lockout;
		this.dummyHash = encoder.encode("not a password of anyone's");
	}

	@Override
	public Authentication authenticate(Authentication authentication) throws AuthenticationException {
		String username = authentication.getName() == null ? "" : authentication.getName().strip().toLowerCase();
		String password = authentication.getCredentials() == null ? "" : authentication.getCredentials().toString();
		var credentials = accounts.credentials(username);
		if (credentials.isEmpty()) {
			encoder.matches(password, dummyHash);
			throw new BadCredentialsException("no such username or wrong password");
		}
		Account account = credentials.get().account();
		OffsetDateTime now = OffsetDateTime.now();
		if (account.lockedAt(now)) {
			throw new LockedException("locked until " + account.lockedUntil());
		}
		if (!encoder.matches(password, credentials.get().passwordHash())) {
			accounts.recordFailure(account.id(), lockoutFailures, now.plus(lockout));
			throw new BadCredentialsException("no such username or wrong password");
		}
		if (account.disabled()) {
			throw new DisabledException("account disabled");
		}
		accounts.recordSuccess(account.id());
		return authenticated(account);
	}

	static UsernamePasswordAuthenticationToken authenticated(Account account) {
		return UsernamePasswordAuthenticationToken.authenticated(Caller.of(account), null,
				List.of(new SimpleGrantedAuthority("ROLE_" + account.role().name())));
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}

}
