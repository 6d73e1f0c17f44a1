package dev.lantu.dataset;

import java.io.StringReader;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * A YAML node that knows where it stands. Reading through it never throws: a missing key, a wrong
 * type or an unknown key becomes a positioned {@link Problem}, and the reader gets {@code null} or an
 * empty value and goes on, so one pass reports every problem of a file.
 *
 * <p>Scalars are read from their source text, not through YAML's type guessing, so {@code code: 12218}
 * and {@code code: "12218"} are the same text.
 */
public final class YamlTree {

	private final Node node;

	private final Position position;

	private final Problems problems;

	private Map<String, YamlTree> entries;

	private YamlTree(Node node, Position position, Problems problems) {
		this.node = node;
		this.position = position;
		this.problems = problems;
	}

	/** Parses one document; a syntax error becomes a problem and the result is empty. */
	public static Optional<YamlTree> parse(String file, String text, Problems problems) {
		try {
			LoaderOptions options = new LoaderOptions();
			options.setAllowDuplicateKeys(false);
			Node root = new Yaml(options).compose(new StringReader(text));
			if (root == null) {
				problems.inconsistent(Position.of(file), "a YAML document", "an empty file");
				return Optional.empty();
			}
			return Optional.of(new YamlTree(root, positionOf(Position.of(file), "", root), problems));
		}
		catch (MarkedYAMLException e) {
			Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
			Position where = mark == null ? Position.of(file)
					: new Position(file, mark.getLine() + 1, mark.getColumn() + 1, "");
			problems.inconsistent(where, "well-formed YAML", e.getProblem());
			return Optional.empty();
		}
		catch (YAMLException e) {
			problems.inconsistent(Position.of(file), "well-formed YAML", e.getMessage());
			return Optional.empty();
		}
	}

	private static Position positionOf(Position parent, String path, Node node) {
		Mark mark = node.getStartMark();
		return mark == null ? parent.at(path, 0, 0) : parent.at(path, mark.getLine() + 1, mark.getColumn() + 1);
	}

	public Position position() {
		return position;
	}

	public Problems problems() {
		return problems;
	}

	public boolean isMapping() {
		return node instanceof MappingNode;
	}

	public boolean isSequence() {
		return node instanceof SequenceNode;
	}

	public boolean isNull() {
		return node instanceof ScalarNode scalar && (scalar.getTag().equals(Tag.NULL));
	}

	private String describe() {
		if (node instanceof ScalarNode scalar) {
			return isNull() ? "nothing" : "'" + scalar.getValue() + "'";
		}
		return node instanceof MappingNode ? "a mapping" : "a list";
	}

	private Map<String, YamlTree> entries() {
		if (entries != null) {
			return entries;
		}
		entries = new LinkedHashMap<>();
		if (node instanceof MappingNode mapping) {
			for (NodeTuple tuple : mapping.getValue()) {
				String key = tuple.getKeyNode() instanceof ScalarNode k ? k.getValue() : String.valueOf(tuple.getKeyNode());
				String childPath = position.path().isEmpty() ? key : position.path() + "." + key;
				entries.put(key, new YamlTree(tuple.getValueNode(), positionOf(position, childPath, tuple.getValueNode()),
						problems));
			}
		}
		return entries;
	}

	/** Reports keys this mapping may not have, suggesting the closest allowed one (typos are the usual cause). */
	public YamlTree allowOnly(Collection<String> allowed) {
		if (!expectMapping()) {
			return this;
		}
		for (Map.Entry<String, YamlTree> entry : entries().entrySet()) {
			if (!allowed.contains(entry.getKey())) {
				String suggestion = closest(entry.getKey(), allowed).map(s -> " (did you mean '" + s + "'?)").orElse("");
				problems.inconsistent(entry.getValue().position, "one of " + String.join(", ", allowed) + suggestion,
						"unknown key '" + entry.getKey() + "'");
			}
		}
		return this;
	}

	private boolean expectMapping() {
		if (!isMapping()) {
			problems.inconsistent(position, "a mapping", describe());
			return false;
		}
		return true;
	}

	public boolean has(String key) {
		return isMapping() && entries().containsKey(key) && !entries().get(key).isNull();
	}

	/** The child at key, or empty when absent or null. */
	public Optional<YamlTree> child(String key) {
		if (!isMapping()) {
			return Optional.empty();
		}
		YamlTree child = entries().get(key);
		return child == null || child.isNull() ? Optional.empty() : Optional.of(child);
	}

