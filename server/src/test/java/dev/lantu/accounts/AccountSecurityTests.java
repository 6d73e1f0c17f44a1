package dev.lantu.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;

import jakarta.servlet.http.Cookie;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import dev.lantu.support.Callers;

/**
 * Signing in and staying signed in: form login with the session in the database, lockout, throttling, CSRF,
 * API tokens and their scopes, secure headers. Each test uses its own client address, so the per-address
 * throttle of one test does not reach another.
 */
@SpringBootTest(properties = { "lantu.security.address-failures=8" })
@AutoConfigureMockMvc
class AccountSecurityTests {

	static final String PASSWORD = "a-long-password-2026";

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountService accounts;

	@Autowired
	JdbcClient jdbc;

	private String newAccount(String role, String binding) {
		String username = "u" + UUID.randomUUID().toString().substring(0, 8);
		accounts.create(new NewAccount(username, "Test " + username, role, binding, PASSWORD));
		return username;
	}

	private static RequestPostProcessor from(String address) {
		return request -> {
			request.setRemoteAddr(address);
			return request;
		};
	}

	private MvcResult signIn(String username, String password, String address) throws Exception {
		return mvc.perform(post("/login").param("username", username).param("password", password).with(csrf()).with(from(address)))
			.andReturn();
	}

	@Test
	void formLoginKeepsTheSessionInTheDatabaseAndTheSessionSignsLaterRequestsIn() throws Exception {
		String username = newAccount("DISTRICT_OFFICER", "440106");
		MvcResult result = signIn(username, PASSWORD, "10.1.0.1");
		assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/");
		Cookie session = result.getResponse().getCookie("SESSION");
		assertThat(session).as("Spring Session's cookie").isNotNull();
		assertThat(jdbc.sql("select count(*) from spring_session where principal_name = ?").param(username)
			.query(Long.class).single()).isEqualTo(1);

		mvc.perform(get("/api/v1/account").cookie(session))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.username").value(username))
			.andExpect(jsonPath("$.role").value("DISTRICT_OFFICER"))
			.andExpect(jsonPath("$.district").value("440106"));

		// disabling the account ends its sessions at once, on every node (the rows are gone)
		Callers.run(Callers.admin(), () -> accounts.setDisabled(username, true));
		assertThat(jdbc.sql("select count(*) from spring_session where principal_name = ?").param(username)
			.query(Long.class).single()).isZero();
		mvc.perform(get("/api/v1/account").cookie(session)).andExpect(status().isUnauthorized());
		assertThat(signIn(username, PASSWORD, "10.1.0.1").getResponse().getRedirectedUrl()).isEqualTo("/login?error");
	}

	@Test
	void wrongPasswordsLockTheAccountThenEvenTheRightOneIsRefusedUntilUnlocked() throws Exception {
		String username = newAccount("CITY_ADMIN", null);
		for (int i = 0; i < 4; i++) {
			assertThat(signIn(username, "wrong-password-" + i, "10.2.0." + i).getResponse().getRedirectedUrl())
				.isEqualTo("/login?error");
		}
		assertThat(signIn(username, PASSWORD, "10.2.0.9").getResponse().getRedirectedUrl())
			.as("four failures do not lock; a success resets the count").isEqualTo("/");
		for (int i = 0; i < 5; i++) {
			signIn(username, "wrong-password-" + i, "10.2.1." + i);
		}
		assertThat(signIn(username, PASSWORD, "10.2.1.9").getResponse().getRedirectedUrl())
			.as("five in a row lock, from whichever addresses").isEqualTo("/login?locked");
		assertThat(jdbc.sql("select count(*) from audit_entry where action = 'session.sign-in-refused' and entity_id = ?")
			.param(username).query(Long.class).single()).isEqualTo(10);

		Callers.run(Callers.admin(), () -> accounts.unlock(username));
		assertThat(signIn(username, PASSWORD, "10.2.1.9").getResponse().getRedirectedUrl()).isEqualTo("/");
	}

	@Test
	void anAddressThatFailsTooOftenIsRefusedBeforeAnyPasswordIsChecked() throws Exception {
		String username = newAccount("CITY_ADMIN", null);
		for (int i = 0; i < 8; i++) {
			signIn("nobody-" + i, "guess-" + i, "10.3.0.1");
		}
		assertThat(signIn(username, PASSWORD, "10.3.0.1").getResponse().getRedirectedUrl())
			.as("throttled even with the right password").isEqualTo("/login?throttled");
		assertThat(signIn(username, PASSWORD, "10.3.0.2").getResponse().getRedirectedUrl())
			.as("another address is not").isEqualTo("/");
		mvc.perform(get("/api/v1/account").header("Authorization", "Bearer lantu_guess").with(from("10.3.0.1")))
			.andExpect(status().isTooManyRequests())
			.andExpect(header().exists("Retry-After"));
	}

