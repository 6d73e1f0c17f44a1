package dev.lantu.accounts.security;

import java.io.IOException;
import java.security.SecureRandom;
import java.util.Base64;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The Content-Security-Policy, with a fresh nonce per response: the pages' few inline scripts (chart data that
 * Thymeleaf escapes) carry it as {@code nonce="${cspNonce}"}; any other script, such as one injected into a
 * page, does not run. Styles may be inline (the pages' layout uses style attributes); nothing loads from
 * another site, nothing frames the pages, forms post only here.
 */
class ContentSecurityPolicy extends OncePerRequestFilter {

	static final String NONCE = "cspNonce";

	private static final SecureRandom RANDOM = new SecureRandom();

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		byte[] bytes = new byte[18];
		RANDOM.nextBytes(bytes);
		String nonce = Base64.getEncoder().encodeToString(bytes);
		request.setAttribute(NONCE, nonce);
		response.setHeader("Content-Security-Policy", "default-src 'self'; script-src 'self' 'nonce-" + nonce + "'; "
				+ "style-src 'self' 'unsafe-inline'; img-src 'self' data:; object-src 'none'; base-uri 'self'; "
				+ "form-action 'self'; frame-ancestors 'none'");
		chain.doFilter(request, response);
	}

}
