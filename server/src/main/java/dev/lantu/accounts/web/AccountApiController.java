package dev.lantu.accounts.web;

import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import dev.lantu.accounts.Access;
import dev.lantu.accounts.Account;
import dev.lantu.accounts.AccountInputException;
import dev.lantu.accounts.AccountService;
import dev.lantu.accounts.ApiToken;
import dev.lantu.accounts.AuditEntry;
import dev.lantu.accounts.AuditFilter;
import dev.lantu.accounts.AuditLog;
import dev.lantu.accounts.Caller;
import dev.lantu.accounts.IssuedToken;
import dev.lantu.accounts.NewAccount;
import dev.lantu.accounts.TokenScope;
import dev.lantu.tables.TableFormat;

/**
 * Accounts over REST: one's own account and API tokens ({@code /api/v1/account}), and for administrators the
 * accounts and the audit log ({@code /api/v1/admin}). Tokens are created by a signed-in person (a session or
 * another token), shown once.
 */
@RestController
class AccountApiController {

	private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

	private final AccountService accounts;

	private final AuditLog audit;

	AccountApiController(AccountService accounts, AuditLog audit) {
		this.accounts = accounts;
		this.audit = audit;
	}

	record PasswordChange(String currentPassword, String newPassword) {
	}

	record TokenRequest(String name, String scope, Integer days) {
	}

	record AuditPage(long total, int page, int size, List<AuditEntry> entries) {
	}

	@GetMapping("/api/v1/account")
	Caller me() {
		Access.require(Access.caller().isSignedIn(), "read their account");
		return Access.caller();
	}

	@PostMapping("/api/v1/account/password")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void changePassword(@RequestBody PasswordChange change) {
		accounts.changePassword(change.currentPassword(), change.newPassword());
	}

	@GetMapping("/api/v1/account/tokens")
	List<ApiToken> tokens() {
		return accounts.tokens();
	}

	@PostMapping("/api/v1/account/tokens")
	@ResponseStatus(HttpStatus.CREATED)
	IssuedToken issue(@RequestBody TokenRequest request) {
		TokenScope scope = parseScope(request.scope());
		return accounts.issueToken(request.name(), scope, request.days() == null ? 90 : request.days());
	}

	@DeleteMapping("/api/v1/account/tokens/{id}")
	ApiToken revoke(@PathVariable long id) {
		return accounts.revokeToken(id);
	}

	@GetMapping("/api/v1/admin/accounts")
	List<Account> all() {
		return accounts.all();
	}

	@GetMapping("/api/v1/admin/accounts/{username}")
	Account one(@PathVariable String username) {
		return accounts.get(username);
	}

	@PostMapping("/api/v1/admin/accounts")
	@ResponseStatus(HttpStatus.CREATED)
	Account create(@RequestBody NewAccount request) {
		return accounts.create(request);
	}

	@PostMapping("/api/v1/admin/accounts/{username}/{change:disable|enable|unlock}")
	Account change(@PathVariable String username, @PathVariable String change) {
		return switch (change) {
			case "disable" -> accounts.setDisabled(username, true);
			case "enable" -> accounts.setDisabled(username, false);
			default -> accounts.unlock(username);
		};
	}

	@PostMapping("/api/v1/admin/accounts/{username}/password")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void resetPassword(@PathVariable String username, @RequestBody Map<String, String> body) {
		accounts.resetPassword(username, body.get("password"));
	}

	@GetMapping("/api/v1/admin/audit")
	AuditPage audit(@RequestParam(required = false) String actor, @RequestParam(required = false) String action,
			@RequestParam(required = false) String entityType, @RequestParam(required = false) String entityId,
			@RequestParam(required = false) String district, @RequestParam(required = false) LocalDate from,
			@RequestParam(required = false) LocalDate to, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "100") int size) {
		AuditFilter filter = filter(actor, action, entityType, entityId, district, from, to);
		return new AuditPage(audit.count(filter), page, size, audit.search(filter, page, size));
	}

	@GetMapping("/api/v1/admin/audit/export")
	void export(@RequestParam(required = false) String actor, @RequestParam(required = false) String action,
			@RequestParam(required = false) String entityType, @RequestParam(required = false) String entityId,
			@RequestParam(required = false) String district, @RequestParam(required = false) LocalDate from,
			@RequestParam(required = false) LocalDate to, @RequestParam(defaultValue = "csv") String format,
			HttpServletResponse response) throws IOException {
		TableFormat tableFormat = TableFormat.parse(format)
			.orElseThrow(() -> new AccountInputException("format", "INVALID", "csv or xlsx; found " + format));
		AuditFilter filter = filter(actor, action, entityType, entityId, district, from, to);
		Access.require(Access.caller().isAdministrator(), "export the audit log");
		response.setContentType(tableFormat.mediaType());
		response.setHeader("Content-Disposition", "attachment; filename=\"lantu-audit." + tableFormat.extension() + "\"");
		audit.export(filter, tableFormat, response.getOutputStream());
	}

	static AuditFilter filter(String actor, String action, String entityType, String entityId, String district,
			LocalDate from, LocalDate to) {
		return new AuditFilter(actor, action, entityType, entityId, district,
				from == null ? null : from.atStartOfDay(CHINA).toOffsetDateTime(),
				to == null ? null : to.plusDays(1).atStartOfDay(CHINA).toOffsetDateTime());
	}

	static TokenScope parseScope(String scope) {
		try {
			return scope == null ? TokenScope.READ : TokenScope.valueOf(scope.strip().toUpperCase(java.util.Locale.ROOT));
		}
		catch (IllegalArgumentException e) {
			throw new AccountInputException("scope", "INVALID", "READ or WRITE; found " + scope);
		}
	}

}