	@Test
	void formsNeedTheCsrfTokenAndTheApiNeedsItOnlyWithASession() throws Exception {
		String username = newAccount("CITY_ADMIN", null);
		var admin = Callers.account(username, Role.CITY_ADMIN, null, null, null);
		mvc.perform(post("/account/tokens").param("name", "x").with(
				org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user(username)))
			.andExpect(status().isForbidden());
		mvc.perform(post("/account/tokens").param("name", "x").with(Callers.as(admin)))
			.andExpect(status().is3xxRedirection());

		String calculation = """
				{"district":"440106","date":"2025-06-01","facts":{}}""";
		mvc.perform(post("/api/v1/policy/calculate").contentType(MediaType.APPLICATION_JSON).content(calculation))
			.andExpect(result -> assertThat(result.getResponse().getStatus()).as("no session: no CSRF needed").isNotEqualTo(403));
		mvc.perform(post("/api/v1/policy/calculate").contentType(MediaType.APPLICATION_JSON).content(calculation)
			.cookie(new Cookie("SESSION", "c29tZQ")))
			.andExpect(status().isForbidden());
	}

	@Test
	void tokensSignMachinesInWithinTheirScopeUntilRevoked() throws Exception {
		String username = newAccount("DISTRICT_OFFICER", "440106");
		var caller = Callers.account(username, Role.DISTRICT_OFFICER, "440106", null, null);
		IssuedToken[] issued = new IssuedToken[2];
		Callers.run(caller, () -> {
			issued[0] = accounts.issueToken("reader", TokenScope.READ, 30);
			issued[1] = accounts.issueToken("writer", TokenScope.WRITE, 30);
		});
		String reader = issued[0].secret();
		assertThat(reader).startsWith("lantu_").hasSizeGreaterThan(40);
		assertThat(jdbc.sql("select count(*) from api_token where token_hash = ? or token_hash = ? or name = ?")
			.params(reader, issued[1].secret(), reader).query(Long.class).single()).as("only the hash is kept").isZero();

		mvc.perform(get("/api/v1/account").header("Authorization", "Bearer " + reader).with(from("10.4.0.1")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.username").value(username));
		mvc.perform(post("/api/v1/account/tokens").header("Authorization", "Bearer " + reader).with(from("10.4.0.1"))
			.contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"more\"}"))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.code").value("INSUFFICIENT_SCOPE"));
		mvc.perform(post("/api/v1/account/tokens").header("Authorization", "Bearer " + issued[1].secret())
			.with(from("10.4.0.1")).contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"more\",\"scope\":\"READ\"}"))
			.andExpect(status().isCreated());

		Callers.run(caller, () -> accounts.revokeToken(issued[0].token().id()));
		mvc.perform(get("/api/v1/account").header("Authorization", "Bearer " + reader).with(from("10.4.0.1")))
			.andExpect(status().isUnauthorized())
			.andExpect(jsonPath("$.code").value("INVALID_TOKEN"));

		// another account's token is "not found", not "forbidden": ids are not confirmed by guessing
		var other = Callers.account(newAccount("CITY_ADMIN", null), Role.DISTRICT_OFFICER, "440104", null, null);
		var stranger = Callers.account("stranger", Role.DISTRICT_OFFICER, "440104", null, null);
		assertThatThrownBy(() -> Callers.run(stranger, () -> accounts.revokeToken(issued[1].token().id())))
			.isInstanceOf(AccountNotFoundException.class);
		assertThat(other).isNotNull();
	}

	@Test
	void pagesCarrySecureHeadersAndTheApiSaysWhoMustSignIn() throws Exception {
		MvcResult page = mvc.perform(get("/systems/gz.city.12218").accept(MediaType.TEXT_HTML))
			.andExpect(status().isOk())
			.andExpect(header().string("X-Frame-Options", "DENY"))
			.andExpect(header().string("X-Content-Type-Options", "nosniff"))
			.andExpect(header().string("Referrer-Policy", "strict-origin-when-cross-origin"))
			.andReturn();
		String policy = page.getResponse().getHeader("Content-Security-Policy");
		assertThat(policy).contains("default-src 'self'", "frame-ancestors 'none'", "object-src 'none'", "form-action 'self'");
		var nonce = java.util.regex.Pattern.compile("script-src 'self' 'nonce-([A-Za-z0-9+/=]+)';").matcher(policy);
		assertThat(nonce.find()).as("scripts: this site's files and the nonce's, no other inline script").isTrue();
		assertThat(page.getResponse().getContentAsString()).as("the page's own inline script carries the nonce")
			.contains("<script nonce=\"" + nonce.group(1) + "\">");
		String again = mvc.perform(get("/systems/gz.city.12218")).andReturn().getResponse().getHeader("Content-Security-Policy");
		assertThat(again).as("a fresh nonce per response").doesNotContain(nonce.group(1));
		mvc.perform(get("/api/v1/account"))
			.andExpect(status().isUnauthorized())
			.andExpect(header().string("WWW-Authenticate", "Bearer"))
			.andExpect(jsonPath("$.code").value("SIGN_IN_NEEDED"));
		mvc.perform(get("/account").accept(MediaType.TEXT_HTML)).andExpect(redirectedUrl("/login"));
	}

