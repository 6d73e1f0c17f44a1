package dev.lantu.registry;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

import org.springframework.stereotype.Service;

import dev.lantu.registry.classification.ClassificationRepository;
import dev.lantu.registry.store.EnterpriseRepository;

/** The registry's read side: search, one enterprise with its history, and its facts for the policy engine. */
@Service
public class EnterpriseService {

	public static final int MAX_PAGE_SIZE = 500;

	private final EnterpriseRepository repository;

	private final IndustryClassification industries;

	private final ClassificationRepository classification;

	private final Clock clock = Clock.systemDefaultZone();

	EnterpriseService(EnterpriseRepository repository, IndustryClassification industries,
			ClassificationRepository classification) {
		this.repository = repository;
		this.industries = industries;
		this.classification = classification;
	}

	public EnterprisePage search(EnterpriseFilter filter, int page, int size) {
		if (page < 0) {
			throw new RegistryInputException("page", String.valueOf(page), "pages count from 0");
		}
		if (size < 1 || size > MAX_PAGE_SIZE) {
			throw new RegistryInputException("size", String.valueOf(size), "a page holds 1 to " + MAX_PAGE_SIZE + " enterprises");
		}
		List<String> prefixes = industryPrefixes(filter.industry());
		LocalDate today = LocalDate.now(clock);
		return new EnterprisePage(repository.search(filter, prefixes, today, page, size),
				repository.count(filter, prefixes, today), page, size);
	}

	/**
	 * The leading digits an industry filter matches: a section letter stands for its divisions; a division,
	 * group or class for itself. Null for no filter.
	 */
	List<String> industryPrefixes(String industry) {
		if (industry == null) {
			return null;
		}
		String code = IndustryClassification.halfWidth(industry).strip().toUpperCase();
		if (code.matches("[A-T]\\d{2,4}")) {
			code = code.substring(1);
		}
		IndustryClass found = industries.find(code).orElseThrow(() -> new RegistryInputException("industry", industry,
				"expected a GB/T 4754-2017 code: a section letter (C), a division (36), a group (361) or a class (3612)"));
		if (found.level() == IndustryClass.Level.SECTION) {
			return industries.children(found.code()).stream().map(IndustryClass::code).toList();
		}
		return List.of(found.code());
	}

	/** A USCC as typed in a search box or a URL, canonical; a malformed one is refused with the reason. */
	public static String canonical(String uscc) {
		String code = UnifiedSocialCreditCode.normalise(uscc).code();
		UnifiedSocialCreditCode.problem(code).ifPresent(p -> {
			throw new RegistryInputException("uscc", uscc, p);
		});
		return code;
	}

	public Enterprise get(String uscc) {
		String code = canonical(uscc);
		return repository.find(code).orElseThrow(() -> new EnterpriseNotFoundException(code));
	}

	public EnterpriseDetail detail(String uscc) {
		Enterprise enterprise = get(uscc);
		String code = enterprise.uscc();
		List<String> one = List.of(code);
		return new EnterpriseDetail(enterprise,
				enterprise.industryCode() == null ? List.of() : industries.lineage(enterprise.industryCode()),
				repository.figures(one).getOrDefault(code, Map.of()), repository.qualifications(one).getOrDefault(code, List.of()),
				repository.filings(one).getOrDefault(code, List.of()), repository.figureChanges(code),
				repository.fieldChanges(code));
	}

	/** The enterprise's facts under the policy schema's names, qualifications as valid on {@code asOf}. */
	public EnterpriseFacts facts(String uscc, LocalDate asOf) {
		EnterpriseDetail detail = detail(uscc);
		Enterprise e = detail.enterprise();
		Map<String, Object> statics = new HashMap<>();
		statics.put(EnterpriseFacts.DISTRICT, e.districtCode());
		if (e.registeredOn() != null) {
			statics.put(EnterpriseFacts.REGISTERED_ON, e.registeredOn());
		}
		if (e.industryCode() != null) {
			statics.put(EnterpriseFacts.INDUSTRY_CODE, e.industryCode());
		}
		Set<String> held = new LinkedHashSet<>();
		detail.qualifications().stream().filter(q -> q.validOn(asOf)).forEach(q -> held.add(q.type().label()));
		statics.put(EnterpriseFacts.QUALIFICATIONS, Set.copyOf(held));
		statics.put(EnterpriseFacts.LARGE_MODEL_ENTERPRISE, held.contains(QualificationType.LARGE_MODEL.label()));
		detail.qualifications().stream()
			.filter(q -> q.type() == QualificationType.HIGH_TECH && q.validOn(asOf) && q.validUntil() != null)
			.map(Qualification::validUntil).max(Comparator.naturalOrder())
			.ifPresent(until -> statics.put(EnterpriseFacts.HIGH_TECH_VALID_UNTIL, until));
		List<Filing> filed = detail.filings().stream().filter(f -> !f.filedOn().isAfter(asOf)).toList();
		statics.put(EnterpriseFacts.FILINGS, Set.copyOf(filed.stream().map(f -> f.type().label()).toList()));
		filed.stream().filter(f -> f.type() == FilingType.GENERATIVE_AI).map(Filing::filedOn).min(Comparator.naturalOrder())
			.ifPresent(d -> statics.put(EnterpriseFacts.LLM_FILING_FIRST_ON, d));
		filed.stream().filter(f -> f.type() == FilingType.ALGORITHM || f.type() == FilingType.DEEP_SYNTHESIS)
			.map(Filing::filedOn).min(Comparator.naturalOrder())
			.ifPresent(d -> statics.put(EnterpriseFacts.ALGORITHM_FILING_FIRST_ON, d));
		Map<String, Map<Integer, Object>> yearly = new HashMap<>();
		detail.figures().forEach((year, values) -> values.forEach((variable, amount) -> {
			Figure figure = Figure.byVariable(variable).orElse(null);
			Object value = figure != null && figure.kind() == Figure.Kind.FLAG ? (Object) (amount != 0) : (Object) amount;
			yearly.computeIfAbsent(variable, v -> new TreeMap<>()).put(year, value);
		}));
		// tracks only once classified since its last change: an enterprise waiting for the catch-up has unknown tracks
		classification.currentTrackIds(e.uscc(), e.version()).ifPresent(tracks -> statics.put(EnterpriseFacts.TRACKS, tracks));
		statics.values().removeIf(Objects::isNull);
		return new EnterpriseFacts(e.uscc(), statics, yearly);
	}

	public IndustryClassification industries() {
		return industries;
	}

}
