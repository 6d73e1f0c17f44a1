package dev.lantu.policy.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import dev.lantu.engine.lang.Type;
import dev.lantu.engine.lang.Variable;
import dev.lantu.engine.policy.Assessment;
import dev.lantu.policy.CalculationInput;
import dev.lantu.policy.CalculationInputException;
import dev.lantu.policy.CalculationReport;
import dev.lantu.policy.InputProblem;
import dev.lantu.policy.PolicyCalculator;

/**
 * The policy calculator page (政策计算器): a plain form for the enterprise's profile, one field per
 * variable of the schema, money with its unit (元 or 万元); the result grouped by policy with the
 * reasons in words, each clause linked to its source paragraph, and the facts still to add.
 *
 * <p>Field names: {@code f.<variable>} for a static fact, {@code y.<variable>.last} and
 * {@code y.<variable>.this} for a yearly figure of the year before the application year and of that
 * year, {@code u.<variable>} for the unit of a money variable.
 */
@Controller
class CalculatorPage {

	static final List<String> FORM_UNITS = List.of("万元", "元");

	private static final Pattern YEARLY_FIELD = Pattern.compile("profile\\.yearly\\.([a-z0-9_]+)\\.([0-9]+)(\\..*)?");

	private final PolicyCalculator calculator;

	private final PolicyNames names;

	private final MessageSource messages;

	CalculatorPage(PolicyCalculator calculator, PolicyNames names, MessageSource messages) {
		this.calculator = calculator;
		this.names = names;
		this.messages = messages;
	}

	/**
	 * One variable of the form.
	 *
	 * @param input how it is asked: district, text, set, boolean, date, number or money
	 */
	record Field(Variable variable, String input) {

		public String name() {
			return variable.name();
		}

		public boolean yearly() {
			return variable.isYearly();
		}

	}

	@GetMapping("/policies/calculator")
	String form(Model model) {
		LocalDate today = LocalDate.now();
		Map<String, String> values = new LinkedHashMap<>();
		values.put("year", String.valueOf(today.getYear()));
		values.put("date", today.toString());
		return page(values, Map.of(), null, model);
	}

	@PostMapping("/policies/calculator")
	String calculate(@RequestParam MultiValueMap<String, String> form, Model model, Locale locale,
			HttpServletResponse response) {
		Map<String, String> values = new LinkedHashMap<>();
		form.forEach((key, list) -> values.put(key, list.isEmpty() ? "" : list.get(0)));
		Integer year = null;
		try {
			year = Integer.valueOf(values.getOrDefault("year", "").strip());
		}
		catch (NumberFormatException e) {
			// the reader below names the field
		}
		try {
			CalculationInput input = calculator.read(body(values, year), LocalDate.now());
			return page(values, Map.of(), calculator.calculate(input), model);
		}
		catch (CalculationInputException e) {
			Map<String, String> errors = new LinkedHashMap<>();
			for (InputProblem problem : e.problems()) {
				errors.merge(formField(problem.field(), year), say(problem, locale), (a, b) -> a + "; " + b);
			}
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return page(values, errors, null, model);
		}
	}

	private String page(Map<String, String> values, Map<String, String> errors, CalculationReport report,
			Model model) {
		model.addAttribute("fields", fields());
		model.addAttribute("values", values);
		model.addAttribute("errors", errors);
		model.addAttribute("report", report);
		if (report != null) {
			model.addAttribute("policies", inReadingOrder(report));
			model.addAttribute("clauseTitles", clauseTitles(report));
		}
		model.addAttribute("units", FORM_UNITS);
		model.addAttribute("districts", names.districts());
		model.addAttribute("names", names);
		int year = parseYear(values.get("year"));
		model.addAttribute("lastYear", year - 1);
		model.addAttribute("thisYear", year);
		return "policy/calculator";
	}

	/**
	 * The policies a reader looks for first: those that pay or may pay, then those that do not, then
	 * those not in force on the application date; the calculator's own order within each.
	 */
	static List<CalculationReport.PolicyResult> inReadingOrder(CalculationReport report) {
		return report.policies().stream().sorted(Comparator.comparingInt(CalculatorPage::rank)).toList();
	}

