package dev.lantu.registry;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

import dev.lantu.accounts.Caller;
import dev.lantu.registry.store.EnterpriseRepository;

/** The registry's read side: search, one enterprise with its history, and its facts for the policy engine. */
@Service
public class EnterpriseService {

	public static final int MAX_PAGE_SIZE = 500;

	private final EnterpriseRepository repository;

	private final IndustryClassification industries;

	private final Clock clock = Clock.systemDefaultZone();

	private final EnterpriseTracks tracks;

	EnterpriseService(EnterpriseRepository repository, IndustryClassification industries,
			ObjectProvider<EnterpriseTracks> tracks) {
		this.repository = repository;
		this.industries = industries;
		this.tracks = tracks.getIfAvailable(() -> EnterpriseTracks.UNCLASSIFIED);
	}

	/**
	 * A page of the enterprises the filter selects among those the caller may see: all of them for the
	 * administrator and policy officers, a district officer's district's, an enterprise user's own.
	 */
	public EnterprisePage search(EnterpriseFilter filter, int page, int size) {
		Caller caller = RegistryAccess.requireReader("search the registry");
		filter = RegistryAccess.scoped(caller, filter);
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

	/**
	 * One enterprise, if the caller may read it: 403 for an enterprise that is not theirs (an enterprise user is
	 * refused any other USCC before it is looked up), 404 for a USCC the registry lacks.
	 */
	public Enterprise get(String uscc) {
		RegistryAccess.requireReader("read the enterprise " + uscc);
		String code = canonical(uscc);
		Caller caller = RegistryAccess.requireMayAsk(code);
		Enterprise enterprise = repository.find(code).orElseThrow(() -> new EnterpriseNotFoundException(code));
		RegistryAccess.requireMayRead(caller, enterprise);
		return enterprise;
	}

	/** The filter narrowed to what the caller may list (for exports, decided in the request's thread). */
	public EnterpriseFilter visible(EnterpriseFilter filter) {
		return RegistryAccess.scoped(RegistryAccess.requireReader("read the registry"), filter);
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
		return EnterpriseFacts.of(detail.enterprise(), detail.qualifications(), detail.filings(), detail.figures(),
				tracks.tracksOf(detail.enterprise().uscc()), asOf);
	}

	public IndustryClassification industries() {
		return industries;
	}

}