	public Optional<YamlTree> required(String key) {
		if (!expectMapping()) {
			return Optional.empty();
		}
		Optional<YamlTree> child = child(key);
		if (child.isEmpty()) {
			problems.inconsistent(position.at(childPath(key), position.line(), position.column()),
					"a value for '" + key + "'", "nothing");
		}
		return child;
	}

	private String childPath(String key) {
		return position.path().isEmpty() ? key : position.path() + "." + key;
	}

	/** This node's own scalar text; a mapping or list where a scalar belongs is a problem. */
	public String asText() {
		if (node instanceof ScalarNode scalar && !isNull()) {
			return scalar.getValue().strip();
		}
		if (!isNull()) {
			problems.inconsistent(position, "a single value", describe());
		}
		return null;
	}

	public String text(String key) {
		return child(key).map(YamlTree::asText).orElse(null);
	}

	public String requiredText(String key) {
		String text = required(key).map(YamlTree::asText).orElse(null);
		if (text != null && text.isEmpty()) {
			problems.inconsistent(child(key).get().position, "a non-empty value for '" + key + "'", "an empty text");
			return null;
		}
		return text;
	}

	public Integer asInteger() {
		String text = asText();
		if (text == null) {
			return null;
		}
		try {
			return Integer.valueOf(text);
		}
		catch (NumberFormatException e) {
			problems.inconsistent(position, "a whole number", "'" + text + "'");
			return null;
		}
	}

	public Integer integer(String key) {
		return child(key).map(YamlTree::asInteger).orElse(null);
	}

	public LocalDate asDate() {
		String text = asText();
		if (text == null) {
			return null;
		}
		try {
			return LocalDate.parse(text);
		}
		catch (DateTimeParseException e) {
			problems.inconsistent(position, "a date as YYYY-MM-DD", "'" + text + "'");
			return null;
		}
	}

	public LocalDate date(String key) {
		return child(key).map(YamlTree::asDate).orElse(null);
	}

	public boolean flag(String key) {
		String text = text(key);
		if (text == null) {
			return false;
		}
		if (!text.equals("true") && !text.equals("false")) {
			problems.inconsistent(child(key).get().position, "true or false", "'" + text + "'");
		}
		return text.equals("true");
	}

	/** The items of this node as a list; a single scalar counts as a list of one. */
	public List<YamlTree> asList() {
		if (node instanceof SequenceNode sequence) {
			List<YamlTree> items = new ArrayList<>();
			List<Node> values = sequence.getValue();
			for (int i = 0; i < values.size(); i++) {
				Node item = values.get(i);
				items.add(new YamlTree(item, positionOf(position, position.path() + "[" + i + "]", item), problems));
			}
			return items;
		}
		if (node instanceof ScalarNode && !isNull()) {
			return List.of(this);
		}
		if (!isNull()) {
			problems.inconsistent(position, "a list", describe());
		}
		return List.of();
	}

	public List<YamlTree> list(String key) {
		return child(key).map(YamlTree::asList).orElse(List.of());
	}

	public List<String> texts(String key) {
		return list(key).stream().map(YamlTree::asText).filter(t -> t != null && !t.isEmpty()).toList();
	}

	/** A {zh, en} mapping; zh is required, en optional. */
	public LocalizedText localized(String key, boolean required) {
		Optional<YamlTree> child = required ? required(key) : child(key);
		if (child.isEmpty()) {
			return null;
		}
		YamlTree text = child.get();
		if (!text.isMapping()) {
			// a bare string is the Chinese text
			String zh = text.asText();
			return zh == null ? null : new LocalizedText(zh, null);
		}
		text.allowOnly(List.of("zh", "en"));
		String zh = text.requiredText("zh");
		return zh == null ? null : new LocalizedText(zh, text.text("en"));
	}

	static Optional<String> closest(String word, Collection<String> candidates) {
		return candidates.stream()
			.min(Comparator.comparingInt(candidate -> distance(word, candidate)))
			.filter(candidate -> distance(word, candidate) <= Math.max(2, word.length() / 3));
	}

	/** Levenshtein distance, for "did you mean" suggestions. */
	static int distance(String a, String b) {
		int[] previous = new int[b.length() + 1];
		int[] current = new int[b.length() + 1];
		for (int j = 0; j <= b.length(); j++) {
			previous[j] = j;
		}
		for (int i = 1; i <= a.length(); i++) {
			current[0] = i;
			for (int j = 1; j <= b.length(); j++) {
				int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
				current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
			}
			int[] swap = previous;
			previous = current;
			current = swap;
		}
		return previous[b.length()];
	}

}
