package dev.lantu.engine.policy;

import dev.lantu.engine.eval.Fact;
import dev.lantu.engine.eval.MapEnterprise;
import dev.lantu.engine.eval.Value;
import dev.lantu.engine.lang.Schema;
import dev.lantu.engine.lang.Suggestions;
import dev.lantu.engine.lang.Type;
import dev.lantu.engine.lang.Variable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Runs a policy's test cases, written as data next to the policy ({@code <policy>.tests.yaml}), so
 * a policy author can prove an encoding without Java. Each case is an enterprise (static facts and
 * yearly figures), an application year and, per clause, the expected eligibility (true, false or
 * undetermined), the amount after the clause's cap, optionally what is paid after the policy's own
 * rules above the clause (its exclusive subjects and its cap per enterprise per year, as the
 * {@link Calculator} applies them), and optionally the missing facts. A case runs under the rule in
 * force on its rule date: the one it states, else the later of the policy's first day and 1 January
 * of the application year.
 */
public final class PolicyTestRunner {

    private static final List<String> TOP = List.of("policy", "cases");
    private static final List<String> CASE = List.of("name", "year", "rule_date", "facts", "yearly", "expected");
    private static final List<String> EXPECTED = List.of("eligible", "amount", "paid", "missing");

    private final Schema schema;

    public PolicyTestRunner(Schema schema) {
        this.schema = schema;
    }

    /** A clause whose assessment differs from what the case expects. */
    public record Mismatch(String caseName, String clauseId, String message) {
        @Override
        public String toString() {
            return "case '" + caseName + "', clause " + clauseId + ": " + message;
        }
    }

    /** @param errors problems in the test file itself; its cases are not run when there are any */
    public record Report(List<PolicyError> errors, int cases, List<Mismatch> mismatches) {
        public Report {
            errors = List.copyOf(errors);
            mismatches = List.copyOf(mismatches);
        }

        public boolean passed() {
            return errors.isEmpty() && mismatches.isEmpty();
        }
    }

    private record Expectation(String clauseId, String eligible, Value amount, Value paid, List<String> missing) {
    }

    private record Case(String name, int year, LocalDate ruleDate, MapEnterprise enterprise,
                        List<Expectation> expectations) {
    }

    public Report run(PolicyDocument policy, String file, String text) {
        YamlFile yaml = new YamlFile(file, text);
        List<Case> cases = new ArrayList<>();
        yaml.root().ifPresent(root -> yaml.mapping(root, "", TOP).ifPresent(top -> {
            yaml.field(top, root, "", "policy", true).flatMap(n -> yaml.text(n, "policy")).ifPresent(id -> {
                if (!id.equals(policy.id())) {
                    yaml.error(top.get("policy").value(), "policy", "these cases are for " + id + ", not for " + policy.id(), "");
                }
            });
            yaml.field(top, root, "", "cases", true).flatMap(n -> yaml.sequence(n, "cases")).ifPresent(items -> {
                for (int i = 0; i < items.size(); i++) {
                    testCase(yaml, policy, items.get(i), "cases[" + i + "]").ifPresent(cases::add);
                }
            });
        }));
        if (yaml.hasErrors()) {
            return new Report(yaml.errors(), 0, List.of());
        }
        Assessor assessor = new Assessor(schema, policy.parameters());
        Calculator calculator = new Calculator(schema, List.of(policy), List.of());
        List<Mismatch> mismatches = new ArrayList<>();
        for (Case testCase : cases) {
            Calculation calculation = calculator.calculate(testCase.enterprise(), testCase.year(), testCase.ruleDate());
            for (Expectation expected : testCase.expectations()) {
                Clause clause = policy.clause(expected.clauseId()).orElseThrow().clause();
                Assessment got = assessor.assess(clause, testCase.enterprise(), testCase.year(), testCase.ruleDate());
                compare(testCase.name(), expected, got).ifPresent(mismatches::add);
                if (expected.paid() != null) {
                    comparePaid(testCase.name(), expected, calculation).ifPresent(mismatches::add);
                }
            }
        }
        return new Report(List.of(), cases.size(), mismatches);
    }

