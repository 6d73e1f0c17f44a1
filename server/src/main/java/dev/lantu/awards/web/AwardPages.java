package dev.lantu.awards.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import dev.lantu.accounts.Access;
import dev.lantu.atlas.AtlasService;
import dev.lantu.awards.Application;
import dev.lantu.awards.ApprovalRefusedException;
import dev.lantu.awards.Award;
import dev.lantu.awards.AwardFilter;
import dev.lantu.awards.AwardInputException;
import dev.lantu.awards.AwardLedger;
import dev.lantu.awards.AwardNotFoundException;
import dev.lantu.awards.AwardOutcome;
import dev.lantu.awards.AwardPage;
import dev.lantu.awards.AwardProblem;
import dev.lantu.awards.AwardState;
import dev.lantu.awards.IdempotencyKeyReusedException;
import dev.lantu.awards.TransitionRefusedException;
import dev.lantu.engine.policy.Delivery;
import dev.lantu.policy.Amount;
import dev.lantu.policy.PolicyCatalogue;
import dev.lantu.policy.PolicyQuery;
import dev.lantu.policy.PolicySummary;

/**
 * The ledger's pages: the list with its filters and each policy's totals against its budget; an award with
 * its history and the forms that move it on; the form to apply (or, for a policy officer, to propose a
 * 免申即享 award). Each form carries a fresh idempotency key, so submitting it twice changes nothing twice.
 */
@Controller
class AwardPages {

	static final int PAGE_SIZE = 30;

	private static final BigDecimal FEN_PER_WAN = new BigDecimal(1_000_000);

	private static final JsonMapper JSON = JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
		.build();

	private final AwardLedger ledger;

	private final PolicyCatalogue policies;

	private final AtlasService atlas;

	private final MessageSource messages;

	AwardPages(AwardLedger ledger, PolicyCatalogue policies, AtlasService atlas, MessageSource messages) {
		this.ledger = ledger;
		this.policies = policies;
		this.atlas = atlas;
		this.messages = messages;
	}

	/** Money as the ledger's pages show it: exact, with its unit (150万元, 1234.56元). */
	public static final class Amounts {

		public String of(Long fen) {
			return fen == null ? null : Amount.of(fen).text();
		}

	}

	@ModelAttribute
	void common(Model model) {
		model.addAttribute("amounts", new Amounts());
	}

	/** Forms bind only their own fields. */
	@InitBinder
	void disallowIds(WebDataBinder binder) {
		binder.setDisallowedFields("id");
	}

	@GetMapping("/awards")
	String list(@RequestParam(required = false) String policy, @RequestParam(required = false) String district,
			@RequestParam(required = false) String state, @RequestParam(required = false) String uscc,
			@RequestParam(defaultValue = "0") int page, Model model) {
		AwardState parsed = state == null || state.isBlank() ? null : AwardState.parse(state).orElse(null);
		AwardFilter filter = new AwardFilter(policy, district, parsed, uscc, null);
		AwardPage awards = ledger.search(filter, Math.max(0, page), PAGE_SIZE);
		model.addAttribute("awards", awards);
		model.addAttribute("totals", ledger.totals(filter));
		model.addAttribute("filter", filter);
		model.addAttribute("policies", policies.search(PolicyQuery.all()));
		model.addAttribute("districts", atlas.districts());
		model.addAttribute("states", AwardState.values());
		model.addAttribute("pages", (awards.total() + PAGE_SIZE - 1) / PAGE_SIZE);
		return "awards/list";
	}

	record ChangeForm(String reason, String amount, String key) {
	}

	@GetMapping("/awards/{id}")
	String award(@PathVariable long id, @RequestParam(required = false) String done, Model model) {
		if (done != null && List.of("created", "review", "approval", "rejection", "disbursement", "clawback").contains(done)) {
			model.addAttribute("done", done);
		}
		model.addAttribute("form", new ChangeForm(null, null, null));
		return awardPage(id, model);
	}

