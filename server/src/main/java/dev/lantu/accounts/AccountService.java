package dev.lantu.accounts;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.lantu.accounts.AccountInputException.FieldProblem;
import dev.lantu.accounts.store.AccountStore;
import dev.lantu.accounts.store.TokenStore;
import dev.lantu.atlas.AtlasService;
import dev.lantu.atlas.NotInAtlasException;

/**
 * Accounts and API tokens. Administrators create, disable, enable and unlock accounts and reset passwords; every
 * account changes its own password and manages its own tokens. Every change goes to the audit log; disabling an
 * account or changing its password ends its sessions and revokes its tokens.
 */
@Service
public class AccountService {

	private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{1,63}");

	/** A token lives at most a year: a forgotten machine credential should not live forever. */
	public static final int MAXIMUM_TOKEN_DAYS = 365;

	private static final SecureRandom RANDOM = new SecureRandom();

	private final AccountStore accounts;

	private final TokenStore tokens;

	private final PasswordEncoder encoder;

	private final AuditLog audit;

	private final AtlasService atlas;

	private final List<BindingCheck> bindingChecks;

	private final ObjectProvider<FindByIndexNameSessionRepository<?>> sessions;

	public AccountService(AccountStore accounts, TokenStore tokens, PasswordEncoder encoder, AuditLog audit,
			AtlasService atlas, List<BindingCheck> bindingChecks,
			ObjectProvider<FindByIndexNameSessionRepository<?>> sessions) {
		this.accounts = accounts;
		this.tokens = tokens;
		this.encoder = encoder;
		this.audit = audit;
		this.atlas = atlas;
		this.bindingChecks = bindingChecks;
		this.sessions = sessions;
	}

	@Transactional
	public Account create(NewAccount request) {
		Access.require(Access.caller().isAdministrator(), "create accounts");
		String username = request.username() == null ? "" : request.username().strip().toLowerCase(Locale.ROOT);
		List<FieldProblem> problems = new ArrayList<>();
		if (!USERNAME.matcher(username).matches()) {
			problems.add(new FieldProblem("username", "INVALID",
					"2 to 64 characters: lower-case letters, digits, '.', '_' or '-', starting with a letter or digit"));
		}
		else if (accounts.find(username).isPresent()) {
			problems.add(new FieldProblem("username", "TAKEN", "an account " + username + " exists already"));
		}
		String displayName = request.displayName() == null ? "" : request.displayName().strip();
		if (displayName.isEmpty() || displayName.length() > 200) {
			problems.add(new FieldProblem("displayName", "INVALID", "a name of 1 to 200 characters"));
		}
		Optional<Role> role = Role.parse(request.role());
		String binding = request.binding() == null ? null : request.binding().strip();
		if (role.isEmpty()) {
			problems.add(new FieldProblem("role", "INVALID",
					"one of CITY_ADMIN, DISTRICT_OFFICER, POLICY_OFFICER, ENTERPRISE_USER; found " + request.role()));
		}
		else {
			bindingProblem(role.get(), binding).ifPresent(problem -> problems.add(new FieldProblem("binding", "INVALID", problem)));
		}
		problems.addAll(Passwords.problems("password", request.password(), username));
		if (!problems.isEmpty()) {
			throw new AccountInputException(problems);
		}
		Role granted = role.get();
		if (granted == Role.ENTERPRISE_USER) {
			binding = binding.toUpperCase(Locale.ROOT);
		}
		long id = accounts.insert(username, displayName, encoder.encode(request.password()), granted,
				granted == Role.DISTRICT_OFFICER ? binding : null, granted == Role.POLICY_OFFICER ? binding : null,
				granted == Role.ENTERPRISE_USER ? binding : null, Access.caller().username(), OffsetDateTime.now());
		Account account = accounts.find(id).orElseThrow();
		audit.record("account.create", "account", username, account.district(), null, account);
		return account;
	}

