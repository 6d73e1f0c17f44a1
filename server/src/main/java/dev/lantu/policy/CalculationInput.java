package dev.lantu.policy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.lantu.engine.eval.MapEnterprise;
import dev.lantu.engine.eval.Value;
import dev.lantu.engine.lang.Schema;
import dev.lantu.engine.lang.Suggestions;
import dev.lantu.engine.lang.Type;
import dev.lantu.engine.lang.Variable;

/**
 * A calculation request read and checked against the schema of variables: the application year, the
 * application date and the enterprise's profile, static facts and yearly figures by year. It comes as
 * plain values (maps, lists, texts, numbers, booleans), from JSON or from the calculator's form:
 *
 * <pre>
 * {"year": 2025, "date": "2025-03-01",
 *  "profile": {"facts":  {"district": "440106", "filings": ["生成式人工智能服务备案"]},
 *              "yearly": {"rd_expense": {"2024": "800万元"},
 *                         "compute_purchases": {"2024": {"value": 320, "unit": "万元"}}}}}
 * </pre>
 *
 * Money always states its unit, 元, 万元, 亿元 or 分, in the text or beside the value: a bare number is
 * refused, because 元 against 万元 is the classic error. A fact left out is unknown, never zero. Every
 * problem names its field; all of them are reported at once.
 *
 * @param facts  the static facts as understood, in the schema's types
 * @param yearly the yearly figures as understood, by variable and year
 */
