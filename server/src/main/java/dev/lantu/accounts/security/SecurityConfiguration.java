package dev.lantu.accounts.security;

import java.io.IOException;
import java.time.Duration;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.MultipartConfigElement;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

import dev.lantu.accounts.Caller;
import dev.lantu.accounts.store.AccountStore;
import dev.lantu.accounts.store.TokenStore;

/**
 * The web's security: who is signed in (form login with sessions in the database, or an API token), CSRF on
 * forms, secure headers (the Content-Security-Policy with its nonce: {@link ContentSecurityPolicy}), and the refusals' shape (problem details on the API, the login page or an error page
 * on pages). What each caller may do is decided in the services (docs/accounts.md); URLs only keep the
 * administration and one's own account pages to those who may use them at all.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
@ConditionalOnWebApplication
class SecurityConfiguration {

	/** The session cookie Spring Session sets. */
	static final String SESSION_COOKIE = "SESSION";

	@Bean
	SecurityFilterChain lantuSecurity(HttpSecurity http, TokenStore tokens,
			AccountStore accountStore, LoginThrottle throttle, SignIns signIns,
			ObjectProvider<MultipartConfigElement> multipart) throws Exception {
		long uploadLimit = multipart.getIfAvailable() == null ? -1 : multipart.getIfAvailable().getMaxRequestSize();
		var successes = new SavedRequestAwareAuthenticationSuccessHandler();
		successes.setDefaultTargetUrl("/");
		// the provider is a bean, so Spring Boot's global authentication manager uses it; adding it here too
		// would try every password twice (and count every failure twice towards the lockout)
		http.authorizeHttpRequests(requests -> requests.requestMatchers("/admin/**", "/api/v1/admin/**")
				.hasRole("CITY_ADMIN")
				.requestMatchers("/account/**", "/api/v1/account/**")
				.authenticated()
				.anyRequest()
				.permitAll())
			.formLogin(form -> form.loginPage("/login").successHandler((request, response, authentication) -> {
				throttle.succeeded(request.getRemoteAddr());
				if (authentication.getPrincipal() instanceof Caller caller) {
					signIns.succeeded(caller, request.getRemoteAddr());
				}
				successes.onAuthenticationSuccess(request, response, authentication);
			}).failureHandler((request, response, exception) -> {
				throttle.failed(request.getRemoteAddr());
				signIns.failed(request.getParameter("username"), request.getRemoteAddr(), reason(exception));
				response.sendRedirect(request.getContextPath() + "/login?"
						+ (exception instanceof LockedException ? "locked" : "error"));
			}).permitAll())
			.logout(logout -> logout.logoutUrl("/logout").addLogoutHandler((request, response, authentication) -> {
				if (authentication != null && authentication.getPrincipal() instanceof Caller caller) {
					signIns.signedOut(caller, request.getRemoteAddr());
				}
			}).logoutSuccessUrl("/?signed-out"))
			// the token lives in a cookie, not the session: a visitor reading pages creates no session row
			.csrf(csrf -> csrf.csrfTokenRepository(new CookieCsrfTokenRepository())
				.csrfTokenRequestHandler(new CsrfTokens())
				.requireCsrfProtectionMatcher(request -> !isOversizedUpload(request, uploadLimit) && csrfRequired(request)))
			.headers(headers -> headers
				.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
				.frameOptions(frames -> frames.deny()))
			.exceptionHandling(refusals -> refusals
				.defaultAuthenticationEntryPointFor((request, response, exception) -> {
					response.setHeader("WWW-Authenticate", "Bearer");
					ProblemResponses.write(request, response, HttpStatus.UNAUTHORIZED, "SIGN_IN_NEEDED",
							"sign in first: an API token (Authorization: Bearer ...) or a session");
				}, ProblemResponses.API)
				.defaultAccessDeniedHandlerFor((request, response, exception) -> ProblemResponses.write(request,
						response, HttpStatus.FORBIDDEN, "FORBIDDEN", exception.getMessage()), ProblemResponses.API))
			.addFilterBefore(new TokenAuthentication(tokens, accountStore, throttle),
					UsernamePasswordAuthenticationFilter.class)
			.addFilterBefore(new ThrottledSignIn(throttle), UsernamePasswordAuthenticationFilter.class)
			.addFilterBefore(new ContentSecurityPolicy(), HeaderWriterFilter.class);
		return http.build();
	}

	/**
	 * CSRF guards what a browser sends on its own: every form, and API writes that carry the session cookie. An
	 * API request with a token, or with no session at all, has no ambient credential a forged page could use.
	 */
	static boolean csrfRequired(HttpServletRequest request) {
		if (request.getDispatcherType() == DispatcherType.ERROR) {
			// the error page for a refused request (an upload over the limit, say) keeps its method; it changes nothing
			return false;
		}
		if (TokenAuthentication.isRead(request) || "TRACE".equals(request.getMethod())) {
			return false;
		}
		if (!ProblemResponses.API.matches(request)) {
			return true;
		}
		return TokenAuthentication.bearer(request).isEmpty() && hasSessionCookie(request);
	}

	/**
	 * An upload over the size limit is refused (413, with its page) whatever it carries, so it changes nothing; and
	 * looking for its CSRF token would mean parsing it, which fails before the refusal can be shown.
	 */
	static boolean isOversizedUpload(HttpServletRequest request, long limit) {
		String type = request.getContentType();
		return limit > 0 && type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/")
				&& request.getContentLengthLong() > limit;
	}

	private static boolean hasSessionCookie(HttpServletRequest request) {
		Cookie[] cookies = request.getCookies();
		if (cookies == null) {
			return false;
		}
		for (Cookie cookie : cookies) {
			if (SESSION_COOKIE.equals(cookie.getName())) {
				return true;
			}
		}
		return false;
	}

	private static String reason(AuthenticationException exception) {
		return switch (exception.getClass().getSimpleName()) {
			case "LockedException" -> "locked";
			case "DisabledException" -> "disabled";
			default -> "bad credentials";
		};
	}

	/** Refuses sign-in attempts from an address that has failed too often (429), before any password is checked. */
	static final class ThrottledSignIn extends OncePerRequestFilter {

		private static final RequestMatcher SIGN_IN = request -> "POST".equals(request.getMethod())
				&& request.getRequestURI().equals(request.getContextPath() + "/login");

		private final LoginThrottle throttle;

		ThrottledSignIn(LoginThrottle throttle) {
			this.throttle = throttle;
		}

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			if (SIGN_IN.matches(request)) {
				Duration wait = throttle.wait(request.getRemoteAddr());
				if (!wait.isZero()) {
					response.setHeader("Retry-After", String.valueOf(wait.toSeconds()));
					response.sendRedirect(request.getContextPath() + "/login?throttled");
					return;
				}
			}
			chain.doFilter(request, response);
		}

	}

}
