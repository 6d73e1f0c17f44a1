package dev.lantu.policy.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.tags.Tag;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import dev.lantu.policy.BudgetSimulation;
import dev.lantu.policy.CalculationReport;
import dev.lantu.policy.EvaluationPath;
import dev.lantu.policy.InputProblem;
import dev.lantu.policy.MatchReport;
import dev.lantu.policy.MatchingInputException;
import dev.lantu.policy.PolicyMatching;
import dev.lantu.policy.PolicyNotFoundException;
import dev.lantu.policy.SimulationReport;
import dev.lantu.registry.EnterpriseNotFoundException;
import dev.lantu.registry.RegistryInputException;
import dev.lantu.web.Problems;

/** Proactive matching (免申即享) and budget simulation over REST. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "matching", description = "Which enterprises of the registry each policy pays (免申即享), what an enterprise"
		+ " qualifies for, and what a policy costs over the registry, with what-if changes")
class MatchingApiController {

	/** Decimals stay exact: 0.15 is read as a decimal, never as the nearest binary fraction. */
	private static final JsonMapper JSON = JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

	private static final String EXAMPLE = """
			{"year": 2025, "date": "2025-06-01", "path": "batch",
			 "overrides": {"algorithm_rate": "15%", "clause.compute.cap": "200万元", "compute_subsidy_max": "200万元"}}""";

	private final PolicyMatching matching;

	private final BudgetSimulation simulation;

	MatchingApiController(PolicyMatching matching, BudgetSimulation simulation) {
		this.matching = matching;
		this.simulation = simulation;
	}

	@GetMapping("/policies/{id}/matches")
	@Operation(summary = "The enterprises of the registry the policy pays or may pay: eligible ones first, most paid first,"
			+ " with the amounts after caps and exclusions; then the undetermined ones with the facts that would decide."
			+ " Paged; filterable by district (GB/T 2260).")
	MatchReport matches(@PathVariable String id, @RequestParam(required = false) Integer year,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
			@RequestParam(required = false) String district, @RequestParam(required = false) String path,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
		return matching.match(id, year, date, blank(district), path(path), page, size);
	}

	@GetMapping("/policies/{id}/matches/{uscc}")
	@Operation(summary = "Why the policy pays one enterprise of the registry what it pays: the calculator's explanation, "
			+ "clause by clause, from the enterprise's registered facts")
	CalculationReport.PolicyResult explanation(@PathVariable String id, @PathVariable String uscc,
			@RequestParam(required = false) Integer year,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
		return matching.explain(id, uscc, year, date);
	}

	@GetMapping("/enterprises/{uscc}/policies")
	@Operation(summary = "Every policy and clause for one enterprise of the registry, from its registered facts: what it "
			+ "qualifies for, how much, why, and the facts still missing")
	CalculationReport enterprisePolicies(@PathVariable String uscc, @RequestParam(required = false) Integer year,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
		return matching.forEnterprise(uscc, year, date);
	}

	@PostMapping(path = "/policies/{id}/simulation", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "What the policy costs over the whole registry against its budget, by district, track and clause;"
			+ " with overrides, what it would cost with its parameters, clause caps, cap per enterprise or budget changed"
			+ " (the policy itself is not changed). Overrides are written as in a policy file: \"15%\", \"200万元\".")
	SimulationReport simulate(@PathVariable String id, @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
			mediaType = MediaType.APPLICATION_JSON_VALUE, examples = @ExampleObject(value = EXAMPLE))) @RequestBody String body) {
		Object parsed;
		try {
			parsed = JSON.readValue(body, Object.class);
		}
		catch (JacksonException e) {
			String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column "
					+ e.getLocation().getColumnNr();
			throw new MatchingInputException(List.of(new InputProblem("body", null,
					"not well-formed JSON" + where + ": " + e.getOriginalMessage(), "json", List.of())));
		}
		return simulation.simulate(id, simulation.read(id, parsed == null ? Map.of() : parsed));
	}

	static String blank(String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}

	static EvaluationPath path(String text) {
		if (blank(text) == null) {
			return EvaluationPath.BATCH;
		}
		return EvaluationPath.parse(text).orElseThrow(() -> new MatchingInputException(
				List.of(new InputProblem("path", text, "expected batch or sql", "path", List.of()))));
	}

	/** RFC 9457 problem details naming the field and the reason. */
	@RestControllerAdvice(assignableTypes = MatchingApiController.class)
	@Order(Ordered.HIGHEST_PRECEDENCE)
	static class Errors {

		@ExceptionHandler(MatchingInputException.class)
		ProblemDetail input(MatchingInputException e) {
			return Problems.of(HttpStatus.BAD_REQUEST, "Invalid matching or simulation request", e.getMessage())
				.type("invalid-simulation")
				.with("field", e.problems().get(0).field())
				.with("errors", e.problems())
				.build();
		}

		@ExceptionHandler(PolicyNotFoundException.class)
		ProblemDetail policy(PolicyNotFoundException e) {
			return Problems.of(HttpStatus.NOT_FOUND, "No such policy", e.getMessage()).build();
		}

		@ExceptionHandler(EnterpriseNotFoundException.class)
		ProblemDetail enterprise(EnterpriseNotFoundException e) {
			return Problems.of(HttpStatus.NOT_FOUND, "No such enterprise", e.getMessage()).build();
		}

		@ExceptionHandler(RegistryInputException.class)
		ProblemDetail uscc(RegistryInputException e) {
			return Problems.of(HttpStatus.BAD_REQUEST, "Invalid unified social credit code", e.getMessage())
				.with("field", "uscc")
				.build();
		}

	}

}