	/** The first administrator, from the command line or the environment: only while there is none. */
	@Transactional
	public Optional<Account> createFirstAdministrator(String username, String displayName, String password) {
		if (accounts.anyAdministrator()) {
			return Optional.empty();
		}
		return Optional.of(create(new NewAccount(username, displayName, Role.CITY_ADMIN.name(), null, password)));
	}

	/** A further administrator from the command line (who can reach the database is trusted). */
	@Transactional
	public Account createAdministrator(String username, String displayName, String password) {
		return create(new NewAccount(username, displayName, Role.CITY_ADMIN.name(), null, password));
	}

	@Transactional(readOnly = true)
	public boolean hasAdministrator() {
		return accounts.anyAdministrator();
	}

	@Transactional(readOnly = true)
	public List<Account> all() {
		Access.require(Access.caller().isAdministrator(), "list accounts");
		return accounts.all();
	}

	@Transactional(readOnly = true)
	public Account get(String username) {
		Caller caller = Access.caller();
		Access.require(caller.isAdministrator() || caller.username().equals(username), "read account " + username);
		return accounts.find(username).orElseThrow(() -> new AccountNotFoundException(username));
	}

	@Transactional
	public Account setDisabled(String username, boolean disabled) {
		Access.require(Access.caller().isAdministrator(), (disabled ? "disable" : "enable") + " accounts");
		Account before = accounts.findForUpdate(username).orElseThrow(() -> new AccountNotFoundException(username));
		if (disabled && before.username().equals(Access.caller().username())) {
			throw new AccountInputException("username", "SELF", "an administrator cannot disable their own account");
		}
		accounts.setDisabled(before.id(), disabled);
		if (disabled) {
			tokens.revokeAll(before.id(), OffsetDateTime.now());
			endSessions(username);
		}
		Account after = accounts.find(before.id()).orElseThrow();
		audit.record(disabled ? "account.disable" : "account.enable", "account", username, before.district(), before, after);
		return after;
	}

	@Transactional
	public Account unlock(String username) {
		Access.require(Access.caller().isAdministrator(), "unlock accounts");
		Account before = accounts.findForUpdate(username).orElseThrow(() -> new AccountNotFoundException(username));
		accounts.unlock(before.id());
		Account after = accounts.find(before.id()).orElseThrow();
		audit.record("account.unlock", "account", username, before.district(), before, after);
		return after;
	}

	/** An administrator sets a new password (the person lost theirs): sessions end, tokens are revoked. */
	@Transactional
	public void resetPassword(String username, String password) {
		Access.require(Access.caller().isAdministrator(), "reset passwords");
		Account account = accounts.findForUpdate(username).orElseThrow(() -> new AccountNotFoundException(username));
		replacePassword(account, password, "account.password.reset");
	}

	/** The caller changes their own password, proving the current one. */
	@Transactional
	public void changePassword(String current, String replacement) {
		Caller caller = Access.caller();
		Access.require(caller.isSignedIn(), "change a password");
		Account account = accounts.findForUpdate(caller.username()).orElseThrow(() -> new AccountNotFoundException(caller.username()));
		String hash = accounts.credentials(caller.username()).orElseThrow().passwordHash();
		if (current == null || !encoder.matches(current, hash)) {
			throw new AccountInputException("currentPassword", "WRONG", "the current password is not right");
		}
		replacePassword(account, replacement, "account.password.change");
	}

	private void replacePassword(Account account, String password, String action) {
		List<FieldProblem> problems = Passwords.problems("password", password, account.username());
		if (!problems.isEmpty()) {
			throw new AccountInputException(problems);
		}
		OffsetDateTime now = OffsetDateTime.now();
		accounts.setPassword(account.id(), encoder.encode(password), now);
		accounts.unlock(account.id());
		tokens.revokeAll(account.id(), now);
		endSessions(account.username());
		// the hashes are not the audit's business: it records that the password changed, and when
		audit.record(action, "account", account.username(), account.district(), null,
				Map.of("passwordChangedAt", now.toString()));
	}

	// ---- tokens

