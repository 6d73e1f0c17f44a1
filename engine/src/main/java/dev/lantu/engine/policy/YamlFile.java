package dev.lantu.engine.policy;

import dev.lantu.engine.eval.Evaluator;
import dev.lantu.engine.eval.MapEnterprise;
import dev.lantu.engine.eval.Outcome;
import dev.lantu.engine.eval.ParameterValues;
import dev.lantu.engine.eval.Value;
import dev.lantu.engine.lang.Compilation;
import dev.lantu.engine.lang.Language;
import dev.lantu.engine.lang.LanguageError;
import dev.lantu.engine.lang.Parameters;
import dev.lantu.engine.lang.Position;
import dev.lantu.engine.lang.Schema;
import dev.lantu.engine.lang.Suggestions;
import dev.lantu.engine.lang.Type;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.DumperOptions;
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
import org.yaml.snakeyaml.reader.ReaderException;

/**
 * One YAML file being read: its nodes with their places in the text, and the errors found so far.
 * Readers of policies, schemas and test cases walk the node tree through it, so every error names
 * the file, the line and column, and the path of keys that leads to it. Nothing here throws on bad
 * input: a problem becomes an error and the walk goes on where it can.
 */
final class YamlFile {

    private static final Schema NO_VARIABLES = Schema.of();
    private static final Pattern FEN = Pattern.compile("-?[0-9]{1,18}分");

    private final String file;
    private final String text;
    private final int[] lineStarts;
    private final List<PolicyError> errors = new ArrayList<>();

    YamlFile(String file, String text) {
        this.file = file == null ? "" : file;
        this.text = text == null ? "" : text;
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        for (int i = 0; i < this.text.length(); i++) {
            if (this.text.charAt(i) == '\n') {
                starts.add(i + 1);
            }
        }
        this.lineStarts = starts.stream().mapToInt(Integer::intValue).toArray();
    }

    List<PolicyError> errors() {
        return List.copyOf(errors);
    }

    boolean hasErrors() {
        return !errors.isEmpty();
    }

    /** The document's root node, or empty with an error when the text is not one YAML document. */
    Optional<Node> root() {
        try {
            LoaderOptions options = new LoaderOptions();
            options.setMaxAliasesForCollections(20);
            Node root = new Yaml(options).compose(new StringReader(text));
            if (root == null) {
                error(Position.START, "", "the file holds no YAML document", "");
            }
            return Optional.ofNullable(root);
        } catch (MarkedYAMLException problem) {
            Mark mark = problem.getProblemMark() != null ? problem.getProblemMark() : problem.getContextMark();
            String message = problem.getProblem() != null ? problem.getProblem() : "not valid YAML";
            if (problem.getContext() != null) {
                message = problem.getContext() + ": " + message;
            }
            error(mark == null ? Position.START : position(mark), "", "not valid YAML: " + message.strip(), "");
        } catch (ReaderException problem) {
            error(position(charIndex(problem.getPosition())), "",
                    "not valid YAML: the character U+" + Integer.toHexString(problem.getCodePoint()).toUpperCase()
                            + " is not allowed", "remove it or write it as an escape in a double-quoted string");
        } catch (YAMLException problem) {
            error(Position.START, "", "not valid YAML: " + problem.getMessage(), "");
        }
        return Optional.empty();
    }

    void error(Position position, String path, String message, String suggestion) {
        errors.add(new PolicyError(file, position, path, message, suggestion));
    }

    void error(Node node, String path, String message, String suggestion) {
        error(position(node.getStartMark()), path, message, suggestion);
    }

    void error(Node node, String path, String message) {
        error(node, path, message, "");
    }

    // ---- walking the tree

