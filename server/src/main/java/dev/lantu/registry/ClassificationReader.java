package dev.lantu.registry;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.lantu.dataset.Confidence;
import dev.lantu.dataset.DatasetReading;
import dev.lantu.dataset.Position;
import dev.lantu.dataset.Problems;
import dev.lantu.dataset.Provenance;
import dev.lantu.dataset.YamlTree;

/**
 * Reads {@code classification.yaml} (docs/dataset-format.md) and checks every rule: GB/T 4754-2017 codes
 * against the bundled table, tracks against the dataset's systems, USCCs by their check characters; each
 * rule needs its confidence and inherits the file's sources. Every problem is positioned (file, line,
 * column, path); rules with problems are left out, and the caller refuses the whole file when there is any.
 */
public final class ClassificationReader {

	public static final String FILE = "classification.yaml";

	private static final List<String> TOP = List.of("statement", "sources", "confidence", "inferred", "note", "crosswalk",
			"keywords", "manual");

	private static final List<String> CODE_KEYS = withProvenance("code", "tracks");

	private static final List<String> KEYWORD_KEYS = withProvenance("id", "words", "in", "except", "tracks");

	private static final List<String> MANUAL_KEYS = withProvenance("uscc", "track", "tracks", "exclude", "reason", "officer",
			"date");

	private final DatasetReading reading;

	private final Set<String> knownTracks;

	private final IndustryClassification industries;

	public ClassificationReader(DatasetReading reading, Set<String> knownTracks, IndustryClassification industries) {
		this.reading = reading;
		this.knownTracks = knownTracks;
		this.industries = industries;
	}

	private static List<String> withProvenance(String... keys) {
		List<String> all = new ArrayList<>(List.of(keys));
		all.addAll(DatasetReading.provenanceKeys());
		return List.copyOf(all);
	}

	private Problems problems() {
		return reading.problems();
	}

	/** The rules of the text, or empty when it is no YAML mapping; problems go to the reading. */
	public Optional<ClassificationRules> read(String file, String text) {
		Optional<YamlTree> parsed = YamlTree.parse(file, text, problems());
		if (parsed.isEmpty()) {
			return Optional.empty();
		}
		YamlTree root = parsed.get();
		if (!root.isMapping()) {
			problems().inconsistent(root.position(), "a mapping with statement, sources, crosswalk, keywords, manual",
					"something else");
			return Optional.empty();
		}
		root.allowOnly(TOP);
		// the file says what it is: the crosswalk is an analytic judgement, and a reader must be told so
		root.localized("statement", true);
		if (root.list("sources").isEmpty()) {
			problems().inconsistent(root.position(), "sources: the ids of the sources of the tracks and codes the rules name",
					"no sources");
		}
		// every rule states its own confidence; the file's sources and its inferred flag are inherited
		Provenance file_ = reading.provenance(root, new Provenance(List.of(), Confidence.LOW, true, null));
		List<ClassificationRules.CodeRule> crosswalk = new ArrayList<>();
		Map<String, Position> codes = new HashMap<>();
		for (YamlTree node : root.list("crosswalk")) {
			codeRule(node, file_, codes).ifPresent(crosswalk::add);
		}
		List<ClassificationRules.KeywordRule> keywords = new ArrayList<>();
		Map<String, Position> keywordIds = new HashMap<>();
		List<YamlTree> keywordNodes = root.list("keywords");
		for (int i = 0; i < keywordNodes.size(); i++) {
			keywordRule(keywordNodes.get(i), i, file_, keywordIds).ifPresent(keywords::add);
		}
		List<ClassificationRules.ManualAssignment> manual = new ArrayList<>();
		Map<String, Position> decided = new HashMap<>();
		for (YamlTree node : root.list("manual")) {
			manual.addAll(manualAssignments(node, file_, decided));
		}
		return Optional.of(new ClassificationRules(crosswalk, keywords, manual));
	}

	private Confidence confidence(YamlTree node, Provenance inherited) {
		if (!node.has("confidence")) {
			problems().inconsistent(node.position(), "confidence: high, medium or low (every rule says how sure it is)",
					"no confidence");
		}
		return reading.provenance(node, inherited).confidence();
	}

