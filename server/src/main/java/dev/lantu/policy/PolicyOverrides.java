package dev.lantu.policy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import dev.lantu.engine.eval.Evaluator;
import dev.lantu.engine.eval.MapEnterprise;
import dev.lantu.engine.eval.Outcome;
import dev.lantu.engine.eval.ParameterValues;
import dev.lantu.engine.eval.Value;
import dev.lantu.engine.lang.Compilation;
import dev.lantu.engine.lang.Language;
import dev.lantu.engine.lang.Parameters;
import dev.lantu.engine.lang.Schema;
import dev.lantu.engine.lang.Suggestions;
import dev.lantu.engine.lang.Type;
import dev.lantu.engine.policy.Clause;
import dev.lantu.engine.policy.DatedValue;
import dev.lantu.engine.policy.Parameter;
import dev.lantu.engine.policy.ParameterSet;
import dev.lantu.engine.policy.PolicyDocument;

/**
 * What-if changes to a policy for a budget simulation, without editing the policy: a parameter's value
 * ({@code "algorithm_rate": "15%"}), a clause's cap ({@code "clause.compute.cap": "200万元"}), the policy's cap per
 * enterprise per year ({@code "policy.cap_per_enterprise_per_year"}) or its budget ({@code "policy.budget"}).
 * Values are written as in a policy file: {@code 15%}, {@code 0.15}, {@code 200万元}, {@code 12345分},
 * {@code true}, {@code 2025-01-01}; a JSON number serves a number parameter, never an amount, which states its
 * unit. An overridden parameter takes the new value for every date, and the simulation says it is not law.
 */
public final class PolicyOverrides {

	public static final String POLICY_CAP = "policy.cap_per_enterprise_per_year";

	public static final String BUDGET = "policy.budget";

	private static final String CLAUSE = "clause.";

	private static final String CAP = ".cap";

	/** The reference an overridden value carries, so a trace never passes it off as law. */
	public static final String REFERENCE = "what-if simulation (模拟): not in force";

	public static final PolicyOverrides NONE = new PolicyOverrides(Map.of(), Map.of(), null, null, Map.of());

	private final Map<String, Value> parameters;

	private final Map<String, Long> clauseCaps;

	private final Long policyCap;

	private final Long budget;

	private final Map<String, String> written;