    private static Optional<Mismatch> compare(String caseName, Expectation expected, Assessment got) {
        List<String> problems = new ArrayList<>();
        if (got.status() == Assessment.Status.FAILED) {
            problems.add("the assessment failed: " + got.error());
        } else {
            String eligible = switch (got.status()) {
                case ELIGIBLE -> "true";
                case NOT_ELIGIBLE -> "false";
                default -> "undetermined";
            };
            if (expected.eligible() != null && !expected.eligible().equals(eligible)) {
                problems.add("expected eligible " + expected.eligible() + ", got " + eligible + reasons(got));
            }
            if (expected.amount() != null && !expected.amount().equals(got.awarded())) {
                problems.add("expected amount " + expected.amount().show() + ", got " + got.awarded().show()
                        + (got.notes().isEmpty() ? "" : " (" + String.join("; ", got.notes()) + ")"));
            }
            List<String> missing = got.missing().stream().map(Fact::toString).toList();
            if (expected.missing() != null && !expected.missing().stream().sorted().toList().equals(missing.stream().sorted().toList())) {
                problems.add("expected missing " + expected.missing() + ", got " + missing);
            }
        }
        return problems.isEmpty() ? Optional.empty()
                : Optional.of(new Mismatch(caseName, expected.clauseId(), String.join("; ", problems)));
    }

    private static Optional<Mismatch> comparePaid(String caseName, Expectation expected, Calculation calculation) {
        Optional<Calculation.ClauseOutcome> outcome = calculation.policies().stream()
                .flatMap(policy -> policy.clauses().stream())
                .filter(clause -> clause.clause().clause().id().equals(expected.clauseId())).findFirst();
        String got;
        if (outcome.isEmpty()) {
            got = "nothing: the policy is not in force on " + calculation.applicationDate();
        } else if (!outcome.get().determined()) {
            got = "an undetermined payment";
        } else if (Value.money(outcome.get().awardedFen()).equals(expected.paid())) {
            return Optional.empty();
        } else {
            List<Reduction> cuts = outcome.get().reductions();
            got = Value.money(outcome.get().awardedFen()).show() + (cuts.isEmpty() ? ""
                    : cuts.stream().map(Reduction::explanation).collect(Collectors.joining("; ", " (", ")")));
        }
        return Optional.of(new Mismatch(caseName, expected.clauseId(),
                "expected to be paid " + expected.paid().show() + ", got " + got));
    }

    private static String reasons(Assessment got) {
        if (got.eligibilityTrace() == null) {
            return "";
        }
        return got.eligibilityTrace().reasons().stream().map(step -> step.explain())
                .collect(Collectors.joining("; ", " (", ")"));
    }

    private Optional<Case> testCase(YamlFile yaml, PolicyDocument policy, Node node, String path) {
        Optional<Map<String, YamlFile.Entry>> found = yaml.mapping(node, path, CASE);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Map<String, YamlFile.Entry> fields = found.get();
        int before = yaml.errors().size();
        String name = yaml.field(fields, node, path, "name", true).flatMap(n -> yaml.text(n, path + ".name")).orElse(path);
        Integer year = yaml.field(fields, node, path, "year", true).flatMap(n -> year(yaml, n, path + ".year")).orElse(null);
        LocalDate ruleDate = yaml.field(fields, node, path, "rule_date", false)
                .flatMap(n -> yaml.value(n, path + ".rule_date", Type.DATE)).map(v -> ((Value.DateValue) v).value())
                .orElse(null);
        if (ruleDate == null && year != null) {
            LocalDate newYear = LocalDate.of(year, 1, 1);
            ruleDate = newYear.isBefore(policy.effectiveFrom()) ? policy.effectiveFrom() : newYear;
        }
        MapEnterprise.Builder enterprise = MapEnterprise.builder();
        yaml.field(fields, node, path, "facts", false).flatMap(n -> yaml.mapping(n, path + ".facts", null))
                .ifPresent(facts -> facts.forEach((variable, entry) -> {
                    String factPath = path + ".facts." + variable;
                    variable(yaml, entry, factPath, false).flatMap(v -> yaml.value(entry.value(), factPath, v.type()))
                            .ifPresent(value -> enterprise.fact(variable, value));
                }));
        yaml.field(fields, node, path, "yearly", false).flatMap(n -> yaml.mapping(n, path + ".yearly", null))
                .ifPresent(figures -> figures.forEach((variable, entry) -> {
                    String figurePath = path + ".yearly." + variable;
                    variable(yaml, entry, figurePath, true).ifPresent(v -> yaml.mapping(entry.value(), figurePath, null)
                            .ifPresent(byYear -> byYear.forEach((written, figure) -> {
                                String yearPath = figurePath + "." + written;
                                year(yaml, figure.key(), yearPath).ifPresent(y -> yaml.value(figure.value(), yearPath, v.type())
                                        .ifPresent(value -> enterprise.fact(variable, y, value)));
                            })));
                }));
        List<Expectation> expectations = new ArrayList<>();
        yaml.field(fields, node, path, "expected", true).flatMap(n -> yaml.mapping(n, path + ".expected", null))
                .ifPresent(expected -> expected.forEach((clauseId, entry) ->
                        expectation(yaml, policy, clauseId, entry, path + ".expected." + clauseId).ifPresent(expectations::add)));
        if (yaml.errors().size() > before) {
            return Optional.empty();
        }
        return Optional.of(new Case(name, year, ruleDate, enterprise.build(), expectations));
    }

