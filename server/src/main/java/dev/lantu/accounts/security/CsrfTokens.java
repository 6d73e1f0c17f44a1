package dev.lantu.accounts.security;

import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.security.web.csrf.CsrfTokenRequestHandler;
import org.springframework.security.web.csrf.XorCsrfTokenRequestAttributeHandler;
import org.springframework.util.StringUtils;

/**
 * Where a request's CSRF token comes from. Forms carry it masked anew in every page (so a compressed page
 * can't leak it, BREACH); a script or curl holding a session sends the {@code XSRF-TOKEN} cookie's value back as
 * the {@code X-XSRF-TOKEN} header, plain, as double-submit cookies work; a page's masked token is taken in the
 * header too.
 */
final class CsrfTokens implements CsrfTokenRequestHandler {

	private final CsrfTokenRequestHandler plain = new CsrfTokenRequestAttributeHandler();

	private final CsrfTokenRequestHandler masked = new XorCsrfTokenRequestAttributeHandler();

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, Supplier<CsrfToken> token) {
		masked.handle(request, response, token);
	}

	@Override
	public String resolveCsrfTokenValue(HttpServletRequest request, CsrfToken token) {
		String header = request.getHeader(token.getHeaderName());
		if (StringUtils.hasText(header) && header.equals(token.getToken())) {
			return plain.resolveCsrfTokenValue(request, token);
		}
		// a page's masked token, in the form or copied into the header
		return masked.resolveCsrfTokenValue(request, token);
	}

}
