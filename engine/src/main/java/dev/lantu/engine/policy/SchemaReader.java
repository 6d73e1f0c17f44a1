package dev.lantu.engine.policy;

import dev.lantu.engine.lang.Language;
import dev.lantu.engine.lang.Periodicity;
import dev.lantu.engine.lang.Position;
import dev.lantu.engine.lang.Schema;
import dev.lantu.engine.lang.Suggestions;
import dev.lantu.engine.lang.Type;
import dev.lantu.engine.lang.Variable;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * Reads the variables clauses may read from YAML:
 *
 * <pre>
 * variables:
 *   - name: revenue
 *     type: money          # number, money, boolean, date, text or set
 *     periodicity: yearly  # or static
 *     unit: 元
 *     description: 营业收入
 *     source: annual report
 * </pre>
 */
public final class SchemaReader {

    private static final List<String> TOP = List.of("variables");
    private static final List<String> VARIABLE = List.of("name", "type", "periodicity", "unit", "description", "source");
    static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]*");

    private SchemaReader() {
    }

    /** @param schema the schema, or {@code null} when there are errors */
    public record Result(Schema schema, List<PolicyError> errors) {
        public boolean succeeded() {
            return errors.isEmpty();
        }
    }

    public static Result read(String file, String text) {
        YamlFile yaml = new YamlFile(file, text);
        List<Variable> variables = new ArrayList<>();
        yaml.root().flatMap(root -> yaml.mapping(root, "", TOP).flatMap(top -> yaml.field(top, root, "", "variables", true)))
                .flatMap(node -> yaml.sequence(node, "variables"))
                .ifPresent(items -> {
                    Set<String> seen = new HashSet<>();
                    for (int i = 0; i < items.size(); i++) {
                        variable(yaml, items.get(i), "variables[" + i + "]", seen).ifPresent(variables::add);
                    }
                });
        if (yaml.hasErrors()) {
            return new Result(null, yaml.errors());
        }
        try {
            return new Result(Schema.of(variables), List.of());
        } catch (IllegalArgumentException refused) {
            yaml.error(Position.START, "variables", refused.getMessage(), "");
            return new Result(null, yaml.errors());
        }
    }

    private static Optional<Variable> variable(YamlFile yaml, Node node, String path, Set<String> seen) {
        Optional<Map<String, YamlFile.Entry>> found = yaml.mapping(node, path, VARIABLE);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Map<String, YamlFile.Entry> fields = found.get();
        int before = yaml.errors().size();
        String name = yaml.field(fields, node, path, "name", true).flatMap(n -> yaml.text(n, path + ".name")).orElse(null);
        if (name != null && !NAME.matcher(name).matches()) {
            yaml.error(fields.get("name").value(), path + ".name", "a variable's name is ASCII snake_case: " + name,
                    "write it like rd_expense");
        } else if (name != null && Language.reserves(name)) {
            yaml.error(fields.get("name").value(), path + ".name", name + " is a word of the language, not a variable name",
                    "");
        } else if (name != null && !seen.add(name)) {
            yaml.error(fields.get("name").value(), path + ".name", "the variable " + name + " is declared twice", "");
        }
        Type type = yaml.field(fields, node, path, "type", true).flatMap(n -> type(yaml, n, path + ".type")).orElse(null);
        Periodicity periodicity = yaml.field(fields, node, path, "periodicity", true)
                .flatMap(n -> periodicity(yaml, n, path + ".periodicity")).orElse(null);
        String unit = optionalText(yaml, fields, path, "unit");
        String description = optionalText(yaml, fields, path, "description");
        String source = optionalText(yaml, fields, path, "source");
        if (yaml.errors().size() > before) {
            return Optional.empty();
        }
        return Optional.of(new Variable(name, type, unit, periodicity, description, source));
    }

    private static String optionalText(YamlFile yaml, Map<String, YamlFile.Entry> fields, String path, String key) {
        YamlFile.Entry entry = fields.get(key);
        return entry == null ? "" : yaml.scalar(entry.value(), path + "." + key).map(ScalarNode::getValue).orElse("");
    }

    /** A type by the word a file writes: number, money, boolean, date, text, set. */
    static Optional<Type> type(YamlFile yaml, Node node, String path) {
        Map<String, Type> types = Map.of("number", Type.NUMBER, "money", Type.MONEY, "boolean", Type.BOOLEAN,
                "date", Type.DATE, "text", Type.TEXT, "set", Type.SET);
        return yaml.text(node, path).flatMap(word -> {
            Type type = types.get(word);
            if (type == null) {
                yaml.error(node, path, "unknown type " + word, Suggestions.closest(word, types.keySet())
                        .map(t -> "did you mean " + t + "?").orElse("one of number, money, boolean, date, text, set"));
            }
            return Optional.ofNullable(type);
        });
    }

    private static Optional<Periodicity> periodicity(YamlFile yaml, Node node, String path) {
        return yaml.text(node, path).flatMap(word -> switch (word) {
            case "static" -> Optional.of(Periodicity.STATIC);
            case "yearly" -> Optional.of(Periodicity.YEARLY);
            default -> {
                yaml.error(node, path, "unknown periodicity " + word, "static or yearly");
                yield Optional.empty();
            }
        });
    }
}
