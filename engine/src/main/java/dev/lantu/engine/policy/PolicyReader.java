package dev.lantu.engine.policy;

import dev.lantu.engine.eval.Value;
import dev.lantu.engine.lang.Compilation;
import dev.lantu.engine.lang.Language;
import dev.lantu.engine.lang.Parameters;
import dev.lantu.engine.lang.Schema;
import dev.lantu.engine.lang.Type;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * Reads one policy file into a {@link PolicyDocument}, or into every problem it has, each with the
 * file, line, column and path. An error inside a clause's eligibility or award is placed where it
 * stands in the file: the line and column of the expression's scalar plus the place within the
 * expression. Unknown keys are errors with the closest known key as a suggestion, since a misspelt
 * optional key ({@code cpa}) would otherwise be silently ignored. Reading never throws on bad input.
 * The format is described in {@code docs/policy-language.md}.
 */
public final class PolicyReader {

    private static final List<String> TOP = List.of("id", "title", "issuer", "document_number", "regions",
            "effective_from", "effective_to", "source", "parameters", "clauses", "cap_per_enterprise_per_year", "budget",
            "tracks");
    private static final List<String> TITLE = List.of("zh", "en");
    private static final List<String> SOURCE = List.of("title", "url", "citation", "confidence");
    private static final List<String> PARAMETER = List.of("type", "description", "values");
    private static final List<String> DATED_VALUE = List.of("from", "value", "reference");
    private static final List<String> CLAUSE = List.of("id", "title", "subject", "eligibility", "award", "cap",
            "delivery", "source_paragraph", "illustrative", "note", "per");

    private static final Pattern REGION_CODE = Pattern.compile("[0-9]{6}");

    private final Schema schema;

    public PolicyReader(Schema schema) {
        this.schema = schema;
    }

    /** @param document the policy, or {@code null} when there are errors */
    public record Result(PolicyDocument document, List<PolicyError> errors) {
        public Result {
            errors = List.copyOf(errors);
        }

        public boolean succeeded() {
            return errors.isEmpty();
        }
    }

    public Result read(String file, String text) {
        YamlFile yaml = new YamlFile(file, text);
        Optional<Node> root = yaml.root();
        if (root.isEmpty()) {
            return new Result(null, yaml.errors());
        }
        Optional<Map<String, YamlFile.Entry>> top = yaml.mapping(root.get(), "", TOP);
        if (top.isEmpty()) {
            return new Result(null, yaml.errors());
        }
        Map<String, YamlFile.Entry> fields = top.get();
        Node node = root.get();
        String id = yaml.field(fields, node, "", "id", true).flatMap(n -> yaml.text(n, "id")).orElse(null);
        String[] titles = {null, null};
        yaml.field(fields, node, "", "title", true).ifPresent(n -> yaml.mapping(n, "title", TITLE).ifPresent(title -> {
            titles[0] = yaml.field(title, n, "title", "zh", true).flatMap(z -> yaml.text(z, "title.zh")).orElse(null);
            titles[1] = yaml.field(title, n, "title", "en", false).flatMap(e -> yaml.text(e, "title.en")).orElse("");
        }));
        String issuer = yaml.field(fields, node, "", "issuer", true).flatMap(n -> yaml.text(n, "issuer")).orElse(null);
        String number = yaml.field(fields, node, "", "document_number", false)
                .flatMap(n -> yaml.text(n, "document_number")).orElse("");
        List<String> regions = yaml.field(fields, node, "", "regions", true)
                .flatMap(n -> yaml.value(n, "regions", Type.SET))
                .map(set -> ((Value.TextSet) set).members().stream().sorted().toList()).orElse(List.of());
        regions.stream().filter(code -> !REGION_CODE.matcher(code).matches()).forEach(code -> yaml.error(
                fields.get("regions").value(), "regions", "a region is a six-digit GB/T 2260 code, not " + code,
                "such as \"440105\" for 海珠区"));
        List<String> tracks = yaml.field(fields, node, "", "tracks", false)
                .flatMap(n -> yaml.value(n, "tracks", Type.SET))
                .map(set -> ((Value.TextSet) set).members().stream().sorted().toList()).orElse(List.of());
        LocalDate from = date(yaml, fields, node, "effective_from", true);
        LocalDate to = date(yaml, fields, node, "effective_to", false);
        if (from != null && to != null && to.isBefore(from)) {
            yaml.error(fields.get("effective_to").value(), "effective_to", "the policy ends before it starts", "");
        }
        PolicyDocument.Source source = yaml.field(fields, node, "", "source", true)
                .flatMap(n -> source(yaml, n)).orElse(null);
        Long cap = money(yaml, fields, "cap_per_enterprise_per_year", "cap_per_enterprise_per_year");
        Long budget = money(yaml, fields, "budget", "budget");
        Map<String, Parameter> parameters = new LinkedHashMap<>();
        Map<String, Type> declared = new LinkedHashMap<>();
        yaml.field(fields, node, "", "parameters", false)
                .flatMap(n -> yaml.mapping(n, "parameters", null))
                .ifPresent(entries -> entries.forEach((name, entry) -> parameter(yaml, name, entry, parameters, declared)));
        List<PolicyDocument.PolicyClause> clauses = new ArrayList<>();
        yaml.field(fields, node, "", "clauses", true).flatMap(n -> yaml.sequence(n, "clauses")).ifPresent(items -> {
            if (items.isEmpty()) {
                yaml.error(fields.get("clauses").value(), "clauses", "a policy has at least one clause", "");
            }
            Set<String> ids = new HashSet<>();
            for (int i = 0; i < items.size(); i++) {
                clause(yaml, items.get(i), "clauses[" + i + "]", Parameters.of(declared), ids).ifPresent(clauses::add);
            }
        });
        if (yaml.hasErrors()) {
            return new Result(null, yaml.errors());
        }
        return new Result(new PolicyDocument(id, titles[0], titles[1], issuer, number, regions, from, to, source,
                ParameterSet.of(parameters.values()), clauses, cap, budget, tracks), List.of());
    }

