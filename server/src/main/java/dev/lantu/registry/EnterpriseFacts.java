package dev.lantu.registry;

import java.util.Map;
import java.util.Optional;

/**
 * An enterprise's facts under the names of the policy engine's variable schema, as the registry knows
 * them on a day: static ones ({@code district}, {@code registered_on}, {@code qualifications},
 * {@code high_tech_valid_until}, {@code large_model_enterprise}, {@code filings},
 * {@code llm_filing_first_on}, {@code algorithm_filing_first_on}, {@code industry_code}) and yearly ones
 * (every {@link Figure}). Values are String, LocalDate, Set&lt;String&gt;, Boolean, or Long (money in fen,
 * counts); flags are Boolean. A fact the registry does not have is absent, never zero: the engine then
 * names it as unknown. Qualifications and filings come from complete official lists, so one not held is
 * known to be not held ({@code large_model_enterprise} false). {@code tracks} (city and district track ids) is
 * there once the enterprise is classified as it is now (see {@link ClassificationService}).
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

	public Optional<Object> fact(String variable) {
		return Optional.ofNullable(statics.get(variable));
	}

	public Optional<Object> fact(String variable, int year) {
		return Optional.ofNullable(yearly.getOrDefault(variable, Map.of()).get(year));
	}

}
