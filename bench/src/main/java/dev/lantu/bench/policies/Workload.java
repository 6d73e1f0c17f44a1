package dev.lantu.bench.policies;

import dev.lantu.engine.lang.Schema;
import dev.lantu.engine.policy.Clause;
import dev.lantu.engine.policy.ParameterSet;
import dev.lantu.engine.policy.PolicyDocument;
import dev.lantu.engine.policy.PolicyError;
import dev.lantu.engine.policy.PolicyReader;
import dev.lantu.engine.policy.SchemaReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What every contestant answers: a table of enterprises, and clauses (generated ones plus the real
 * Haizhu large-model policy), each with its spec (for the peers) and its compiled Lantu clause.
 * Every clause is assessed for the application year {@value #APPLICATION_YEAR} under the rule as it
 * stood on {@link #RULE_DATE}.
 */
public record Workload(EnterpriseTable table, List<WorkloadClause> clauses, long seed) {

    public static final int APPLICATION_YEAR = EnterpriseTable.LAST_YEAR;
    public static final LocalDate RULE_DATE = LocalDate.of(APPLICATION_YEAR, 1, 1);
    static final String HAIZHU_POLICY = "policies/haizhu-large-model-2024.yaml";
    static final String SCHEMA = "policies/bench-schema.yaml";

    public Workload {
        clauses = List.copyOf(clauses);
    }

    /**
     * One clause as each kind of contestant needs it.
     *
     * @param parameters the parameters of the clause's policy, for Lantu's assessor
     */
    public record WorkloadClause(ClauseSpec spec, Clause clause, ParameterSet parameters, String policy) {
    }

    /** {@code enterprises} enterprises and {@code generated} generated clauses plus Haizhu's four, all from {@code seed}. */
    public static Workload generate(int enterprises, int generated, long seed) {
        Schema schema = schema();
        EnterpriseTable table = EnterpriseGenerator.generate(schema, enterprises, seed);
        return new Workload(table, clauses(schema, generated, seed), seed);
    }

    /** The clauses alone, for a table generated elsewhere. */
    public static List<WorkloadClause> clauses(Schema schema, int generated, long seed) {
        List<WorkloadClause> clauses = new ArrayList<>(ClauseGenerator.generate(schema, generated, seed));
        clauses.addAll(haizhu(schema));
        return clauses;
    }

    public static Schema schema() {
        SchemaReader.Result read = SchemaReader.read(SCHEMA, resource(SCHEMA));
        if (!read.succeeded()) {
            throw new IllegalStateException("the benchmark's schema does not load:\n" + describe(read.errors()));
        }
        return read.schema();
    }

    /**
     * Haizhu's policy as its YAML states it, for Lantu, beside the same four clauses as specs for the
     * peers. If the specs do not say what the YAML says, the contestants' answers differ and the run fails.
     */
    static List<WorkloadClause> haizhu(Schema schema) {
        PolicyReader.Result read = new PolicyReader(schema).read(HAIZHU_POLICY, resource(HAIZHU_POLICY));
        if (!read.succeeded()) {
            throw new IllegalStateException("the Haizhu policy does not load:\n" + describe(read.errors()));
        }
        PolicyDocument policy = read.document();
        String haizhu = EnterpriseGenerator.HAIZHU;
        LocalDate issued = LocalDate.of(2024, 6, 18);
        List<ClauseSpec> specs = List.of(
                new ClauseSpec.Filing("llm-filing", haizhu, "llm_filing_first_on", issued, Amounts.wan(100),
                        "llm_filing_reward", Amounts.wan(100)),
                new ClauseSpec.Filing("algorithm-filing", haizhu, "algorithm_filing_first_on", issued, Amounts.wan(20),
                        "algorithm_filing_reward", Amounts.wan(20)),
                new ClauseSpec.FlagAndExpense("model-optimisation", haizhu, "large_model_enterprise",
                        "model_optimisation_expense", Amounts.wan(150), "model_optimisation_subsidy", Amounts.wan(150)),
                new ClauseSpec.ProjectRate("application-scenario", haizhu, "scenario_demonstration_project",
                        "scenario_project_input", 3000, "scenario_rate", Amounts.wan(500)));
        List<WorkloadClause> clauses = new ArrayList<>();
        for (ClauseSpec spec : specs) {
            Clause clause = policy.clause(spec.id())
                    .orElseThrow(() -> new IllegalStateException("the Haizhu policy has no clause " + spec.id()))
                    .clause();
            clauses.add(new WorkloadClause(spec, clause, policy.parameters(), policy.id()));
        }
        if (clauses.size() != policy.clauses().size()) {
            throw new IllegalStateException("the Haizhu policy has clauses the benchmark does not know: " + policy.clauses());
        }
        return clauses;
    }

    /**
     * The workload's clauses as the policies the calculator reads: the generated policy (one subject per
     * clause, so none excludes another) and Haizhu's, as its YAML states it.
     */
    public List<PolicyDocument> policies() {
        List<PolicyDocument.PolicyClause> generated = clauses.stream()
                .filter(c -> c.policy().equals(ClauseGenerator.POLICY))
                .map(c -> new PolicyDocument.PolicyClause(c.clause(), true, "generated for the benchmark"))
                .toList();
        PolicyDocument generatedPolicy = new PolicyDocument(ClauseGenerator.POLICY, "基准测试生成的政策", "generated for the benchmark",
                "bench", "", List.of(EnterpriseGenerator.DISTRICTS.get(0)), LocalDate.of(2022, 1, 1), null,
                new PolicyDocument.Source("generated", "", "", ""), ClauseGenerator.parameters(), generated, null, null);
        Schema schema = table.schema();
        PolicyReader.Result haizhu = new PolicyReader(schema).read(HAIZHU_POLICY, resource(HAIZHU_POLICY));
        return List.of(generatedPolicy, haizhu.document());
    }

    static String resource(String name) {
        try (InputStream in = Workload.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String describe(List<PolicyError> errors) {
        return errors.stream().map(Object::toString).collect(Collectors.joining("\n"));
    }
}