    private static LocalDate date(YamlFile yaml, Map<String, YamlFile.Entry> fields, Node owner, String key,
                                  boolean required) {
        return yaml.field(fields, owner, "", key, required).flatMap(n -> yaml.value(n, key, Type.DATE))
                .map(value -> ((Value.DateValue) value).value()).orElse(null);
    }

    private static Optional<PolicyDocument.Source> source(YamlFile yaml, Node node) {
        return yaml.mapping(node, "source", SOURCE).map(fields -> new PolicyDocument.Source(
                yaml.field(fields, node, "source", "title", true).flatMap(n -> yaml.text(n, "source.title")).orElse(""),
                yaml.field(fields, node, "source", "url", false).flatMap(n -> yaml.text(n, "source.url")).orElse(""),
                yaml.field(fields, node, "source", "citation", false).flatMap(n -> yaml.text(n, "source.citation")).orElse(""),
                yaml.field(fields, node, "source", "confidence", false).flatMap(n -> yaml.text(n, "source.confidence")).orElse("")));
    }

    private void parameter(YamlFile yaml, String name, YamlFile.Entry entry, Map<String, Parameter> parameters,
                           Map<String, Type> declared) {
        String path = "parameters." + name;
        if (!SchemaReader.NAME.matcher(name).matches()) {
            yaml.error(entry.key(), path, "a parameter's name is ASCII snake_case: " + name, "write it like subsidy_rate");
            return;
        }
        if (Language.reserves(name)) {
            yaml.error(entry.key(), path, name + " is a word of the language; a parameter needs another name", "");
            return;
        }
        if (schema.variable(name).isPresent()) {
            yaml.error(entry.key(), path, name + " is a variable of the schema; a parameter needs a name of its own", "");
            return;
        }
        Node node = entry.value();
        Optional<Map<String, YamlFile.Entry>> found = yaml.mapping(node, path, PARAMETER);
        if (found.isEmpty()) {
            return;
        }
        Map<String, YamlFile.Entry> fields = found.get();
        Optional<Type> type = yaml.field(fields, node, path, "type", true).flatMap(n -> SchemaReader.type(yaml, n, path + ".type"));
        String description = yaml.field(fields, node, path, "description", false)
                .flatMap(n -> yaml.scalar(n, path + ".description")).map(ScalarNode::getValue).orElse("");
        Optional<List<Node>> items = yaml.field(fields, node, path, "values", true).flatMap(n -> yaml.sequence(n, path + ".values"));
        if (type.isEmpty() || items.isEmpty()) {
            return;
        }
        declared.put(name, type.get());
        if (items.get().isEmpty()) {
            yaml.error(fields.get("values").value(), path + ".values", "a parameter needs at least one dated value", "");
            return;
        }
        int before = yaml.errors().size();
        List<DatedValue> values = new ArrayList<>();
        Set<LocalDate> dates = new HashSet<>();
        for (int i = 0; i < items.get().size(); i++) {
            Node item = items.get().get(i);
            String itemPath = path + ".values[" + i + "]";
            yaml.mapping(item, itemPath, DATED_VALUE).ifPresent(value -> {
                Optional<LocalDate> from = yaml.field(value, item, itemPath, "from", true)
                        .flatMap(n -> yaml.value(n, itemPath + ".from", Type.DATE)).map(v -> ((Value.DateValue) v).value());
                Optional<Value> known = yaml.field(value, item, itemPath, "value", true)
                        .flatMap(n -> yaml.value(n, itemPath + ".value", type.get()));
                Optional<String> reference = yaml.field(value, item, itemPath, "reference", true)
                        .flatMap(n -> yaml.text(n, itemPath + ".reference"));
                if (from.isPresent() && !dates.add(from.get())) {
                    yaml.error(value.get("from").value(), itemPath + ".from", "the parameter " + name
                            + " has two values from " + from.get(), "a value stays in force until the next one");
                } else if (from.isPresent() && known.isPresent() && reference.isPresent()) {
                    values.add(new DatedValue(from.get(), known.get(), reference.get()));
                }
            });
        }
        if (yaml.errors().size() == before) {
            parameters.put(name, new Parameter(name, type.get(), description, values));
        }
    }

