package dev.lantu.policy.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

import dev.lantu.policy.BudgetSimulation;
import dev.lantu.policy.EvaluationPath;
import dev.lantu.policy.InputProblem;
import dev.lantu.policy.MatchReport;
import dev.lantu.policy.MatchingInputException;
import dev.lantu.policy.PolicyCatalogue;
import dev.lantu.policy.PolicyMatching;
import dev.lantu.policy.SimulationReport;
import dev.lantu.policy.StoredPolicy;

/**
 * The matching page of a policy (which enterprises of the registry it pays, 免申即享 highlighted) and its budget
 * simulation page (the cost against the budget by district, track and clause, with a form of what-if overrides).
 */
@Controller
class MatchingPages {

	static final int PAGE_SIZE = 25;

	/** Form fields of overrides are named {@code o.<key>}: {@code o.algorithm_rate}, {@code o.clause.compute.cap}. */
	static final String OVERRIDE = "o.";

	private final PolicyCatalogue catalogue;

	private final PolicyMatching matching;

	private final BudgetSimulation simulation;

	private final PolicyNames names;

	MatchingPages(PolicyCatalogue catalogue, PolicyMatching matching, BudgetSimulation simulation, PolicyNames names) {
		this.catalogue = catalogue;
		this.matching = matching;
		this.simulation = simulation;
		this.names = names;
	}

	@GetMapping("/policies/{id}/matches")
	String matches(@PathVariable String id, @RequestParam(required = false) String district,
			@RequestParam(required = false) String year, @RequestParam(required = false) String date,
			@RequestParam(defaultValue = "0") int page, Model model, HttpServletResponse response) {
		StoredPolicy policy = catalogue.policy(id);
		matching.requireMatches(id);
		model.addAttribute("policy", policy.document());
		model.addAttribute("names", names);
		model.addAttribute("districts", names.districts());
		String chosen = MatchingApiController.blank(district);
		model.addAttribute("district", chosen);
		model.addAttribute("year", MatchingApiController.blank(year));
		model.addAttribute("date", MatchingApiController.blank(date));
		List<InputProblem> problems = new ArrayList<>();
		Integer applicationYear = year(year, problems);
		LocalDate applicationDate = date(date, problems);
		MatchReport report = null;
		if (problems.isEmpty()) {
			try {
				report = matching.match(id, applicationYear, applicationDate, chosen, EvaluationPath.BATCH, Math.max(0, page),
						PAGE_SIZE);
			}
			catch (MatchingInputException e) {
				problems.addAll(e.problems());
			}
		}
		if (!problems.isEmpty()) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
		}
		model.addAttribute("problems", problems);
		model.addAttribute("report", report);
		if (report != null) {
			List<Map<String, Object>> pages = new ArrayList<>();
			for (int p = Math.max(0, report.page() - 4); p < Math.min(report.pages(), report.page() + 5); p++) {
				pages.add(Map.of("page", p, "current", p == report.page(), "href", UriComponentsBuilder
					.fromPath("/policies/" + id + "/matches").queryParamIfPresent("district", Optional.ofNullable(chosen))
					.queryParamIfPresent("year", Optional.ofNullable(MatchingApiController.blank(year)))
					.queryParamIfPresent("date", Optional.ofNullable(MatchingApiController.blank(date)))
					.queryParam("page", p).build().encode().toUriString()));
			}
			model.addAttribute("pages", pages);
		}
		return "policy/matches";
	}

	@GetMapping("/policies/{id}/simulation")
	String simulation(@PathVariable String id, @RequestParam Map<String, String> parameters, Model model, Locale locale,
			HttpServletResponse response) {
		StoredPolicy policy = catalogue.policy(id);
		model.addAttribute("policy", policy.document());
		model.addAttribute("names", names);
		List<InputProblem> problems = new ArrayList<>();
		String year = MatchingApiController.blank(parameters.get("year"));
		String date = MatchingApiController.blank(parameters.get("date"));
		String path = MatchingApiController.blank(parameters.get("path"));
		Integer applicationYear = year(year, problems);
		LocalDate applicationDate = date(date, problems);
		EvaluationPath evaluationPath = EvaluationPath.BATCH;
		if (path != null) {
			evaluationPath = EvaluationPath.parse(path).orElse(null);
			if (evaluationPath == null) {
				problems.add(new InputProblem("path", path, "expected batch or sql", "path", List.of()));
			}
		}
		Map<String, String> overrides = new LinkedHashMap<>();
		parameters.forEach((key, value) -> {
			if (key.startsWith(OVERRIDE) && value != null && !value.isBlank()) {
				overrides.put(key.substring(OVERRIDE.length()), value.strip());
			}
		});
		model.addAttribute("year", year);
		model.addAttribute("date", date);
		model.addAttribute("path", evaluationPath == null ? EvaluationPath.BATCH : evaluationPath);
		model.addAttribute("entered", overrides);
		model.addAttribute("current", simulation.overridable(id, applicationDate));
		SimulationReport report = null;
		if (problems.isEmpty()) {
			try {
				BudgetSimulation.Request request = simulation.read(id, applicationYear, applicationDate, evaluationPath, overrides);
				report = simulation.simulate(id, request);
			}
			catch (MatchingInputException e) {
				problems.addAll(e.problems());
			}
		}
		if (!problems.isEmpty()) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
		}
		model.addAttribute("problems", problems);
		model.addAttribute("fieldProblems", fieldProblems(problems));
		model.addAttribute("report", report);
		if (report != null) {
			SimulationReport.Cost shown = report.whatIf() != null ? report.whatIf() : report.baseline();
			model.addAttribute("districtChart", chart(shown.byDistrict()));
			model.addAttribute("trackChart", chart(shown.byTrack()));
		}
		return "policy/simulation";
	}

	/** Problems by the form field they belong to ({@code overrides.x} → {@code o.x}). */
	private static Map<String, String> fieldProblems(List<InputProblem> problems) {
		Map<String, String> byField = new LinkedHashMap<>();
		for (InputProblem problem : problems) {
			String field = problem.field().startsWith("overrides.") ? OVERRIDE + problem.field().substring("overrides.".length())
					: problem.field();
			byField.putIfAbsent(field, problem.reason());
		}
		return byField;
	}

	/** Bars for the page's chart: the categories, their values in 万元 and the amounts as read. */
	private static Map<String, Object> chart(List<SimulationReport.Share> shares) {
		Map<String, Object> chart = new LinkedHashMap<>();
		chart.put("categories", shares.stream().map(SimulationReport.Share::label).toList());
		// the chart's bar lengths only; the labels and the table carry the exact amounts
		chart.put("values", shares.stream().map(s -> s.cost().fen() / 1_000_000.0).toList());
		chart.put("labels", shares.stream().map(s -> s.cost().text()).toList());
		return chart;
	}

	private static Integer year(String text, List<InputProblem> problems) {
		String written = MatchingApiController.blank(text);
		if (written == null) {
			return null;
		}
		if (written.matches("[12][0-9]{3}")) {
			return Integer.valueOf(written);
		}
		problems.add(new InputProblem("year", written, "expected an application year such as 2025", "year", List.of()));
		return null;
	}

	private static LocalDate date(String text, List<InputProblem> problems) {
		String written = MatchingApiController.blank(text);
		if (written == null) {
			return null;
		}
		try {
			return LocalDate.parse(written);
		}
		catch (DateTimeParseException e) {
			problems.add(new InputProblem("date", written, "expected a date as YYYY-MM-DD", "date", List.of()));
			return null;
		}
	}

}
