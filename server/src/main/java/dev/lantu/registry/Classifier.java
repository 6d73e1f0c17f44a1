package dev.lantu.registry;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import dev.lantu.dataset.Confidence;

/**
 * Puts one enterprise in its tracks by a set of rules: a pure function of the enterprise's USCC, district,
 * industry code, name and business scope, so that a preview and an application of the same rules agree and
 * millions of enterprises can be classified one batch at a time.
 *
 * <p>Precedence, track by track: a manual assignment (or exclusion) wins over the crosswalk, which wins over
 * keywords; the assignment kept is the winner's, with its provenance and confidence. Of the crosswalk, only
 * the most specific prefix that has a rule speaks (C3612 over C361 over C36 over C). A track of a district
 * system named by a rule applies only to enterprises of that district. Then every city track assigned
 * brings the district tracks aligned to it in the enterprise's district (atlas alignment), with the lower
 * of the two confidences.
 */
public final class Classifier {

	/** What the classifier reads of an enterprise. */
	public record Subject(String uscc, String districtCode, String industryCode, String name, String businessScope) {
	}

	/** A district track aligned to a city track, and how sure the alignment is. */
	public record AlignedTrack(String trackId, Confidence confidence) {
	}

	/**
	 * The atlas as the classifier needs it: for each district, the district tracks aligned to each city
	 * track, and the district each district track belongs to.
	 */
	public record Alignments(Map<String, Map<String, List<AlignedTrack>>> byDistrict, Map<String, String> districtOfTrack) {

		public Alignments {
			byDistrict = Map.copyOf(byDistrict);
			districtOfTrack = Map.copyOf(districtOfTrack);
		}

		public static Alignments none() {
			return new Alignments(Map.of(), Map.of());
		}

		List<AlignedTrack> aligned(String districtCode, String cityTrackId) {
			return byDistrict.getOrDefault(districtCode, Map.of()).getOrDefault(cityTrackId, List.of());
		}

	}

	private static final ClassificationRules.CodeRule NO_RULE = new ClassificationRules.CodeRule("", "", List.of(),
			Confidence.LOW, null);

	private final ClassificationRules rules;

	private final Alignments alignments;

	private final IndustryClassification industries;

	private final Map<String, ClassificationRules.CodeRule> codeRules = new HashMap<>();

	private final Map<String, List<ClassificationRules.ManualAssignment>> manualByUscc = new HashMap<>();

	private final List<LowerCasedRule> keywordRules = new ArrayList<>();

	/** The rule that decides each class (there are 1,381), found once. */
	private final Map<String, ClassificationRules.CodeRule> decidingRule = new ConcurrentHashMap<>();

	private record LowerCasedRule(ClassificationRules.KeywordRule rule, List<String> words, List<String> except) {
	}

	public Classifier(ClassificationRules rules, Alignments alignments, IndustryClassification industries) {
		this.rules = rules;
		this.alignments = alignments;
		this.industries = industries;
		for (ClassificationRules.CodeRule rule : rules.crosswalk()) {
			codeRules.put(rule.digits(), rule);
		}
		for (ClassificationRules.ManualAssignment manual : rules.manual()) {
			manualByUscc.computeIfAbsent(manual.uscc(), u -> new ArrayList<>()).add(manual);
		}
		for (ClassificationRules.KeywordRule rule : rules.keywords()) {
			keywordRules.add(new LowerCasedRule(rule, lower(rule.words()), lower(rule.except())));
		}
	}

	public ClassificationRules rules() {
		return rules;
	}

	private static List<String> lower(List<String> words) {
		return words.stream().map(w -> w.toLowerCase(Locale.ROOT)).toList();
	}

	/** The enterprise's tracks: city tracks first (manual, code, keyword), then the district tracks they bring. */
	public List<TrackAssignment> classify(Subject subject) {
		Map<String, TrackAssignment> tracks = new LinkedHashMap<>();
		Set<String> excluded = new HashSet<>();
		for (ClassificationRules.ManualAssignment manual : manualByUscc.getOrDefault(subject.uscc(), List.of())) {
			if (manual.exclude()) {
				excluded.add(manual.track());
			}
			else {
				offer(tracks, excluded, subject, TrackAssignment.manual(manual.track(), manual.officer(), manual.reason(),
						manual.confidence()));
			}
		}
		ClassificationRules.CodeRule code = decidingRule(subject.industryCode());
		for (String track : code.tracks()) {
			offer(tracks, excluded, subject, TrackAssignment.code(track, code.prefix(), code.confidence()));
		}
		if (!keywordRules.isEmpty()) {
			String name = subject.name() == null ? "" : subject.name().toLowerCase(Locale.ROOT);
			String scope = subject.businessScope() == null ? "" : subject.businessScope().toLowerCase(Locale.ROOT);
			for (LowerCasedRule rule : keywordRules) {
				String word = match(rule, name, scope);
				if (word != null) {
					for (String track : rule.rule().tracks()) {
						offer(tracks, excluded, subject, TrackAssignment.keyword(track, word, rule.rule().confidence()));
					}
				}
			}
		}
		List<TrackAssignment> direct = List.copyOf(tracks.values());
		for (TrackAssignment city : direct) {
			for (AlignedTrack aligned : alignments.aligned(subject.districtCode(), city.trackId())) {
				if (!excluded.contains(aligned.trackId())) {
					tracks.putIfAbsent(aligned.trackId(), TrackAssignment.aligned(aligned.trackId(), city.trackId(),
							lower(city.confidence(), aligned.confidence())));
				}
			}
		}
		return List.copyOf(tracks.values());
	}

	/** Keeps the first assignment of a track: callers offer in order of precedence. */
	private void offer(Map<String, TrackAssignment> tracks, Set<String> excluded, Subject subject, TrackAssignment assignment) {
		if (excluded.contains(assignment.trackId())) {
			return;
		}
		String district = alignments.districtOfTrack().get(assignment.trackId());
		if (district != null && !district.equals(subject.districtCode())) {
			return;
		}
		tracks.putIfAbsent(assignment.trackId(), assignment);
	}

	private static String match(LowerCasedRule rule, String name, String scope) {
		for (ClassificationRules.Field field : ClassificationRules.Field.values()) {
			if (!rule.rule().fields().contains(field)) {
				continue;
			}
			String text = field == ClassificationRules.Field.NAME ? name : scope;
			if (text.isEmpty() || rule.except().stream().anyMatch(text::contains)) {
				continue;
			}
			for (String word : rule.words()) {
				if (text.contains(word)) {
					return rule.rule().words().get(rule.words().indexOf(word));
				}
			}
		}
		return null;
	}

	/** The crosswalk rule of the longest prefix of the code that has one; NO_RULE when none does. */
	ClassificationRules.CodeRule decidingRule(String industryCode) {
		if (industryCode == null || codeRules.isEmpty()) {
			return NO_RULE;
		}
		return decidingRule.computeIfAbsent(industryCode, code -> {
			for (int length = code.length(); length >= 2; length--) {
				ClassificationRules.CodeRule rule = codeRules.get(code.substring(0, length));
				if (rule != null) {
					return rule;
				}
			}
			String section = industries.find(code).map(IndustryClass::section).orElse(null);
			return section == null ? NO_RULE : codeRules.getOrDefault(section, NO_RULE);
		});
	}

	private static Confidence lower(Confidence a, Confidence b) {
		if (a == null) {
			return b;
		}
		if (b == null) {
			return a;
		}
		return a.ordinal() >= b.ordinal() ? a : b;
	}

}
