package dev.lantu.policy.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.tags.Tag;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import dev.lantu.dataset.Source;
import dev.lantu.dataset.SourceCatalogue;
import dev.lantu.engine.policy.DatedValue;
import dev.lantu.engine.policy.PolicyDocument;
import dev.lantu.policy.Amount;
import dev.lantu.policy.CalculationInput;
import dev.lantu.policy.CalculationInputException;
import dev.lantu.policy.CalculationReport;
import dev.lantu.policy.InputProblem;
import dev.lantu.policy.PolicyCalculator;
import dev.lantu.policy.PolicyCatalogue;
import dev.lantu.policy.PolicyQuery;
import dev.lantu.policy.PolicySummary;
import dev.lantu.policy.StoredPolicy;

/** Policies over REST: the list and its search, one policy in full, and the policy calculator. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "policies", description = "Special industrial policies as data, and the policy calculator (政策计算器)")
class PolicyApiController {

	/** Decimals stay exact: 0.1 is read as a decimal, never as the nearest binary fraction. */
	private static final JsonMapper JSON = JsonMapper.builder()
		.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
		.build();

	private static final String EXAMPLE = """
			{"year": 2025, "date": "2025-03-01",
			 "profile": {"facts": {"district": "440106", "filings": ["生成式人工智能服务备案"]},
			             "yearly": {"rd_expense": {"2024": "800万元"},
			                        "compute_purchases": {"2024": {"value": 320, "unit": "万元"}}}}}""";

	private final PolicyCatalogue catalogue;

	private final PolicyCalculator calculator;

	private final SourceCatalogue sources;

	PolicyApiController(PolicyCatalogue catalogue, PolicyCalculator calculator, SourceCatalogue sources) {
		this.catalogue = catalogue;
		this.calculator = calculator;
		this.sources = sources;
	}

	/** A policy in full: what the list shows, and its clauses, parameters, source and reviewed text. */
	record PolicyView(String id, int version, String titleZh, String titleEn, String issuer, String documentNumber,
			List<String> regions, List<String> tracks, LocalDate effectiveFrom, LocalDate effectiveTo,
			SourceView source, Amount capPerEnterprisePerYear, Amount budget, List<ClauseView> clauses,
			List<ParameterView> parameters, String file, String yaml, String testsFile) {
	}

	/** @param entry the source's entry in the dataset's catalogue, when it cites one */
	record SourceView(String title, String url, String citation, String confidence, Source entry) {
	}

	/** @param eligibility and award: the expressions as the policy writes them */
	record ClauseView(String id, String title, String subject, String eligibility, String award, Amount cap,
			String delivery, boolean illustrative, String note, String sourceParagraph) {
	}

	record ParameterView(String name, String type, String description, List<DatedValueView> values) {
	}

	/** @param value as a policy writes it: 10%, 150万元 */
	record DatedValueView(LocalDate from, String value, String reference) {
	}

	/** A variable a profile may give. */
	record VariableView(String name, String type, String periodicity, String unit, String description,
			String source) {
	}

	@GetMapping("/policies")
	@Operation(summary = "The loaded policies, newest first; every filter given narrows the list")
	List<PolicySummary> policies(
			@Parameter(description = "a GB/T 2260 code; a district's list includes its city's policies") @RequestParam(required = false) String district,
			@Parameter(description = "a track id the policy supports, such as gz.cluster.ai") @RequestParam(required = false) String track,
			@Parameter(description = "part of the issuer's name") @RequestParam(required = false) String issuer,
			@Parameter(description = "a date the policy is in force on (YYYY-MM-DD)") @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on,
			@Parameter(description = "words in the titles, the issuer, the document number or the clauses") @RequestParam(required = false) String q) {
		return catalogue.search(new PolicyQuery(district, track, issuer, on, q));
	}

	@GetMapping("/policies/{id}")
	@Operation(summary = "One policy: clauses with eligibility, award, caps and source paragraph; parameters with their dated values")
	PolicyView policy(@PathVariable String id) {
		return view(catalogue.policy(id));
	}

	@GetMapping("/policy/variables")
	@Operation(summary = "The enterprise facts a calculation's profile may give, with type, unit and whether yearly")
	List<VariableView> variables() {
		return catalogue.variables().stream()
			.map(v -> new VariableView(v.name(), v.type().name().toLowerCase(), v.periodicity().name().toLowerCase(),
					v.unit(), v.description(), v.source()))
			.toList();
	}

	@PostMapping(path = "/policy/calculate", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Every clause of every policy for one enterprise and application year: eligible, not eligible"
			+ " or undetermined, the amount before and after caps and exclusions, why, and the facts still missing."
			+ " Money states its unit: \"800万元\", \"1500元\", \"12345分\" or {\"value\": 800, \"unit\": \"万元\"}.")
	CalculationReport calculate(@io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
			mediaType = MediaType.APPLICATION_JSON_VALUE, examples = @ExampleObject(value = EXAMPLE))) @RequestBody String body) {
		Object parsed;
		try {
			parsed = JSON.readValue(body, Object.class);
		}
		catch (JacksonException e) {
			String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column "
					+ e.getLocation().getColumnNr();
			throw new CalculationInputException(List.of(new InputProblem("body", null,
					"not well-formed JSON" + where + ": " + e.getOriginalMessage(), "json", List.of())));
		}
		if (parsed == null) {
			parsed = Map.of();
		}
		CalculationInput input = calculator.read(parsed, LocalDate.now());
		return calculator.calculate(input);
	}

	private PolicyView view(StoredPolicy stored) {
		PolicyDocument policy = stored.document();
		PolicyDocument.Source source = policy.source();
		Source entry = source.citation().isEmpty() ? null : sources.index().get(source.citation());
		List<ClauseView> clauses = policy.clauses().stream().map(c -> new ClauseView(c.clause().id(),
				c.clause().title(), c.clause().subject(), c.clause().eligibility().source().strip(),
				c.clause().award().source().strip(), Amount.ofNullable(c.clause().capFen()),
				c.clause().delivery().name(), c.illustrative(), c.note(), c.clause().sourceParagraph())).toList();
		List<ParameterView> parameters = PolicyPageModel.parameters(stored).stream()
			.map(p -> new ParameterView(p.name(), p.type().name().toLowerCase(), p.description(),
					p.values().stream().map(PolicyApiController::datedValue).toList()))
			.toList();
		return new PolicyView(policy.id(), stored.version(), policy.titleZh(), policy.titleEn(), policy.issuer(),
				policy.documentNumber(), policy.regions(), policy.tracks(), policy.effectiveFrom(), policy.effectiveTo(),
				new SourceView(source.title(), source.url(), source.citation(), source.confidence(), entry),
				Amount.ofNullable(policy.capPerEnterprisePerYear()), Amount.ofNullable(policy.budget()), clauses,
				parameters, stored.file(), stored.text(), stored.testsFile());
	}

	private static DatedValueView datedValue(DatedValue value) {
		return new DatedValueView(value.from(), value.value().show(), value.reference());
	}

}