	private String awardPage(long id, Model model) {
		Award award = ledger.get(id);
		model.addAttribute("award", award);
		model.addAttribute("history", ledger.history(id));
		// the forms that move it on only for whom may decide on it: its issuer's policy officer, an administrator
		model.addAttribute("next", ledger.mayDecide(award) ? award.state().next() : java.util.Set.of());
		model.addAttribute("key", UUID.randomUUID().toString());
		if (award.state() == AwardState.UNDER_REVIEW) {
			model.addAttribute("headroom", ledger.headroom(id));
		}
		model.addAttribute("district", atlas.districts().stream().filter(d -> d.code().equals(award.districtCode()))
			.findFirst().orElse(null));
		return "awards/award";
	}

	@PostMapping("/awards/{id}/{change:review|approval|rejection|disbursement|clawback}")
	String change(@PathVariable long id, @PathVariable String change, @ModelAttribute("form") ChangeForm form, Model model,
			Locale locale, HttpServletResponse response) {
		ledger.requireMayDecide(id, change);
		Map<String, String> errors = new LinkedHashMap<>();
		String actor = Access.caller().username();
		Long amount = change.equals("approval") ? wan(form.amount(), "amount", errors, locale) : null;
		String key = form.key() == null || form.key().isBlank() ? null : form.key();
		if (errors.isEmpty()) {
			try {
				switch (change) {
					case "review" -> ledger.startReview(id, form.reason(), actor, key);
					case "approval" -> ledger.approve(id, amount, form.reason(), actor, key);
					case "rejection" -> ledger.reject(id, form.reason(), actor, key);
					case "disbursement" -> ledger.disburse(id, form.reason(), actor, key);
					default -> ledger.clawBack(id, form.reason(), actor, key);
				}
				return "redirect:/awards/" + id + "?done=" + change;
			}
			catch (AwardInputException e) {
				response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
				e.problems().forEach(p -> errors.merge(p.field(), say(p, locale), (a, b) -> a + "; " + b));
			}
			catch (ApprovalRefusedException e) {
				response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
				model.addAttribute("refusal", e.getMessage());
				model.addAttribute("binding", e.binding());
			}
			catch (TransitionRefusedException e) {
				response.setStatus(HttpStatus.CONFLICT.value());
				model.addAttribute("refusal", messages.getMessage("award.transition.refused", new Object[] {
						state(e.from(), locale), state(e.to(), locale) }, locale));
			}
			catch (IdempotencyKeyReusedException e) {
				response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
				model.addAttribute("refusal", e.getMessage());
			}
		}
		else {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		}
		model.addAttribute("failed", change);
		model.addAttribute("errors", errors);
		return awardPage(id, model);
	}

	record ApplicationForm(String kind, String uscc, String policy, String clause, String year, String date,
			String profile, String key, String projectId) {
	}

	@GetMapping("/awards/new")
	String newAward(@RequestParam(required = false) String uscc, @RequestParam(required = false) String policy,
			@RequestParam(required = false) String clause, @RequestParam(required = false) String year,
			@RequestParam(required = false) String kind, Model model) {
		Access.require(Access.caller().isSignedIn() || Access.caller().isAdministrator(), "apply for awards");
		model.addAttribute("applicationForm", new ApplicationForm(kind == null ? "application" : kind, uscc, policy, clause,
				year == null ? String.valueOf(LocalDate.now().getYear()) : year, null, null, UUID.randomUUID().toString(), null));
		return applicationPage(model);
	}

	private String applicationPage(Model model) {
		List<PolicySummary> all = policies.search(PolicyQuery.all());
		Map<String, List<ClauseChoice>> clauses = new LinkedHashMap<>();
		for (PolicySummary summary : all) {
			clauses.put(summary.id(), policies.policy(summary.id()).document().clauses().stream()
				.map(c -> new ClauseChoice(summary.id(), c.clause().id(), c.clause().title(),
						c.clause().delivery() == Delivery.WITHOUT_APPLICATION))
				.toList());
		}
		model.addAttribute("policies", all);
		model.addAttribute("clauses", clauses.values().stream().flatMap(List::stream).toList());
		return "awards/new";
	}

	/** A clause as the form offers it. */
	record ClauseChoice(String policyId, String clauseId, String title, boolean proactive) {
	}