public record CalculationInput(int year, LocalDate date, MapEnterprise enterprise, Map<String, Value> facts,
		Map<String, SortedMap<Integer, Value>> yearly) {

	/** Units of money a request may state, and their size in fen. */
	public static final Map<String, Long> MONEY_UNITS = units();

	private static final Pattern AMOUNT = Pattern.compile("\\s*([+-]?[0-9][0-9,，]*(?:\\.[0-9]+)?)\\s*(分|元|万元|万|亿元|亿)\\s*");

	private static final Pattern YEAR = Pattern.compile("[12][0-9]{3}");

	private static final Set<String> TOP = Set.of("year", "date", "profile");

	private static final Set<String> PROFILE = Set.of("facts", "yearly");

	private static Map<String, Long> units() {
		Map<String, Long> units = new LinkedHashMap<>();
		units.put("元", 100L);
		units.put("万元", 1_000_000L);
		units.put("亿元", 10_000_000_000L);
		units.put("分", 1L);
		units.put("万", 1_000_000L);
		units.put("亿", 10_000_000_000L);
		return Map.copyOf(units);
	}

	/**
	 * Reads a request; {@code year} defaults to the year of {@code date}, {@code date} to {@code today}.
	 *
	 * @throws CalculationInputException naming every field that is wrong
	 */
	public static CalculationInput read(Object body, Schema schema, LocalDate today) {
		List<InputProblem> problems = new ArrayList<>();
		Map<String, Object> top = mapping(body, "", problems).orElse(Map.of());
		unknownKeys(top, TOP, "", problems);
		LocalDate date = today;
		Object writtenDate = top.get("date");
		if (writtenDate != null) {
			date = date(writtenDate, "date", problems);
		}
		Integer year = date == null ? null : date.getYear();
		Object writtenYear = top.get("year");
		if (writtenYear != null) {
			year = year(writtenYear, "year", problems);
		}
		MapEnterprise.Builder enterprise = MapEnterprise.builder();
		Map<String, Value> facts = new LinkedHashMap<>();
		Map<String, SortedMap<Integer, Value>> yearly = new LinkedHashMap<>();
		Map<String, Object> profile = top.containsKey("profile")
				? mapping(top.get("profile"), "profile", problems).orElse(Map.of()) : Map.of();
		unknownKeys(profile, PROFILE, "profile.", problems);
		mapping(profile.getOrDefault("facts", Map.of()), "profile.facts", problems).orElse(Map.of())
			.forEach((name, raw) -> {
				String field = "profile.facts." + name;
				variable(schema, name, field, false, problems).ifPresent(variable -> {
					if (raw != null && !isBlank(raw)) {
						value(variable, raw, field, problems).ifPresent(value -> {
							facts.put(name, value);
							enterprise.fact(name, value);
						});
					}
				});
			});
		mapping(profile.getOrDefault("yearly", Map.of()), "profile.yearly", problems).orElse(Map.of())
			.forEach((name, byYear) -> {
				String field = "profile.yearly." + name;
				variable(schema, name, field, true, problems).ifPresent(variable -> mapping(byYear, field, problems)
					.orElse(Map.of())
					.forEach((writtenFigureYear, raw) -> {
						String figureField = field + "." + writtenFigureYear;
						Integer figureYear = year(writtenFigureYear, figureField, problems);
						if (figureYear != null && raw != null && !isBlank(raw)) {
							value(variable, raw, figureField, problems).ifPresent(value -> {
								yearly.computeIfAbsent(name, n -> new TreeMap<>()).put(figureYear, value);
								enterprise.fact(name, figureYear, value);
							});
						}
					}));
			});
		if (!problems.isEmpty()) {
			throw new CalculationInputException(problems);
		}
		return new CalculationInput(year, date, enterprise.build(), facts, yearly);
	}

	private static boolean isBlank(Object raw) {
		return raw instanceof String text && text.isBlank();
	}

	@SuppressWarnings("unchecked")
	private static Optional<Map<String, Object>> mapping(Object raw, String field, List<InputProblem> problems) {
		if (raw instanceof Map<?, ?> map) {
			Map<String, Object> entries = new LinkedHashMap<>();
			map.forEach((key, value) -> entries.put(String.valueOf(key), value));
			return Optional.of(entries);
		}
		problems.add(InputProblem.of(field.isEmpty() ? "body" : field, raw, "mapping",
				"expected an object of named values, found " + describe(raw)));
		return Optional.empty();
	}

	private static void unknownKeys(Map<String, Object> map, Set<String> known, String prefix,
			List<InputProblem> problems) {
		for (String key : map.keySet()) {
			if (!known.contains(key)) {
				String suggestion = Suggestions.closest(key, known).map(s -> " (did you mean " + s + "?)").orElse("");
				problems.add(InputProblem.of(prefix + key, null, "unknown-field",
						"unknown field " + key + "; expected one of " + String.join(", ", known.stream().sorted().toList())
								+ suggestion, key));
			}
		}
	}

	private static Optional<Variable> variable(Schema schema, String name, String field, boolean yearly,
			List<InputProblem> problems) {
		Optional<Variable> variable = schema.variable(name);
		if (variable.isEmpty()) {
			String suggestion = Suggestions.closest(name, schema.names()).orElse(null);
			problems.add(InputProblem.of(field, null, "unknown-variable", "unknown variable " + name
					+ (suggestion == null ? "" : " (did you mean " + suggestion + "?)"), name,
					suggestion == null ? "" : suggestion));
			return Optional.empty();
		}
		if (variable.get().isYearly() != yearly) {
			problems.add(InputProblem.of(field, null, yearly ? "not-yearly" : "not-static", name + " is "
					+ (yearly ? "static: give it under profile.facts" : "yearly: give it under profile.yearly by year"),
					name));
			return Optional.empty();
		}
		return variable;
	}

	private static Integer year(Object raw, String field, List<InputProblem> problems) {
		String text = raw instanceof Number || raw instanceof String ? String.valueOf(raw).strip() : null;
		if (text != null && YEAR.matcher(text).matches()) {
			return Integer.valueOf(text);
		}
		problems.add(InputProblem.of(field, raw, "year", "expected a year such as 2025, found " + describe(raw)));
		return null;
	}

	private static LocalDate date(Object raw, String field, List<InputProblem> problems) {
		if (raw instanceof String text) {
			try {
				return LocalDate.parse(text.strip());
			}
			catch (DateTimeParseException e) {
				// reported below
			}
		}
		problems.add(InputProblem.of(field, raw, "date", "expected a date as YYYY-MM-DD, found " + describe(raw)));
		return null;
	}

	private static Optional<Value> value(Variable variable, Object raw, String field, List<InputProblem> problems) {
		int before = problems.size();
		Value value = switch (variable.type()) {
			case MONEY -> money(raw, field, problems);
			case NUMBER -> number(raw).map(Value::number).orElse(null);
			case BOOLEAN -> bool(raw);
			case DATE -> raw instanceof String ? Optional.ofNullable(date(raw, field, problems)).map(Value::date).orElse(null) : null;
			case TEXT -> raw instanceof String || raw instanceof Number ? Value.text(String.valueOf(raw).strip()) : null;
			case SET -> set(raw);
		};
		if (value == null && problems.size() == before) {
			problems.add(InputProblem.of(field, raw, "type." + variable.type().name().toLowerCase(),
					variable.name() + " is " + expected(variable.type()) + ", found " + describe(raw)));
		}
		return Optional.ofNullable(value);
	}

	private static String expected(Type type) {
		return switch (type) {
			case MONEY -> "an amount with its unit, such as \"800万元\" or {\"value\": 800, \"unit\": \"万元\"}";
			case NUMBER -> "a number";
			case BOOLEAN -> "true or false";
			case DATE -> "a date as YYYY-MM-DD";
			case TEXT -> "a text";
			case SET -> "a list of texts";
		};
	}

	private static Optional<BigDecimal> number(Object raw) {
		if (raw instanceof BigDecimal decimal) {
			return Optional.of(decimal);
		}
		if (raw instanceof Integer || raw instanceof Long || raw instanceof BigInteger) {
			return Optional.of(new BigDecimal(raw.toString()));
		}
		if (raw instanceof Number number) {
			// a binary floating-point number: its shortest decimal form is what was written
			return Optional.of(new BigDecimal(number.toString()));
		}
		if (raw instanceof String text) {
			try {
				return Optional.of(new BigDecimal(text.strip().replace(",", "").replace("，", "")));
			}
			catch (NumberFormatException e) {
				return Optional.empty();
			}
		}
		return Optional.empty();
	}

	private static Value bool(Object raw) {
		if (raw instanceof Boolean bool) {
			return Value.bool(bool);
		}
		if (raw instanceof String text && (text.strip().equals("true") || text.strip().equals("false"))) {
			return Value.bool(Boolean.parseBoolean(text.strip()));
		}
		return null;
	}

	private static Value set(Object raw) {
		if (!(raw instanceof Collection<?> items)) {
			return null;
		}
		Set<String> members = new LinkedHashSet<>();
		for (Object item : items) {
			if (!(item instanceof String text) || text.isBlank()) {
				return null;
			}
			members.add(text.strip());
		}
		return Value.set(members);
	}

	/** An amount: "800万元", or {"value": 800, "unit": "万元"}; never a bare number. */
	private static Value money(Object raw, String field, List<InputProblem> problems) {
		BigDecimal amount;
		String unit;
		if (raw instanceof String text) {
			Matcher matcher = AMOUNT.matcher(text);
			if (!matcher.matches()) {
				problems.add(InputProblem.of(field, raw, "money.format", "expected an amount with its unit (元, 万元, 亿元"
						+ " or 分), such as 800万元, found '" + text + "'"));
				return null;
			}
			amount = new BigDecimal(matcher.group(1).replace(",", "").replace("，", ""));
			unit = matcher.group(2);
		}
		else if (raw instanceof Map<?, ?> map) {
			Object writtenUnit = map.get("unit");
			String unitText = writtenUnit instanceof String text ? text.strip() : null;
			Optional<BigDecimal> value = number(map.get("value"));
			if (unitText == null || !MONEY_UNITS.containsKey(unitText)) {
				problems.add(InputProblem.of(field + ".unit", writtenUnit, "money.unit",
						"expected the unit of the amount: 元, 万元, 亿元 or 分, found " + describe(writtenUnit)));
				return null;
			}
			if (value.isEmpty() || map.size() != 2) {
				problems.add(InputProblem.of(field + ".value", map.get("value"), "money.value",
						"expected {\"value\": a number, \"unit\": 元, 万元, 亿元 or 分}, found " + describe(raw)));
				return null;
			}
			amount = value.get();
			unit = unitText;
		}
		else if (raw instanceof Number) {
			problems.add(InputProblem.of(field, raw, "money.no-unit", "an amount needs its unit: write \"" + raw
					+ "元\" or \"" + raw + "万元\", or {\"value\": " + raw + ", \"unit\": \"万元\"}", raw));
			return null;
		}
		else {
			return null;
		}
		BigDecimal fen = amount.multiply(BigDecimal.valueOf(MONEY_UNITS.get(unit)));
		if (fen.stripTrailingZeros().scale() > 0) {
			problems.add(InputProblem.of(field, raw, "money.fen", "an amount is whole fen (分); " + amount.toPlainString()
					+ unit + " is finer than a fen"));
			return null;
		}
		try {
			return Value.money(fen.longValueExact());
		}
		catch (ArithmeticException e) {
			problems.add(InputProblem.of(field, raw, "money.range", "the amount is too large"));
			return null;
		}
	}

	private static String describe(Object raw) {
		if (raw == null) {
			return "nothing";
		}
		if (raw instanceof Map) {
			return "an object";
		}
		if (raw instanceof Collection) {
			return "a list";
		}
		return raw instanceof String ? "'" + raw + "'" : String.valueOf(raw);
	}

}