    private Optional<PolicyDocument.PolicyClause> clause(YamlFile yaml, Node node, String path, Parameters types,
                                                         Set<String> ids) {
        Optional<Map<String, YamlFile.Entry>> found = yaml.mapping(node, path, CLAUSE);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Map<String, YamlFile.Entry> fields = found.get();
        int before = yaml.errors().size();
        String id = yaml.field(fields, node, path, "id", true).flatMap(n -> yaml.text(n, path + ".id")).orElse(null);
        if (id != null && !ids.add(id)) {
            yaml.error(fields.get("id").value(), path + ".id", "another clause has the id " + id, "give each clause its own id");
        }
        String title = optional(yaml, fields, path, "title");
        String subject = optional(yaml, fields, path, "subject");
        String paragraph = optional(yaml, fields, path, "source_paragraph");
        String note = optional(yaml, fields, path, "note");
        Long cap = money(yaml, fields, path + ".cap", "cap");
        Delivery delivery = yaml.field(fields, node, path, "delivery", true)
                .flatMap(n -> delivery(yaml, n, path + ".delivery")).orElse(null);
        boolean illustrative = yaml.field(fields, node, path, "illustrative", false)
                .flatMap(n -> yaml.bool(n, path + ".illustrative")).orElse(false);
        if (illustrative && note.isBlank()) {
            yaml.error(fields.get("illustrative").key(), path + ".illustrative",
                    "an illustrative clause needs a note saying what is not in the sources", "add note: …");
        }
        boolean perProject = yaml.field(fields, node, path, "per", false)
                .flatMap(n -> yaml.text(n, path + ".per").flatMap(word -> switch (word) {
                    case "enterprise" -> Optional.of(false);
                    case "project" -> Optional.of(true);
                    default -> {
                        yaml.error(n, path + ".per", "unknown unit " + word,
                                "enterprise (the default: the clause pays an enterprise) or project (单个项目: it pays each project)");
                        yield Optional.<Boolean>empty();
                    }
                })).orElse(false);
        Compilation eligibility = expression(yaml, fields, node, path, "eligibility", Type.BOOLEAN, types);
        Compilation award = expression(yaml, fields, node, path, "award", Type.MONEY, types);
        if (yaml.errors().size() > before) {
            return Optional.empty();
        }
        Clause clause = new Clause(id, title, subject, (Compilation.Success) eligibility, (Compilation.Success) award,
                cap, delivery, paragraph);
        return Optional.of(new PolicyDocument.PolicyClause(clause, illustrative, note, perProject));
    }

    private static String optional(YamlFile yaml, Map<String, YamlFile.Entry> fields, String path, String key) {
        YamlFile.Entry entry = fields.get(key);
        return entry == null ? "" : yaml.scalar(entry.value(), path + "." + key).map(ScalarNode::getValue).orElse("");
    }

    /** The amount under {@code key}, in fen; {@code null} when it is absent or wrong. */
    private static Long money(YamlFile yaml, Map<String, YamlFile.Entry> fields, String path, String key) {
        YamlFile.Entry entry = fields.get(key);
        if (entry == null) {
            return null;
        }
        Long fen = yaml.value(entry.value(), path, Type.MONEY).map(value -> ((Value.Money) value).fen()).orElse(null);
        if (fen != null && fen < 0) {
            yaml.error(entry.value(), path, "an amount here cannot be negative", "");
            return null;
        }
        return fen;
    }

    private static Optional<Delivery> delivery(YamlFile yaml, Node node, String path) {
        return yaml.text(node, path).flatMap(word -> switch (word) {
            case "application" -> Optional.of(Delivery.ON_APPLICATION);
            case "proactive" -> Optional.of(Delivery.WITHOUT_APPLICATION);
            default -> {
                yaml.error(node, path, "unknown delivery " + word,
                        "application (需申请) or proactive (免申即享, paid without an application)");
                yield Optional.empty();
            }
        });
    }

    private Compilation expression(YamlFile yaml, Map<String, YamlFile.Entry> fields, Node owner, String path,
                                   String key, Type type, Parameters types) {
        Optional<ScalarNode> scalar = yaml.field(fields, owner, path, key, true)
                .flatMap(n -> yaml.scalar(n, path + "." + key));
        if (scalar.isEmpty()) {
            return null;
        }
        Compilation compiled = Language.compile(scalar.get().getValue(), schema, types, type);
        yaml.expressionErrors(scalar.get(), path + "." + key, compiled.errors());
        return compiled;
    }
}