	@PostMapping("/awards")
	String create(@ModelAttribute("applicationForm") ApplicationForm form, Model model, Locale locale,
			HttpServletResponse response) {
		Map<String, String> errors = new LinkedHashMap<>();
		String actor = Access.caller().username();
		Integer year = null;
		try {
			year = Integer.valueOf(form.year() == null ? "" : form.year().strip());
		}
		catch (NumberFormatException e) {
			errors.put("year", messages.getMessage("award.error.year", null, locale));
		}
		LocalDate date = null;
		if (form.date() != null && !form.date().isBlank()) {
			try {
				date = LocalDate.parse(form.date().strip());
			}
			catch (DateTimeParseException e) {
				errors.put("date", messages.getMessage("award.error.date", null, locale));
			}
		}
		Long projectId = null;
		if (form.projectId() != null && !form.projectId().isBlank()) {
			try {
				projectId = Long.valueOf(form.projectId().strip());
			}
			catch (NumberFormatException e) {
				errors.put("projectId", messages.getMessage("award.error.projectId", null, locale));
			}
		}
		Map<String, Object> profile = profile(form.profile(), errors, locale);
		if (errors.isEmpty()) {
			Application application = new Application(form.uscc(), form.policy(), form.clause(), year, date, profile,
					projectId);
			String key = form.key() == null || form.key().isBlank() ? null : form.key();
			try {
				AwardOutcome outcome = "proactive".equals(form.kind()) ? ledger.propose(application, actor, key)
						: ledger.apply(application, actor, key);
				return "redirect:/awards/" + outcome.award().id() + "?done=created";
			}
			catch (AwardInputException e) {
				e.problems().forEach(p -> errors.merge(field(p.field()), say(p, locale), (a, b) -> a + "; " + b));
			}
			catch (IdempotencyKeyReusedException e) {
				errors.put("key", e.getMessage());
			}
		}
		response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		model.addAttribute("errors", errors);
		return applicationPage(model);
	}

	/** A problem in the profile's facts is shown at the profile field. */
	private static String field(String field) {
		return field.startsWith("profile") ? "profile" : field;
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> profile(String text, Map<String, String> errors, Locale locale) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			Object parsed = JSON.readValue(text, Object.class);
			if (parsed instanceof Map<?, ?> map) {
				return (Map<String, Object>) map;
			}
		}
		catch (JacksonException e) {
			// reported below
		}
		errors.put("profile", messages.getMessage("award.error.profile", null, locale));
		return null;
	}

	/** An amount typed in 万元, as fen; blank is null (the most the rules allow); finer than a fen is refused. */
	private Long wan(String text, String field, Map<String, String> errors, Locale locale) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			BigDecimal fen = new BigDecimal(text.strip().replace(",", "").replace("，", "")).multiply(FEN_PER_WAN);
			if (fen.stripTrailingZeros().scale() > 0) {
				errors.put(field, messages.getMessage("form.error.amount.FINER_THAN_FEN", null, locale));
				return null;
			}
			return fen.longValueExact();
		}
		catch (NumberFormatException | ArithmeticException e) {
			errors.put(field, messages.getMessage("form.error.amount.NOT_A_NUMBER", null, locale));
			return null;
		}
	}

	private String say(AwardProblem problem, Locale locale) {
		return messages.getMessage("award.problem." + problem.code(), problem.args().toArray(), problem.reason(), locale);
	}

	private String state(AwardState state, Locale locale) {
		return messages.getMessage("award.state." + state.name(), null, state.name(), locale);
	}

	@ExceptionHandler(AwardNotFoundException.class)
	ModelAndView noSuchAward(AwardNotFoundException e, HttpServletRequest request) {
		ModelAndView page = new ModelAndView("error", HttpStatus.NOT_FOUND);
		page.addObject("status", HttpStatus.NOT_FOUND.value());
		page.addObject("error", HttpStatus.NOT_FOUND.getReasonPhrase());
		page.addObject("detail", e.getMessage());
		page.addObject("path", request.getRequestURI());
		return page;
	}

	@ExceptionHandler(AwardInputException.class)
	ModelAndView badFilter(AwardInputException e, HttpServletRequest request) {
		ModelAndView page = new ModelAndView("error", HttpStatus.BAD_REQUEST);
		page.addObject("status", HttpStatus.BAD_REQUEST.value());
		page.addObject("error", HttpStatus.BAD_REQUEST.getReasonPhrase());
		page.addObject("detail", e.getMessage());
		page.addObject("path", request.getRequestURI());
		return page;
	}

}