    /**
     * The entries of a mapping by key, in order. Keys that are not scalars, repeated keys and keys
     * outside {@code allowed} are errors; an unknown key gets the closest allowed one as a suggestion.
     */
    Optional<Map<String, Entry>> mapping(Node node, String path, Collection<String> allowed) {
        if (!(node instanceof MappingNode mapping)) {
            error(node, path, "expected a mapping of keys to values here, found " + describe(node));
            return Optional.empty();
        }
        Map<String, Entry> entries = new LinkedHashMap<>();
        for (NodeTuple tuple : mapping.getValue()) {
            if (!(tuple.getKeyNode() instanceof ScalarNode keyNode)) {
                error(tuple.getKeyNode(), path, "a key must be a plain name, found " + describe(tuple.getKeyNode()));
                continue;
            }
            String key = keyNode.getValue();
            String keyPath = join(path, key);
            if (entries.containsKey(key)) {
                error(keyNode, keyPath, "the key " + key + " appears twice", "keep one of them");
                continue;
            }
            if (allowed != null && !allowed.contains(key)) {
                error(keyNode, keyPath, "unknown key " + key,
                        Suggestions.closest(key, allowed).map(k -> "did you mean " + k + "?")
                                .orElse("expected one of " + String.join(", ", allowed)));
                continue;
            }
            entries.put(key, new Entry(keyNode, tuple.getValueNode()));
        }
        return Optional.of(entries);
    }

    /** A key and its value node. */
    record Entry(ScalarNode key, Node value) {
    }

    /** The entry {@code key} of {@code entries}, reporting its absence when it is required. */
    Optional<Node> field(Map<String, Entry> entries, Node owner, String path, String key, boolean required) {
        Entry entry = entries.get(key);
        if (entry == null) {
            if (required) {
                error(owner, join(path, key), "missing key " + key, "add " + key + ": …");
            }
            return Optional.empty();
        }
        return Optional.of(entry.value());
    }

    Optional<ScalarNode> scalar(Node node, String path) {
        if (node instanceof ScalarNode scalar) {
            return Optional.of(scalar);
        }
        error(node, path, "expected a single value here, found " + describe(node));
        return Optional.empty();
    }

    /** The text of a scalar; a blank one is an error, since every field read here means something. */
    Optional<String> text(Node node, String path) {
        return scalar(node, path).flatMap(scalar -> {
            if (scalar.getValue().isBlank()) {
                error(scalar, path, "this value is empty");
                return Optional.empty();
            }
            return Optional.of(scalar.getValue());
        });
    }

    Optional<List<Node>> sequence(Node node, String path) {
        if (node instanceof SequenceNode sequence) {
            return Optional.of(sequence.getValue());
        }
        error(node, path, "expected a list here (lines starting with '- '), found " + describe(node));
        return Optional.empty();
    }

    Optional<Boolean> bool(Node node, String path) {
        return scalar(node, path).flatMap(scalar -> switch (scalar.getValue()) {
            case "true" -> Optional.of(true);
            case "false" -> Optional.of(false);
            default -> {
                error(scalar, path, "expected true or false, found " + scalar.getValue(), "");
                yield Optional.empty();
            }
        });
    }

    /**
     * A value of the language's {@code type} written as in a clause: {@code 100万元}, {@code 30%},
     * {@code 2024-06-18}, {@code true}; money may also be written in fen ({@code 12345分}). Text is
     * taken as written; a set is a list of texts.
     */
    Optional<Value> value(Node node, String path, Type type) {
        if (type == Type.SET) {
            return sequence(node, path).map(items -> {
                List<String> members = new ArrayList<>();
                for (int i = 0; i < items.size(); i++) {
                    text(items.get(i), path + "[" + i + "]").ifPresent(members::add);
                }
                return Value.set(members);
            });
        }
        Optional<ScalarNode> found = scalar(node, path);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        ScalarNode scalar = found.get();
        String written = scalar.getValue();
        if (written.isEmpty() && scalar.isPlain()) {
            error(scalar, path, "this value is empty", type == Type.TEXT ? "write \"\" for an empty text" : "");
            return Optional.empty();
        }
        if (type == Type.TEXT) {
            return Optional.of(Value.text(written));
        }
        if (type == Type.MONEY && FEN.matcher(written.strip()).matches()) {
            return Optional.of(Value.money(Long.parseLong(written.strip().replace("分", ""))));
        }
        Compilation compiled = Language.compile(written, NO_VARIABLES, Parameters.NONE, type);
        if (compiled instanceof Compilation.Failure failure) {
            expressionErrors(scalar, path, failure.errors());
            return Optional.empty();
        }
        Outcome outcome = new Evaluator(NO_VARIABLES, ParameterValues.NONE)
                .evaluate((Compilation.Success) compiled, MapEnterprise.builder().build(), 2000);
        if (outcome instanceof Outcome.Evaluated evaluated && !evaluated.value().isUnknown()) {
            return Optional.of(evaluated.value());
        }
        error(scalar, path, "cannot compute " + written + ": "
                + (outcome instanceof Outcome.Failed failed ? failed.error().message() : "it is unknown"), "");
        return Optional.empty();
    }

