package dev.lantu.registry;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import dev.lantu.dataset.Confidence;

/**
 * The rules that put enterprises in tracks, as {@code classification.yaml} states them (see
 * docs/dataset-format.md): a crosswalk from GB/T 4754-2017 codes and prefixes to tracks, keyword rules on
 * name and business scope, and officers' manual assignments. Each rule has a confidence; the crosswalk is
 * an analytic judgement, not an official statement, and the file says so.
 */
public record ClassificationRules(List<CodeRule> crosswalk, List<KeywordRule> keywords, List<ManualAssignment> manual) {

	public ClassificationRules {
		crosswalk = List.copyOf(crosswalk);
		keywords = List.copyOf(keywords);
		manual = List.copyOf(manual);
	}

	public static ClassificationRules none() {
		return new ClassificationRules(List.of(), List.of(), List.of());
	}

	/**
	 * Industry codes starting with {@code prefix} belong to these tracks: a section letter ({@code C}), a
	 * division, group or class ({@code 36}, {@code 361}, {@code 3612}), kept as the file wrote it
	 * ({@code C3612}) for provenance. The most specific prefix that has a rule decides alone; an empty
	 * track list carves a code out of a broader rule.
	 */
	public record CodeRule(String prefix, String digits, List<String> tracks, Confidence confidence, String note) {

		public CodeRule {
			tracks = List.copyOf(tracks);
		}

	}

	/** Where a keyword is looked for. */
	public enum Field {
		NAME, SCOPE
	}

	/**
	 * An enterprise whose name or business scope contains one of {@code words}, and none of {@code except}
	 * in the same field, belongs to these tracks. Matching ignores case.
	 */
	public record KeywordRule(String id, List<String> words, Set<Field> fields, List<String> except, List<String> tracks,
			Confidence confidence) {

		public KeywordRule {
			words = List.copyOf(words);
			fields = Set.copyOf(fields);
			except = List.copyOf(except);
			tracks = List.copyOf(tracks);
		}

	}

	/**
	 * An officer's decision that an enterprise is (or, with {@code exclude}, is not) in a track, with the
	 * reason and the date; it wins over every other rule for that track.
	 */
	public record ManualAssignment(String uscc, String track, boolean exclude, String reason, String officer,
			LocalDate decidedOn, Confidence confidence) {
	}

}
