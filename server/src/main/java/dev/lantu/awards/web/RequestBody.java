package dev.lantu.awards.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import dev.lantu.awards.AwardInputException;
import dev.lantu.awards.AwardProblem;

/**
 * A JSON request body read field by field, so that every wrong field is named with what was found and what
 * was expected, and an unknown field (a misspelt {@code amuontFen}) is refused rather than ignored.
 */
final class RequestBody {

	/** Decimals stay exact: 0.1 is read as a decimal, never as the nearest binary fraction. */
	private static final JsonMapper JSON = JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
		.build();

	private final Map<String, Object> fields;

	private final List<AwardProblem> problems = new ArrayList<>();

	private RequestBody(Map<String, Object> fields) {
		this.fields = fields;
	}

	/** Reads a body that may only have the given fields; an empty body is an empty object. */
	@SuppressWarnings("unchecked")
	static RequestBody read(String body, Set<String> known) {
		Map<String, Object> fields = new LinkedHashMap<>();
		if (body != null && !body.isBlank()) {
			Object parsed;
			try {
				parsed = JSON.readValue(body, Object.class);
			}
			catch (JacksonException e) {
				String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column "
						+ e.getLocation().getColumnNr();
				throw new AwardInputException(AwardProblem.of("body", null, "json", "the body is not JSON" + where));
			}
			if (!(parsed instanceof Map<?, ?> map)) {
				throw new AwardInputException(AwardProblem.of("body", null, "json.object", "the body is a JSON object"));
			}
			fields.putAll((Map<String, Object>) map);
		}
		RequestBody read = new RequestBody(fields);
		for (String name : fields.keySet()) {
			if (!known.contains(name)) {
				read.problems.add(AwardProblem.of(name, null, "unknown-field", "unknown field " + name + "; expected one of "
						+ String.join(", ", known.stream().sorted().toList()), name));
			}
		}
		return read;
	}

	String text(String name) {
		Object value = fields.get(name);
		if (value == null || value instanceof String) {
			return (String) value;
		}
		if (value instanceof Number) {
			return value.toString();
		}
		problems.add(AwardProblem.of(name, value, "type.text", name + " is a text"));
		return null;
	}

	Integer year(String name) {
		Object value = fields.get(name);
		if (value == null) {
			return null;
		}
		String text = value.toString().strip();
		if ((value instanceof Number || value instanceof String) && text.matches("[12][0-9]{3}")) {
			return Integer.valueOf(text);
		}
		problems.add(AwardProblem.of(name, value, "type.year", "expected a year such as 2025, found " + value));
		return null;
	}

	/** A record's id: a whole number. */
	Long id(String name) {
		Object value = fields.get(name);
		if (value == null) {
			return null;
		}
		if (value instanceof Integer || value instanceof Long) {
			return ((Number) value).longValue();
		}
		problems.add(AwardProblem.of(name, value, "type.id", name + " is a record's id, a whole number; found " + value));
		return null;
	}

	/** A whole number of fen; a decimal or a text is refused, since amounts here are fen, never yuan. */
	Long fen(String name) {
		Object value = fields.get(name);
		if (value == null) {
			return null;
		}
		if (value instanceof Integer || value instanceof Long || value instanceof java.math.BigInteger) {
			try {
				return new BigDecimal(value.toString()).longValueExact();
			}
			catch (ArithmeticException e) {
				// reported below
			}
		}
		problems.add(AwardProblem.of(name, value, "type.fen", name + " is a whole number of fen (分), such as 8000000 "
				+ "for 8万元; found " + value));
		return null;
	}

	LocalDate date(String name) {
		Object value = fields.get(name);
		if (value == null) {
			return null;
		}
		if (value instanceof String text) {
			try {
				return LocalDate.parse(text.strip());
			}
			catch (DateTimeParseException e) {
				// reported below
			}
		}
		problems.add(AwardProblem.of(name, value, "type.date", "expected a date as YYYY-MM-DD, found " + value));
		return null;
	}

	@SuppressWarnings("unchecked")
	Map<String, Object> object(String name) {
		Object value = fields.get(name);
		if (value == null || value instanceof Map) {
			return (Map<String, Object>) value;
		}
		problems.add(AwardProblem.of(name, null, "type.object", name + " is an object, such as {\"facts\": {...}, "
				+ "\"yearly\": {...}}"));
		return null;
	}

	/** Refuses the request with every problem found so far, if any. */
	void check() {
		if (!problems.isEmpty()) {
			throw new AwardInputException(problems);
		}
	}

}