	@Test
	void theNavigationOffersWhatTheCallerMayOpen() throws Exception {
		String anonymous = mvc.perform(get("/").accept(MediaType.TEXT_HTML)).andReturn().getResponse().getContentAsString();
		assertThat(anonymous).contains("href=\"/login\"", "href=\"/policies/calculator\"")
			.doesNotContain("href=\"/projects\"", "href=\"/enterprises\"", "href=\"/awards\"", "href=\"/admin/accounts\"");
		String officer = mvc.perform(get("/").accept(MediaType.TEXT_HTML).with(Callers.as(Callers.district("440106"))))
			.andReturn().getResponse().getContentAsString();
		assertThat(officer).contains("href=\"/projects\"", "href=\"/enterprises\"", "href=\"/awards\"", "action=\"/logout\"")
			.doesNotContain("href=\"/admin/accounts\"", "href=\"/login\"");
		String firm = mvc.perform(get("/").accept(MediaType.TEXT_HTML).with(Callers.as(Callers.enterprise("91440101MA5CXXXX0X"))))
			.andReturn().getResponse().getContentAsString();
		assertThat(firm).contains("href=\"/enterprises\"", "href=\"/awards\"").doesNotContain("href=\"/projects\"");
		assertThat(mvc.perform(get("/").accept(MediaType.TEXT_HTML).with(Callers.asAdmin())).andReturn().getResponse()
			.getContentAsString()).contains("href=\"/admin/accounts\"", "href=\"/projects\"");
	}

	@Test
	void passwordsMustBeLongAndNotTheUsername() {
		assertThatThrownBy(() -> accounts.create(new NewAccount("shorty", "S", "CITY_ADMIN", null, "short")))
			.isInstanceOfSatisfying(AccountInputException.class,
					e -> assertThat(e.problems()).extracting(AccountInputException.FieldProblem::code).containsExactly("TOO_SHORT"));
		assertThatThrownBy(() -> accounts.create(new NewAccount("wangfang", "W", "CITY_ADMIN", null, "wangfang-2026-pass")))
			.isInstanceOfSatisfying(AccountInputException.class,
					e -> assertThat(e.problems()).extracting(AccountInputException.FieldProblem::code).containsExactly("CONTAINS_USERNAME"));
		assertThatThrownBy(() -> accounts.create(new NewAccount("Bad Name!", "", "KING", null, "a-long-password-2026")))
			.isInstanceOfSatisfying(AccountInputException.class,
					e -> assertThat(e.problems()).extracting(AccountInputException.FieldProblem::field)
						.containsExactly("username", "displayName", "role"));
		assertThatThrownBy(() -> accounts.create(new NewAccount("officer9", "O", "DISTRICT_OFFICER", "999999", PASSWORD)))
			.isInstanceOfSatisfying(AccountInputException.class,
					e -> assertThat(e.getMessage()).contains("binding", "999999"));
		assertThatThrownBy(() -> accounts.create(new NewAccount("firm9", "F", "ENTERPRISE_USER", "91440101MA5CXXXX", PASSWORD)))
			.isInstanceOf(AccountInputException.class);
		String hash = jdbc.sql("select password_hash from account fetch first 1 rows only").query(String.class).optional().orElse("{bcrypt}");
		assertThat(hash).startsWith("{bcrypt}$2");
	}

	@Test
	void onlyAdministratorsManageAccountsAndReadTheAuditLog() {
		var officer = Callers.district("440106");
		assertThatThrownBy(() -> Callers.run(officer,
				() -> accounts.create(new NewAccount("sneaky", "S", "CITY_ADMIN", null, PASSWORD))))
			.isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
		assertThat(jdbc.sql("select count(*) from account where username = 'sneaky'").query(Long.class).single()).isZero();
		assertThatThrownBy(() -> Callers.run(officer, () -> accounts.all()))
			.isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
	}

}