	@Transactional
	public IssuedToken issueToken(String name, TokenScope scope, int days) {
		Caller caller = Access.caller();
		Access.require(caller.isSignedIn(), "create API tokens");
		List<FieldProblem> problems = new ArrayList<>();
		String label = name == null ? "" : name.strip();
		if (label.isEmpty() || label.length() > 200) {
			problems.add(new FieldProblem("name", "INVALID", "a name of 1 to 200 characters, to recognise the token by"));
		}
		if (scope == null) {
			problems.add(new FieldProblem("scope", "INVALID", "READ or WRITE"));
		}
		if (days < 1 || days > MAXIMUM_TOKEN_DAYS) {
			problems.add(new FieldProblem("days", "OUT_OF_RANGE", "a token lives 1 to " + MAXIMUM_TOKEN_DAYS + " days"));
		}
		if (!problems.isEmpty()) {
			throw new AccountInputException(problems);
		}
		Account account = accounts.find(caller.username()).orElseThrow(() -> new AccountNotFoundException(caller.username()));
		byte[] random = new byte[32];
		RANDOM.nextBytes(random);
		String secret = "lantu_" + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
		OffsetDateTime now = OffsetDateTime.now();
		long id = tokens.insert(account.id(), label, hash(secret), secret.substring(0, 10), scope, now,
				now.plus(Duration.ofDays(days)));
		ApiToken token = tokens.byId(id).orElseThrow();
		audit.record("token.create", "api_token", String.valueOf(id), account.district(), null, token);
		return new IssuedToken(token, secret);
	}

	@Transactional(readOnly = true)
	public List<ApiToken> tokens() {
		Caller caller = Access.caller();
		Access.require(caller.isSignedIn(), "list API tokens");
		return accounts.find(caller.username()).map(account -> tokens.ofAccount(account.id())).orElse(List.of());
	}

	/** Revokes a token of the caller's (an administrator: anyone's); another's token is "not found". */
	@Transactional
	public ApiToken revokeToken(long id) {
		Caller caller = Access.caller();
		Access.require(caller.isSignedIn(), "revoke API tokens");
		ApiToken before = tokens.byId(id)
			.filter(token -> caller.isAdministrator() || token.username().equals(caller.username()))
			.orElseThrow(() -> new AccountNotFoundException("token " + id));
		tokens.revoke(id, OffsetDateTime.now());
		ApiToken after = tokens.byId(id).orElseThrow();
		audit.record("token.revoke", "api_token", String.valueOf(id), null, before, after);
		return after;
	}

	/** The SHA-256 of a token's secret, as stored: a stolen table gives no usable token. */
	public static String hash(String secret) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	private Optional<String> bindingProblem(Role role, String binding) {
		if (role == Role.CITY_ADMIN) {
			return binding == null || binding.isEmpty() ? Optional.empty()
					: Optional.of("a city administrator is bound to nothing; found " + binding);
		}
		if (binding == null || binding.isEmpty()) {
			return Optional.of(switch (role) {
				case DISTRICT_OFFICER -> "a district officer needs their district's code (GB/T 2260, e.g. 440106)";
				case POLICY_OFFICER -> "a policy officer needs their issuer (发文单位) as the policies name it";
				default -> "an enterprise user needs their enterprise's unified social credit code";
			});
		}
		if (role == Role.DISTRICT_OFFICER) {
			try {
				var region = atlas.district(binding);
				return region == null ? Optional.of("no district " + binding + " in the atlas") : Optional.empty();
			}
			catch (NotInAtlasException e) {
				return Optional.of("no district " + binding + " in the atlas");
			}
		}
		return bindingChecks.stream().map(check -> check.problem(role, binding)).flatMap(Optional::stream).findFirst();
	}

	private void endSessions(String username) {
		FindByIndexNameSessionRepository<?> repository = sessions.getIfAvailable();
		if (repository != null) {
			repository.findByPrincipalName(username).keySet().forEach(repository::deleteById);
		}
	}

}
