package dev.lantu.dataset;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The state of one read of a dataset (or of one posted definition): its problems, the source ids
 * its facts cite and the ids it declares, so references across files are checked once all is read.
 */
public final class DatasetReading {

	private static final List<String> PROVENANCE_KEYS = List.of("sources", "confidence", "inferred", "note");

	private final Problems problems = new Problems();

	private final List<Reference> sourceCitations = new ArrayList<>();

	private final Map<String, Map<String, Position>> declarations = new LinkedHashMap<>();

	public record Reference(String id, Position position) {
	}

	public Problems problems() {
		return problems;
	}

	public static List<String> provenanceKeys() {
		return PROVENANCE_KEYS;
	}

	/**
	 * Reads sources, confidence, inferred and note of a fact; what the fact does not say it inherits
	 * from its enclosing element. With nothing to inherit, both sources and confidence are required.
	 */
	public Provenance provenance(YamlTree fact, Provenance inherited) {
		List<YamlTree> cited = fact.list("sources");
		List<String> sources = new ArrayList<>();
		for (YamlTree source : cited) {
			String id = source.asText();
			if (id != null) {
				sources.add(id);
				sourceCitations.add(new Reference(id, source.position()));
			}
		}
		Confidence confidence = null;
		String confidenceText = fact.text("confidence");
		if (confidenceText != null) {
			confidence = Confidence.parse(confidenceText).orElse(null);
			if (confidence == null) {
				problems.inconsistent(fact.child("confidence").get().position(), "confidence high, medium or low",
						"'" + confidenceText + "'");
			}
		}
		if (sources.isEmpty() && inherited != null) {
			sources = inherited.sources();
		}
		if (confidence == null && confidenceText == null && inherited != null) {
			confidence = inherited.confidence();
		}
		if (inherited == null) {
			if (sources.isEmpty()) {
				problems.inconsistent(fact.position(), "sources: the ids of the sources this fact comes from",
						"no sources");
			}
			if (confidenceText == null) {
				problems.inconsistent(fact.position(), "confidence: high, medium or low", "no confidence");
			}
		}
		boolean inferred = fact.flag("inferred") || (inherited != null && inherited.inferred() && !fact.has("inferred"));
		return new Provenance(sources, confidence == null ? Confidence.LOW : confidence, inferred, fact.text("note"));
	}

	/** Records the source ids a fact cites, for facts read outside YAML (a CSV cell). */
	public void cite(String sourceId, Position position) {
		sourceCitations.add(new Reference(sourceId, position));
	}

	/**
	 * Declares an id in a namespace ("track", "layer", "system"); a second declaration of the same id
	 * is a problem naming where the first one is.
	 */
	public boolean declare(String namespace, String id, Position position) {
		Map<String, Position> ids = declarations.computeIfAbsent(namespace, n -> new LinkedHashMap<>());
		Position first = ids.putIfAbsent(id, position);
		if (first != null) {
			String article = "aeiou".indexOf(namespace.charAt(0)) >= 0 ? "an " : "a ";
			problems.inconsistent(position, article + namespace + " id used once", "'" + id + "' already declared at " + first);
			return false;
		}
		return true;
	}

	public Set<String> declared(String namespace) {
		return declarations.getOrDefault(namespace, Map.of()).keySet();
	}

	/** Checks every cited source id against the catalogue. */
	public void checkCitations(Set<String> catalogue) {
		for (Reference citation : sourceCitations) {
			if (!catalogue.contains(citation.id())) {
				String suggestion = YamlTree.closest(citation.id(), catalogue).map(s -> " (did you mean '" + s + "'?)")
					.orElse("");
				problems.inconsistent(citation.position(), "a source id from sources.yaml" + suggestion,
						"'" + citation.id() + "'");
			}
		}
	}

	/** Adds the suggestion for an unknown id among known ones. */
	public static String suggestion(String id, Set<String> known) {
		return YamlTree.closest(id, known).map(s -> " (did you mean '" + s + "'?)").orElse("");
	}

}
