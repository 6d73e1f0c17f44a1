package dev.lantu.registry;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * An enterprise's facts under the names of the policy engine's variable schema, as the registry knows
 * them on a day: static ones ({@code district}, {@code registered_on}, {@code qualifications},
 * {@code high_tech_valid_until}, {@code large_model_enterprise}, {@code filings},
 * {@code llm_filing_first_on}, {@code algorithm_filing_first_on}, {@code industry_code}) and yearly ones
 * (every {@link Figure}). Values are String, LocalDate, Set&lt;String&gt;, Boolean, or Long (money in fen,
 * counts); flags are Boolean. A fact the registry does not have is absent, never zero: the engine then
 * names it as unknown. Qualifications and filings come from complete official lists, so one not held is
 * known to be not held ({@code large_model_enterprise} false). {@code tracks} is there when an
 * {@link EnterpriseTracks} classification has classified the enterprise, and unknown otherwise.
 */
public record EnterpriseFacts(String uscc, Map<String, Object> statics, Map<String, Map<Integer, Object>> yearly) {

	public static final String DISTRICT = "district";

	public static final String REGISTERED_ON = "registered_on";

	public static final String INDUSTRY_CODE = "industry_code";

	public static final String TRACKS = "tracks";

	public static final String QUALIFICATIONS = "qualifications";

	public static final String HIGH_TECH_VALID_UNTIL = "high_tech_valid_until";

	public static final String LARGE_MODEL_ENTERPRISE = "large_model_enterprise";

	public static final String FILINGS = "filings";

	public static final String LLM_FILING_FIRST_ON = "llm_filing_first_on";

	public static final String ALGORITHM_FILING_FIRST_ON = "algorithm_filing_first_on";

	public EnterpriseFacts {
		statics = Map.copyOf(statics);
		yearly = Map.copyOf(yearly);
	}

	/**
	 * The facts of an enterprise from its records, qualifications as valid on {@code asOf} and filings made by
	 * then; {@code tracks} null when the enterprise is not classified. One derivation for one enterprise and for
	 * the whole registry, so the calculator and matching read the same facts.
	 */
	static EnterpriseFacts of(Enterprise e, List<Qualification> qualifications, List<Filing> filings,
			Map<Integer, Map<String, Long>> figures, Optional<Set<String>> tracks, LocalDate asOf) {
		Map<String, Object> statics = new HashMap<>();
		statics.put(DISTRICT, e.districtCode());
		if (e.registeredOn() != null) {
			statics.put(REGISTERED_ON, e.registeredOn());
		}
		if (e.industryCode() != null) {
			statics.put(INDUSTRY_CODE, e.industryCode());
		}
		tracks.ifPresent(held -> statics.put(TRACKS, Set.copyOf(held)));
		Set<String> held = new LinkedHashSet<>();
		qualifications.stream().filter(q -> q.validOn(asOf)).forEach(q -> held.add(q.type().label()));
		statics.put(QUALIFICATIONS, Set.copyOf(held));
		statics.put(LARGE_MODEL_ENTERPRISE, held.contains(QualificationType.LARGE_MODEL.label()));
		qualifications.stream()
			.filter(q -> q.type() == QualificationType.HIGH_TECH && q.validOn(asOf) && q.validUntil() != null)
			.map(Qualification::validUntil).max(Comparator.naturalOrder())
			.ifPresent(until -> statics.put(HIGH_TECH_VALID_UNTIL, until));
		List<Filing> filed = filings.stream().filter(f -> !f.filedOn().isAfter(asOf)).toList();
		statics.put(FILINGS, Set.copyOf(filed.stream().map(f -> f.type().label()).toList()));
		filed.stream().filter(f -> f.type() == FilingType.GENERATIVE_AI).map(Filing::filedOn).min(Comparator.naturalOrder())
			.ifPresent(d -> statics.put(LLM_FILING_FIRST_ON, d));
		filed.stream().filter(f -> f.type() == FilingType.ALGORITHM || f.type() == FilingType.DEEP_SYNTHESIS)
			.map(Filing::filedOn).min(Comparator.naturalOrder())
			.ifPresent(d -> statics.put(ALGORITHM_FILING_FIRST_ON, d));
		Map<String, Map<Integer, Object>> yearly = new HashMap<>();
		figures.forEach((year, values) -> values.forEach((variable, amount) -> {
			Figure figure = Figure.byVariable(variable).orElse(null);
			Object value = figure != null && figure.kind() == Figure.Kind.FLAG ? (Object) (amount != 0) : (Object) amount;
			yearly.computeIfAbsent(variable, v -> new TreeMap<>()).put(year, value);
		}));
		statics.values().removeIf(Objects::isNull);
		return new EnterpriseFacts(e.uscc(), statics, yearly);
	}

	public Optional<Object> fact(String variable) {
		return Optional.ofNullable(statics.get(variable));
	}

	public Optional<Object> fact(String variable, int year) {
		return Optional.ofNullable(yearly.getOrDefault(variable, Map.of()).get(year));
	}

}
