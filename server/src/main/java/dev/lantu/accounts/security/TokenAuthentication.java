package dev.lantu.accounts.security;

import java.io.IOException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import dev.lantu.accounts.Account;
import dev.lantu.accounts.AccountService;
import dev.lantu.accounts.ApiToken;
import dev.lantu.accounts.TokenScope;
import dev.lantu.accounts.store.AccountStore;
import dev.lantu.accounts.store.TokenStore;

/**
 * API tokens: {@code Authorization: Bearer lantu_...} signs a request in as the token's account, for this
 * request only (no session). A token that is unknown, expired or revoked, or whose account is disabled, is a
 * 401, not a silent fall-back to anonymous; a READ token is a 403 for anything but reading. Not a bean: a
 * filter bean would also be registered with the servlet container, outside Spring Security's chain.
 */
class TokenAuthentication extends OncePerRequestFilter {

	private final TokenStore tokens;

	private final AccountStore accounts;

	private final LoginThrottle throttle;

	TokenAuthentication(TokenStore tokens, AccountStore accounts, LoginThrottle throttle) {
		this.tokens = tokens;
		this.accounts = accounts;
		this.throttle = throttle;
	}

	static Optional<String> bearer(HttpServletRequest request) {
		String header = request.getHeader("Authorization");
		if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
			return Optional.empty();
		}
		return Optional.of(header.substring(7).strip());
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Optional<String> secret = bearer(request);
		if (secret.isEmpty()) {
			chain.doFilter(request, response);
			return;
		}
		String address = request.getRemoteAddr();
		Duration wait = throttle.wait(address);
		if (!wait.isZero()) {
			response.setHeader("Retry-After", String.valueOf(wait.toSeconds()));
			ProblemResponses.write(request, response, HttpStatus.TOO_MANY_REQUESTS, "THROTTLED",
					"too many failed sign-ins or bad tokens from this address; try again in " + wait.toSeconds() + " s");
			return;
		}
		OffsetDateTime now = OffsetDateTime.now();
		Optional<ApiToken> token = tokens.byHash(AccountService.hash(secret.get())).filter(t -> t.validAt(now));
		Optional<Account> account = token.flatMap(t -> accounts.find(t.accountId())).filter(a -> !a.disabled());
		if (account.isEmpty()) {
			throttle.failed(address);
			response.setHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
			ProblemResponses.write(request, response, HttpStatus.UNAUTHORIZED, "INVALID_TOKEN",
					"the API token is unknown, expired or revoked, or its account is disabled");
			return;
		}
		if (token.get().scope() == TokenScope.READ && !isRead(request)) {
			response.setHeader("WWW-Authenticate", "Bearer error=\"insufficient_scope\", scope=\"WRITE\"");
			ProblemResponses.write(request, response, HttpStatus.FORBIDDEN, "INSUFFICIENT_SCOPE",
					"this token may only read (scope READ); " + request.getMethod() + " needs a WRITE token");
			return;
		}
		OffsetDateTime lastUsed = token.get().lastUsedAt();
		if (lastUsed == null || lastUsed.isBefore(now.minusMinutes(1))) {
			// at most one write a minute per token: a busy machine's requests stay reads
			tokens.touch(token.get().id(), now);
		}
		UsernamePasswordAuthenticationToken base = AccountAuthentication.authenticated(account.get());
		List<GrantedAuthority> authorities = new ArrayList<>(base.getAuthorities());
		authorities.add(new SimpleGrantedAuthority("SCOPE_" + token.get().scope().name()));
		var context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(base.getPrincipal(), null, authorities));
		SecurityContextHolder.setContext(context);
		try {
			chain.doFilter(request, response);
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}

	static boolean isRead(HttpServletRequest request) {
		return switch (request.getMethod()) {
			case "GET", "HEAD", "OPTIONS" -> true;
			default -> false;
		};
	}

}
