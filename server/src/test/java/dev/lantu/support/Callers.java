package dev.lantu.support;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.util.List;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import dev.lantu.accounts.Caller;
import dev.lantu.accounts.Role;

/**
 * Who a MockMvc request (or a service call in a test) comes from. A request is signed in as the caller, with a
 * valid CSRF token, as a browser session would be; {@link #anonymous()} carries a CSRF token but no account.
 */
public final class Callers {

	private Callers() {
	}

	public static Caller admin() {
		return account("test-admin", Role.CITY_ADMIN, null, null, null);
	}

	public static Caller district(String code) {
		return account("test-district-" + code, Role.DISTRICT_OFFICER, code, null, null);
	}

	public static Caller policyOfficer(String issuer) {
		return account("test-policy", Role.POLICY_OFFICER, null, issuer, null);
	}

	public static Caller enterprise(String uscc) {
		return account("test-enterprise-" + uscc.toLowerCase(), Role.ENTERPRISE_USER, null, null, uscc);
	}

	public static Caller account(String username, Role role, String district, String issuer, String uscc) {
		return new Caller(Caller.Kind.ACCOUNT, username, username, role, district, issuer, uscc);
	}

	/** Signs the request in as {@code caller}, with a CSRF token. */
	public static RequestPostProcessor as(Caller caller) {
		RequestPostProcessor signedIn = authentication(token(caller));
		RequestPostProcessor withCsrf = csrf();
		return request -> withCsrf.postProcessRequest(signedIn.postProcessRequest(request));
	}

	/** An anonymous visitor's request: a CSRF token (as a page's form has), no account. */
	public static RequestPostProcessor anonymous() {
		return csrf();
	}

	public static RequestPostProcessor asAdmin() {
		return as(admin());
	}

	/** A MockMvc whose every request is signed in as an administrator (with a CSRF token), for tests of behaviour. */
	public static MockMvc mockMvcAsAdmin(WebApplicationContext web) {
		return MockMvcBuilders.webAppContextSetup(web)
			.apply(SecurityMockMvcConfigurers.springSecurity())
			.defaultRequest(MockMvcRequestBuilders.get("/").with(asAdmin()))
			.build();
	}

	/** Runs {@code work} in this thread as {@code caller}, as a service sees a request's caller. */
	public static void run(Caller caller, Runnable work) {
		var previous = SecurityContextHolder.getContext();
		var context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(token(caller));
		SecurityContextHolder.setContext(context);
		try {
			work.run();
		}
		finally {
			SecurityContextHolder.setContext(previous);
		}
	}

	private static UsernamePasswordAuthenticationToken token(Caller caller) {
		return UsernamePasswordAuthenticationToken.authenticated(caller, null,
				List.of(new SimpleGrantedAuthority("ROLE_" + caller.role().name())));
	}

}