    /** Errors inside an expression written in {@code scalar}, placed where they are in the file. */
    void expressionErrors(ScalarNode scalar, String path, List<LanguageError> found) {
        for (LanguageError error : found) {
            error(inScalar(scalar, error.position()), path, error.message(), error.suggestion());
        }
    }

    // ---- positions

    Position position(Mark mark) {
        return position(charIndex(mark.getIndex()));
    }

    /** SnakeYAML counts code points; the text and the language count UTF-16 units. */
    private int charIndex(int codePoints) {
        int count = text.codePointCount(0, text.length());
        return text.offsetByCodePoints(0, Math.max(0, Math.min(codePoints, count)));
    }

    /** The line and column of a character of the text; lines end at '\n', as in the language. */
    Position position(int charIndex) {
        int index = Math.max(0, Math.min(charIndex, text.length()));
        int low = 0;
        int high = lineStarts.length - 1;
        while (low < high) {
            int middle = (low + high + 1) >>> 1;
            if (lineStarts[middle] <= index) {
                low = middle;
            } else {
                high = middle - 1;
            }
        }
        return new Position(low + 1, index - lineStarts[low] + 1);
    }

    /**
     * Where a place inside a scalar's value lies in the file. The value is matched character by
     * character against the scalar's text in the file, skipping what YAML takes away (indentation,
     * the header of a block scalar, quotes, the backslash of an escape), so a plain one-line scalar
     * and a literal block {@code |} map exactly, and folded or quoted ones map to the character the
     * value came from. Where the match fails (an escape such as {@code \n}), the scalar's start stands
     * in for the place.
     */
    Position inScalar(ScalarNode scalar, Position within) {
        String value = scalar.getValue();
        int offset = offsetOf(value, within);
        int start = charIndex(scalar.getStartMark().getIndex());
        int end = charIndex(scalar.getEndMark().getIndex());
        DumperOptions.ScalarStyle style = scalar.getScalarStyle();
        if (style == DumperOptions.ScalarStyle.LITERAL || style == DumperOptions.ScalarStyle.FOLDED) {
            int header = text.indexOf('\n', start);
            start = header < 0 || header >= end ? end : header + 1;
        } else if (style == DumperOptions.ScalarStyle.SINGLE_QUOTED || style == DumperOptions.ScalarStyle.DOUBLE_QUOTED) {
            start = Math.min(start + 1, end);
        }
        int raw = start;
        for (int i = 0; i <= offset && i < value.length(); i++) {
            char wanted = value.charAt(i);
            while (raw < end && text.charAt(raw) != wanted) {
                raw++;
            }
            if (raw >= end) {
                return position(scalar.getStartMark());
            }
            if (i < offset) {
                raw++;
            }
        }
        return position(raw);
    }

    /** The index in {@code value} of a 1-based line and column, as the language's lexer counts them. */
    private static int offsetOf(String value, Position within) {
        int index = 0;
        for (int line = 1; line < within.line() && index < value.length(); index++) {
            if (value.charAt(index) == '\n') {
                line++;
            }
        }
        return Math.min(value.length(), index + within.column() - 1);
    }

    static String join(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    private static String describe(Node node) {
        if (node instanceof ScalarNode scalar) {
            return scalar.getValue().isEmpty() ? "nothing" : "the value " + abbreviate(scalar.getValue());
        }
        if (node instanceof SequenceNode) {
            return "a list";
        }
        if (node instanceof MappingNode) {
            return "a mapping";
        }
        return "something else";
    }

    private static String abbreviate(String text) {
        String line = text.strip().replace('\n', ' ');
        return line.length() <= 40 ? line : line.substring(0, 40) + "…";
    }
}