	private Optional<ClassificationRules.CodeRule> codeRule(YamlTree node, Provenance inherited, Map<String, Position> seen) {
		node.allowOnly(CODE_KEYS);
		Confidence confidence = confidence(node, inherited);
		String typed = node.requiredText("code");
		Position where = typed == null ? null : node.child("code").get().position();
		String digits = typed == null ? null : industryPrefix(typed, where);
		List<String> tracks = tracks(node, "tracks", true);
		if (digits == null || tracks == null) {
			return Optional.empty();
		}
		Position first = seen.putIfAbsent(digits, where);
		if (first != null) {
			problems().inconsistent(where, "each code once in the crosswalk", "'" + typed + "' already mapped at " + first);
			return Optional.empty();
		}
		return Optional.of(new ClassificationRules.CodeRule(typed.strip().toUpperCase(), digits, tracks, confidence,
				node.text("note")));
	}

	/** The code's digits (or section letter) when it is a GB/T 4754-2017 section, division, group or class. */
	private String industryPrefix(String typed, Position where) {
		String code = IndustryClassification.halfWidth(typed).replaceAll("\\s", "").toUpperCase();
		if (!code.matches("[A-T]|[A-T]?\\d{2,4}")) {
			problems().inconsistent(where, "a GB/T 4754-2017 code: a section letter (C), a division (36), a group (361) "
					+ "or a class (3612), with or without its section letter (C3612)", "'" + typed + "'");
			return null;
		}
		String letter = Character.isLetter(code.charAt(0)) ? code.substring(0, 1) : null;
		String digits = letter == null ? code : code.substring(1);
		if (digits.isEmpty()) {
			if (industries.find(letter).filter(c -> c.level() == IndustryClass.Level.SECTION).isEmpty()) {
				problems().inconsistent(where, "a section letter of GB/T 4754-2017 (A to T)", "'" + typed + "'");
				return null;
			}
			return letter;
		}
		Optional<IndustryClass> found = industries.find(digits);
		if (found.isEmpty() || found.get().level() == IndustryClass.Level.SECTION) {
			problems().inconsistent(where, "a code of GB/T 4754-2017", "'" + typed + "', which the classification does not have"
					+ nearby(digits));
			return null;
		}
		if (letter != null && !letter.equals(found.get().section())) {
			problems().inconsistent(where, "the section letter of " + digits + " (" + found.get().name() + "), "
					+ found.get().section(), "'" + letter + "'");
			return null;
		}
		return digits;
	}

	private String nearby(String digits) {
		for (int length = digits.length() - 1; length >= 2; length--) {
			Optional<IndustryClass> parent = industries.find(digits.substring(0, length));
			if (parent.isPresent()) {
				List<String> children = industries.children(parent.get().code()).stream().map(IndustryClass::code).sorted()
					.limit(12).toList();
				return "; under " + parent.get().code() + " (" + parent.get().name() + ") are " + String.join(", ", children);
			}
		}
		return "";
	}

	private List<String> tracks(YamlTree node, String key, boolean required) {
		if (required && !node.isMapping()) {
			return null;
		}
		if (required && node.child(key).isEmpty()) {
			// an empty list ([]) is a deliberate carve-out; a missing one is a mistake
			problems().inconsistent(node.position(), "tracks: the track ids this rule assigns ([] to assign none)",
					"no tracks");
			return null;
		}
		List<String> tracks = new ArrayList<>();
		boolean ok = true;
		for (YamlTree item : node.list(key)) {
			String id = item.asText();
			if (id == null) {
				ok = false;
				continue;
			}
			if (!knownTracks.contains(id)) {
				problems().inconsistent(item.position(), "a track id of the dataset's systems",
						"'" + id + "'" + DatasetReading.suggestion(id, knownTracks));
				ok = false;
				continue;
			}
			if (tracks.contains(id)) {
				problems().inconsistent(item.position(), "each track once", "'" + id + "' twice");
				ok = false;
				continue;
			}
			tracks.add(id);
		}
		return ok ? tracks : null;
	}

