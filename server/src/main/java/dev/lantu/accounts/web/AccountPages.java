package dev.lantu.accounts.web;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.lantu.accounts.Access;
import dev.lantu.accounts.AccountInputException;
import dev.lantu.accounts.AccountService;
import dev.lantu.accounts.AuditFilter;
import dev.lantu.accounts.AuditLog;
import dev.lantu.accounts.IssuedToken;
import dev.lantu.accounts.NewAccount;
import dev.lantu.accounts.Role;

/** Sign-in, one's own account (password, API tokens), and the administrators' accounts and audit pages. */
@Controller
class AccountPages {

	private static final int AUDIT_PAGE = 100;

	private final AccountService accounts;

	private final AuditLog audit;

	AccountPages(AccountService accounts, AuditLog audit) {
		this.accounts = accounts;
		this.audit = audit;
	}

	@GetMapping("/login")
	String login(Model model) {
		model.addAttribute("hasAdministrator", accounts.hasAdministrator());
		return "accounts/login";
	}

	@GetMapping("/account")
	String account(Model model) {
		model.addAttribute("me", accounts.get(Access.caller().username()));
		model.addAttribute("tokens", accounts.tokens());
		if (!model.containsAttribute("errors")) {
			model.addAttribute("errors", Map.of());
		}
		return "accounts/account";
	}

	@PostMapping("/account/password")
	String changePassword(@RequestParam String currentPassword, @RequestParam String newPassword,
			RedirectAttributes redirect) {
		try {
			accounts.changePassword(currentPassword, newPassword);
			// the change ended every session of the account, this one too: sign in with the new password
			return "redirect:/login?password-changed";
		}
		catch (AccountInputException e) {
			redirect.addFlashAttribute("errors", errors(e));
			return "redirect:/account";
		}
	}

	@PostMapping("/account/tokens")
	String issue(@RequestParam String name, @RequestParam(defaultValue = "READ") String scope,
			@RequestParam(defaultValue = "90") int days, RedirectAttributes redirect) {
		try {
			IssuedToken issued = accounts.issueToken(name, AccountApiController.parseScope(scope), days);
			// only the secret goes to the flash (kept in the session for one redirect), shown once
			redirect.addFlashAttribute("issuedSecret", issued.secret());
		}
		catch (AccountInputException e) {
			redirect.addFlashAttribute("errors", errors(e));
		}
		return "redirect:/account";
	}

	@PostMapping("/account/tokens/{id}/revocation")
	String revoke(@PathVariable long id) {
		accounts.revokeToken(id);
		return "redirect:/account";
	}

	@GetMapping("/admin/accounts")
	String accounts(Model model) {
		model.addAttribute("accounts", accounts.all());
		model.addAttribute("roles", Role.values());
		if (!model.containsAttribute("errors")) {
			model.addAttribute("errors", Map.of());
			model.addAttribute("form", new NewAccount("", "", Role.DISTRICT_OFFICER.name(), "", ""));
		}
		return "accounts/accounts";
	}

	@PostMapping("/admin/accounts")
	String create(NewAccount form, RedirectAttributes redirect) {
		try {
			var account = accounts.create(form);
			redirect.addFlashAttribute("created", account.username());
		}
		catch (AccountInputException e) {
			redirect.addFlashAttribute("errors", errors(e));
			redirect.addFlashAttribute("form", new NewAccount(form.username(), form.displayName(), form.role(),
					form.binding(), ""));
		}
		return "redirect:/admin/accounts";
	}

	@PostMapping("/admin/accounts/{username}/{change:disable|enable|unlock}")
	String change(@PathVariable String username, @PathVariable String change, RedirectAttributes redirect) {
		try {
			switch (change) {
				case "disable" -> accounts.setDisabled(username, true);
				case "enable" -> accounts.setDisabled(username, false);
				default -> accounts.unlock(username);
			}
		}
		catch (AccountInputException e) {
			redirect.addFlashAttribute("errors", errors(e));
		}
		return "redirect:/admin/accounts";
	}

	/** An administrator sets a new password for someone who lost theirs; their sessions end, their tokens go. */
	@PostMapping("/admin/accounts/{username}/password")
	String resetPassword(@PathVariable String username, @RequestParam String password, RedirectAttributes redirect) {
		try {
			accounts.resetPassword(username, password);
			redirect.addFlashAttribute("passwordReset", username);
		}
		catch (AccountInputException e) {
			redirect.addFlashAttribute("errors", errors(e));
		}
		return "redirect:/admin/accounts";
	}

	@GetMapping("/admin/audit")
	String audit(@RequestParam(required = false) String actor, @RequestParam(required = false) String action,
			@RequestParam(required = false) String entityType, @RequestParam(required = false) String entityId,
			@RequestParam(required = false) String district, @RequestParam(required = false) LocalDate from,
			@RequestParam(required = false) LocalDate to, @RequestParam(defaultValue = "0") int page, Model model) {
		AuditFilter filter = AccountApiController.filter(actor, action, entityType, entityId, district, from, to);
		long total = audit.count(filter);
		model.addAttribute("entries", audit.search(filter, page, AUDIT_PAGE));
		model.addAttribute("total", total);
		model.addAttribute("page", page);
		model.addAttribute("pages", (total + AUDIT_PAGE - 1) / AUDIT_PAGE);
		model.addAttribute("filter", filter);
		model.addAttribute("from", from);
		model.addAttribute("to", to);
		return "accounts/audit";
	}

	private static Map<String, String> errors(AccountInputException e) {
		Map<String, String> errors = new LinkedHashMap<>();
		e.problems().forEach(problem -> errors.merge(problem.field(), problem.message(), (a, b) -> a + "; " + b));
		return errors;
	}

}
