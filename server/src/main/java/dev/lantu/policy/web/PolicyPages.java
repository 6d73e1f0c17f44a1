package dev.lantu.policy.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

import dev.lantu.dataset.SourceCatalogue;
import dev.lantu.policy.BudgetSimulation;
import dev.lantu.policy.PolicyCatalogue;
import dev.lantu.policy.PolicyMatching;
import dev.lantu.policy.PolicyNotFoundException;
import dev.lantu.policy.PolicyQuery;
import dev.lantu.policy.StoredPolicy;

/** The policies' pages: the list with its filters, and one policy with its clauses and parameters. */
@Controller
class PolicyPages {

	private final PolicyCatalogue catalogue;

	private final PolicyNames names;

	private final SourceCatalogue sources;

	private final PolicyMatching matching;

	private final BudgetSimulation simulation;

	PolicyPages(PolicyCatalogue catalogue, PolicyNames names, SourceCatalogue sources, PolicyMatching matching,
			BudgetSimulation simulation) {
		this.matching = matching;
		this.simulation = simulation;
		this.catalogue = catalogue;
		this.names = names;
		this.sources = sources;
	}

	@GetMapping("/policies")
	String list(@RequestParam(required = false) String district, @RequestParam(required = false) String track,
			@RequestParam(required = false) String issuer, @RequestParam(required = false) String on,
			@RequestParam(required = false) String q, Model model, Locale locale) {
		LocalDate date = null;
		boolean badDate = false;
		if (on != null && !on.isBlank()) {
			try {
				date = LocalDate.parse(on.strip());
			}
			catch (DateTimeParseException e) {
				badDate = true;
			}
		}
		PolicyQuery query = new PolicyQuery(district, track, issuer, date, q);
		model.addAttribute("query", query);
		model.addAttribute("onText", on == null ? "" : on);
		model.addAttribute("badDate", badDate);
		model.addAttribute("policies", catalogue.search(query));
		model.addAttribute("regions", names.regions());
		model.addAttribute("tracks", catalogue.tracks());
		model.addAttribute("issuers", catalogue.issuers());
		model.addAttribute("names", names);
		return "policy/list";
	}

	@GetMapping("/policies/{id}")
	String policy(@PathVariable String id, Model model) {
		StoredPolicy policy = catalogue.policy(id);
		model.addAttribute("stored", policy);
		model.addAttribute("policy", policy.document());
		model.addAttribute("parameters", PolicyPageModel.parameters(policy));
		model.addAttribute("sourceEntry", sources.index().get(policy.document().source().citation()));
		model.addAttribute("names", names);
		// the links to what only some may see (docs/accounts.md)
		model.addAttribute("mayMatch", matching.mayMatch(id));
		model.addAttribute("maySimulate", simulation.maySimulate(id));
		return "policy/policy";
	}

	/** The shell's error page (templates/error.html), filled as Spring Boot's error controller fills it. */
	@ExceptionHandler(PolicyNotFoundException.class)
	ModelAndView notFound(PolicyNotFoundException e, HttpServletRequest request) {
		ModelAndView page = new ModelAndView("error", HttpStatus.NOT_FOUND);
		page.addObject("status", HttpStatus.NOT_FOUND.value());
		page.addObject("error", HttpStatus.NOT_FOUND.getReasonPhrase());
		page.addObject("detail", e.getMessage());
		page.addObject("path", request.getRequestURI());
		return page;
	}

}