    private Optional<Variable> variable(YamlFile yaml, YamlFile.Entry entry, String path, boolean yearly) {
        String name = entry.key().getValue();
        Optional<Variable> variable = schema.variable(name);
        if (variable.isEmpty()) {
            yaml.error(entry.key(), path, "unknown variable " + name,
                    Suggestions.closest(name, schema.names()).map(n -> "did you mean " + n + "?").orElse(""));
        } else if (variable.get().isYearly() != yearly) {
            yaml.error(entry.key(), path, name + " is " + (yearly ? "static" : "yearly") + ", so it belongs under "
                    + (yearly ? "facts" : "yearly") + ", not here", "");
            return Optional.empty();
        }
        return variable;
    }

    private static Optional<Integer> year(YamlFile yaml, Node node, String path) {
        return yaml.text(node, path).flatMap(written -> {
            if (written.matches("[12][0-9]{3}")) {
                return Optional.of(Integer.parseInt(written));
            }
            yaml.error(node, path, "expected a year such as 2025, found " + written, "");
            return Optional.empty();
        });
    }

    private static Optional<Expectation> expectation(YamlFile yaml, PolicyDocument policy, String clauseId,
                                                     YamlFile.Entry entry, String path) {
        if (policy.clause(clauseId).isEmpty()) {
            yaml.error(entry.key(), path, "the policy has no clause " + clauseId, Suggestions.closest(clauseId,
                    policy.clauses().stream().map(c -> c.clause().id()).toList()).map(c -> "did you mean " + c + "?").orElse(""));
            return Optional.empty();
        }
        Node node = entry.value();
        return yaml.mapping(node, path, EXPECTED).map(fields -> {
            String eligible = yaml.field(fields, node, path, "eligible", false).flatMap(n -> yaml.text(n, path + ".eligible"))
                    .orElse(null);
            if (eligible != null && !List.of("true", "false", "undetermined").contains(eligible)) {
                yaml.error(fields.get("eligible").value(), path + ".eligible", "expected true, false or undetermined, found "
                        + eligible, "");
            }
            Value amount = yaml.field(fields, node, path, "amount", false)
                    .flatMap(n -> yaml.value(n, path + ".amount", Type.MONEY)).orElse(null);
            Value paid = yaml.field(fields, node, path, "paid", false)
                    .flatMap(n -> yaml.value(n, path + ".paid", Type.MONEY)).orElse(null);
            List<String> missing = yaml.field(fields, node, path, "missing", false)
                    .flatMap(n -> yaml.value(n, path + ".missing", Type.SET))
                    .map(set -> List.copyOf(((Value.TextSet) set).members())).orElse(null);
            if (fields.isEmpty()) {
                yaml.error(node, path, "say what is expected of the clause", "eligible, amount, paid or missing");
            }
            return new Expectation(clauseId, eligible, amount, paid, missing);
        });
    }
}