	private Optional<ClassificationRules.KeywordRule> keywordRule(YamlTree node, int index, Provenance inherited,
			Map<String, Position> seen) {
		node.allowOnly(KEYWORD_KEYS);
		Confidence confidence = confidence(node, inherited);
		String id = node.text("id") == null ? "keywords[" + index + "]" : node.text("id");
		List<String> words = node.texts("words");
		if (words.isEmpty()) {
			problems().inconsistent(node.position(), "words: the words to look for", "none");
		}
		Set<ClassificationRules.Field> fields = EnumSet.noneOf(ClassificationRules.Field.class);
		for (YamlTree field : node.list("in")) {
			String text = field.asText();
			if ("name".equals(text)) {
				fields.add(ClassificationRules.Field.NAME);
			}
			else if ("scope".equals(text)) {
				fields.add(ClassificationRules.Field.SCOPE);
			}
			else {
				problems().inconsistent(field.position(), "name or scope (where to look for the words)", "'" + text + "'");
			}
		}
		if (fields.isEmpty()) {
			fields = EnumSet.allOf(ClassificationRules.Field.class);
		}
		List<String> tracks = tracks(node, "tracks", true);
		if (node.has("id")) {
			Position first = seen.putIfAbsent(id, node.child("id").get().position());
			if (first != null) {
				problems().inconsistent(node.child("id").get().position(), "a keyword rule id used once",
						"'" + id + "' already used at " + first);
				return Optional.empty();
			}
		}
		if (words.isEmpty() || tracks == null) {
			return Optional.empty();
		}
		return Optional.of(new ClassificationRules.KeywordRule(id, words, fields, node.texts("except"), tracks, confidence));
	}

	private List<ClassificationRules.ManualAssignment> manualAssignments(YamlTree node, Provenance inherited,
			Map<String, Position> seen) {
		node.allowOnly(MANUAL_KEYS);
		Confidence confidence = confidence(node, inherited);
		String typed = node.requiredText("uscc");
		String reason = node.requiredText("reason");
		String officer = node.requiredText("officer");
		LocalDate date = node.date("date");
		boolean exclude = node.flag("exclude");
		List<String> tracks = new ArrayList<>();
		if (node.has("track")) {
			List<String> one = tracks(node, "track", false);
			if (one == null) {
				return List.of();
			}
			tracks.addAll(one);
		}
		if (node.has("tracks")) {
			List<String> more = tracks(node, "tracks", false);
			if (more == null) {
				return List.of();
			}
			tracks.addAll(more);
		}
		if (tracks.isEmpty()) {
			problems().inconsistent(node.position(), "track: the track this enterprise is put in (or, with exclude, kept out of)",
					"no track");
		}
		String uscc = null;
		if (typed != null) {
			Position where = node.child("uscc").get().position();
			UnifiedSocialCreditCode.Normalised normalised = UnifiedSocialCreditCode.normalise(typed);
			Optional<String> problem = UnifiedSocialCreditCode.problem(normalised.code());
			if (problem.isPresent()) {
				problems().inconsistent(where, "a unified social credit code (GB 32100-2015)", "'" + typed + "': " + problem.get());
			}
			else if (!normalised.code().equals(typed.strip())) {
				problems().inconsistent(where, "the code as registered, " + normalised.code(), "'" + typed + "' ("
						+ String.join("; ", normalised.changes()) + ")");
			}
			else {
				uscc = normalised.code();
			}
		}
		if (uscc == null || reason == null || officer == null || tracks.isEmpty()) {
			return List.of();
		}
		List<ClassificationRules.ManualAssignment> assignments = new ArrayList<>();
		for (String track : new LinkedHashSet<>(tracks)) {
			Position first = seen.putIfAbsent(uscc + " " + track, node.position());
			if (first != null) {
				problems().inconsistent(node.position(), "one decision per enterprise and track",
						uscc + " and " + track + " already decided at " + first);
				continue;
			}
			assignments.add(new ClassificationRules.ManualAssignment(uscc, track, exclude, reason, officer, date, confidence));
		}
		return assignments;
	}

}