	private PolicyOverrides(Map<String, Value> parameters, Map<String, Long> clauseCaps, Long policyCap, Long budget,
			Map<String, String> written) {
		this.parameters = Map.copyOf(parameters);
		this.clauseCaps = Map.copyOf(clauseCaps);
		this.policyCap = policyCap;
		this.budget = budget;
		this.written = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(written));
	}

	/**
	 * Reads overrides of {@code policy}; each problem goes to {@code problems} with its field, {@code prefix}
	 * followed by the key ({@code overrides.algorithm_rate}).
	 */
	static PolicyOverrides read(PolicyDocument policy, Object raw, String prefix, List<InputProblem> problems) {
		if (raw == null) {
			return NONE;
		}
		if (!(raw instanceof Map<?, ?> entries)) {
			problems.add(InputProblem.of(prefix.isEmpty() ? "overrides" : prefix.substring(0, prefix.length() - 1), raw,
					"overrides", "expected an object of overrides by name, such as {\"algorithm_rate\": \"15%\"}"));
			return NONE;
		}
		Map<String, Value> parameters = new LinkedHashMap<>();
		Map<String, Long> clauseCaps = new LinkedHashMap<>();
		Long policyCap = null;
		Long budget = null;
		Map<String, String> written = new LinkedHashMap<>();
		for (Map.Entry<?, ?> entry : entries.entrySet()) {
			String key = String.valueOf(entry.getKey());
			Object value = entry.getValue();
			String field = prefix + key;
			if (value == null || value instanceof String text && text.isBlank()) {
				continue;
			}
			Optional<Parameter> parameter = policy.parameters().parameter(key);
			if (parameter.isPresent()) {
				value(value, parameter.get().type(), field, problems).ifPresent(v -> {
					parameters.put(key, v);
					written.put(key, shown(v));
				});
			}
			else if (key.equals(POLICY_CAP) || key.equals(BUDGET)) {
				Optional<Long> fen = amount(value, field, problems);
				if (fen.isPresent()) {
					if (key.equals(POLICY_CAP)) {
						policyCap = fen.get();
					}
					else {
						budget = fen.get();
					}
					written.put(key, Amount.of(fen.get()).text());
				}
			}
			else if (key.startsWith(CLAUSE) && key.endsWith(CAP) && key.length() > CLAUSE.length() + CAP.length()) {
				String clauseId = key.substring(CLAUSE.length(), key.length() - CAP.length());
				if (policy.clause(clauseId).isEmpty()) {
					List<String> ids = policy.clauses().stream().map(c -> c.clause().id()).toList();
					String suggestion = Suggestions.closest(clauseId, ids).orElse(null);
					problems.add(InputProblem.of(field, null, "unknown-clause", "the policy " + policy.id() + " has no clause "
							+ clauseId + (suggestion == null ? "" : " (did you mean " + suggestion + "?)") + "; its clauses are "
							+ String.join(", ", ids), clauseId, suggestion == null ? "" : suggestion));
				}
				else {
					amount(value, field, problems).ifPresent(fen -> {
						clauseCaps.put(clauseId, fen);
						written.put(key, Amount.of(fen).text());
					});
				}
			}
			else {
				Set<String> known = new TreeSet<>(names(policy));
				String suggestion = Suggestions.closest(key, known).orElse(null);
				problems.add(InputProblem.of(field, null, "unknown-parameter", "the policy " + policy.id() + " has no parameter "
						+ key + (suggestion == null ? "" : " (did you mean " + suggestion + "?)") + "; what can be changed: "
						+ String.join(", ", known), key, suggestion == null ? "" : suggestion));
			}
		}
		return new PolicyOverrides(parameters, clauseCaps, policyCap, budget, written);
	}

	/** Every key an override of the policy may use. */
	public static List<String> names(PolicyDocument policy) {
		List<String> names = new ArrayList<>();
		policy.parameters().types().names().stream().sorted().forEach(names::add);
		policy.clauses().forEach(c -> names.add(CLAUSE + c.clause().id() + CAP));
		names.add(POLICY_CAP);
		names.add(BUDGET);
		return names;
	}

	public boolean isEmpty() {
		return written.isEmpty();
	}

	/** The overrides as understood, by key, in the policy file's notation. */
	public Map<String, String> written() {
		return written;
	}

	/** The policy with the overrides in place of its own values. */
	public PolicyDocument applyTo(PolicyDocument policy) {
		if (isEmpty()) {
			return policy;
		}
		List<Parameter> changed = new ArrayList<>();
		for (String name : policy.parameters().types().names()) {
			Parameter parameter = policy.parameters().parameter(name).orElseThrow();
			Value value = parameters.get(name);
			changed.add(value == null ? parameter : new Parameter(name, parameter.type(), parameter.description(),
					List.of(new DatedValue(parameter.values().get(0).from(), value, REFERENCE))));
		}
		List<PolicyDocument.PolicyClause> clauses = policy.clauses().stream().map(entry -> {
			Long cap = clauseCaps.get(entry.clause().id());
			if (cap == null) {
				return entry;
			}
			Clause c = entry.clause();
			return new PolicyDocument.PolicyClause(new Clause(c.id(), c.title(), c.subject(), c.eligibility(), c.award(), cap,
					c.delivery(), c.sourceParagraph()), entry.illustrative(), entry.note(), entry.perProject());
		}).toList();
		return new PolicyDocument(policy.id(), policy.titleZh(), policy.titleEn(), policy.issuer(), policy.documentNumber(),
				policy.regions(), policy.effectiveFrom(), policy.effectiveTo(), policy.source(), ParameterSet.of(changed), clauses,
				policyCap != null ? policyCap : policy.capPerEnterprisePerYear(), budget != null ? budget : policy.budget(),
				policy.tracks());
	}

	private static Optional<Long> amount(Object raw, String field, List<InputProblem> problems) {
		Optional<Long> fen = value(raw, Type.MONEY, field, problems).map(v -> ((Value.Money) v).fen());
		if (fen.isPresent() && fen.get() < 0) {
			problems.add(InputProblem.of(field, raw, "negative", "a cap or a budget cannot be negative"));
			return Optional.empty();
		}
		return fen;
	}

	/** A value of {@code type} as a policy file writes it; a bare JSON number only for a number. */
	private static Optional<Value> value(Object raw, Type type, String field, List<InputProblem> problems) {
		if (raw instanceof Number number && type == Type.NUMBER) {
			BigDecimal decimal = number instanceof BigDecimal d ? d
					: number instanceof Integer || number instanceof Long || number instanceof BigInteger
							? new BigDecimal(number.toString()) : new BigDecimal(number.toString());
			return Optional.of(Value.number(decimal));
		}
		if (raw instanceof Boolean bool && type == Type.BOOLEAN) {
			return Optional.of(Value.bool(bool));
		}
		if (raw instanceof Number && type == Type.MONEY) {
			problems.add(InputProblem.of(field, raw, "money.no-unit", "an amount needs its unit: write \"" + raw + "万元\" or \""
					+ raw + "元\"", raw));
			return Optional.empty();
		}
		if (!(raw instanceof String text)) {
			problems.add(InputProblem.of(field, raw, "type." + type.name().toLowerCase(), "expected " + expected(type)
					+ ", found " + describe(raw)));
			return Optional.empty();
		}
		if (type == Type.TEXT) {
			return Optional.of(Value.text(text.strip()));
		}
		String written = text.strip();
		if (type == Type.MONEY && written.matches("[+-]?[0-9]+分")) {
			return Optional.of(Value.money(Long.parseLong(written.replace("分", ""))));
		}
		Compilation compiled = Language.compile(written, Schema.of(), Parameters.NONE, type);
		if (compiled instanceof Compilation.Failure failure) {
			problems.add(InputProblem.of(field, raw, "type." + type.name().toLowerCase(), "expected " + expected(type)
					+ ", found '" + written + "': " + failure.errors().get(0).message()));
			return Optional.empty();
		}
		Outcome outcome = new Evaluator(Schema.of(), ParameterValues.NONE).evaluate((Compilation.Success) compiled,
				MapEnterprise.builder().build(), 2000);
		if (outcome instanceof Outcome.Evaluated evaluated && !evaluated.value().isUnknown()) {
			return Optional.of(evaluated.value());
		}
		problems.add(InputProblem.of(field, raw, "type." + type.name().toLowerCase(), "cannot compute '" + written + "'"));
		return Optional.empty();
	}

	private static String expected(Type type) {
		return switch (type) {
			case MONEY -> "an amount with its unit, such as \"200万元\"";
			case NUMBER -> "a number, such as \"15%\" or 0.15";
			case BOOLEAN -> "true or false";
			case DATE -> "a date as YYYY-MM-DD";
			case TEXT -> "a text";
			case SET -> "a list of texts";
		};
	}

	private static String shown(Value value) {
		return value instanceof Value.Money money ? Amount.of(money.fen()).text() : value.show();
	}

	private static String describe(Object raw) {
		if (raw instanceof Map) {
			return "an object";
		}
		if (raw instanceof Collection) {
			return "a list";
		}
		return raw instanceof String ? "'" + raw + "'" : String.valueOf(raw);
	}

}