	private static int rank(CalculationReport.PolicyResult policy) {
		if (!policy.inForce()) {
			return 2;
		}
		boolean open = policy.clauses().stream().anyMatch(clause -> clause.status() == Assessment.Status.ELIGIBLE
				|| clause.status() == Assessment.Status.UNDETERMINED);
		return open ? 0 : 1;
	}

	/** Each clause's title by {@code policy/clause}, as the missing facts name the clauses they decide. */
	private static Map<String, String> clauseTitles(CalculationReport report) {
		Map<String, String> titles = new LinkedHashMap<>();
		report.policies().forEach(policy -> policy.clauses().forEach(clause -> titles.put(policy.id() + "/" + clause.id(),
				clause.title().isEmpty() ? clause.id() : clause.title())));
		return titles;
	}

	private static int parseYear(String text) {
		try {
			return Integer.parseInt(text == null ? "" : text.strip());
		}
		catch (NumberFormatException e) {
			return LocalDate.now().getYear();
		}
	}

	private List<Field> fields() {
		return calculator.variables().stream().map(variable -> new Field(variable, input(variable))).toList();
	}

	private static String input(Variable variable) {
		if (variable.name().equals("district") && variable.type() == Type.TEXT && !variable.isYearly()) {
			return "district";
		}
		return variable.type().name().toLowerCase(Locale.ROOT);
	}

	/** The form as the calculator's request: blank fields are facts not known, so they are left out. */
	private Map<String, Object> body(Map<String, String> values, Integer year) {
		Map<String, Object> facts = new LinkedHashMap<>();
		Map<String, Object> yearly = new LinkedHashMap<>();
		for (Field field : fields()) {
			Variable variable = field.variable();
			if (!variable.isYearly()) {
				String text = values.getOrDefault("f." + variable.name(), "");
				if (!text.isBlank()) {
					facts.put(variable.name(), value(variable, text, values));
				}
				continue;
			}
			Map<String, Object> byYear = new LinkedHashMap<>();
			if (year != null) {
				putYear(byYear, year - 1, values.getOrDefault("y." + variable.name() + ".last", ""), variable, values);
				putYear(byYear, year, values.getOrDefault("y." + variable.name() + ".this", ""), variable, values);
			}
			if (!byYear.isEmpty()) {
				yearly.put(variable.name(), byYear);
			}
		}
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("year", values.getOrDefault("year", ""));
		if (!values.getOrDefault("date", "").isBlank()) {
			body.put("date", values.get("date"));
		}
		body.put("profile", Map.of("facts", facts, "yearly", yearly));
		return body;
	}

	private static void putYear(Map<String, Object> byYear, int year, String text, Variable variable,
			Map<String, String> values) {
		if (!text.isBlank()) {
			byYear.put(String.valueOf(year), value(variable, text, values));
		}
	}

	private static Object value(Variable variable, String text, Map<String, String> values) {
		return switch (variable.type()) {
			case MONEY -> Map.of("value", text.strip().replace(",", "").replace("，", ""), "unit",
					values.getOrDefault("u." + variable.name(), FORM_UNITS.get(0)));
			case SET -> Arrays.stream(text.split("[,，、;；\\n]+")).map(String::strip).filter(s -> !s.isEmpty()).toList();
			default -> text.strip();
		};
	}

	/** Where on the form a problem of the request belongs. */
	static String formField(String field, Integer year) {
		if (field.startsWith("profile.facts.")) {
			return "f." + field.substring("profile.facts.".length());
		}
		Matcher yearly = YEARLY_FIELD.matcher(field);
		if (yearly.matches()) {
			boolean last = year != null && yearly.group(2).equals(String.valueOf(year - 1));
			return "y." + yearly.group(1) + (last ? ".last" : ".this");
		}
		return field;
	}

	private String say(InputProblem problem, Locale locale) {
		List<Object> args = new ArrayList<>(problem.args());
		args.add(0, problem.value() == null ? "" : problem.value());
		return messages.getMessage("calculator.problem." + problem.code(), args.toArray(), problem.reason(), locale);
	}

}
