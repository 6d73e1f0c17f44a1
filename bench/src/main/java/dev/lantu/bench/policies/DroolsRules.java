package dev.lantu.bench.policies;

import dev.lantu.bench.policies.Condition.DateFrom;
import dev.lantu.bench.policies.Condition.Flag;
import dev.lantu.bench.policies.Condition.GrowthAtLeast;
import dev.lantu.bench.policies.Condition.Member;
import dev.lantu.bench.policies.Condition.MoneyAtLeast;
import dev.lantu.bench.policies.Condition.NumberAtLeast;
import dev.lantu.bench.policies.Condition.TextIn;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.runtime.KieContainer;
import org.kie.api.runtime.KieSession;

/**
 * Drools, the standard Java rule engine, through the KIE API ({@code KieServices}, {@code KieBuilder},
 * {@code KieSession}) with rules in DRL generated from the same clause specs: per clause one rule for
 * the eligible (every condition known and true) and one for the undetermined (no condition known
 * false, one unknown), since Drools' own logic is two-valued and an unknown fact is a {@code null}
 * property. Awards are computed in the rules' right-hand sides with {@link Amounts}. Facts are
 * {@link EnterpriseFact} views; each chunk of rows gets a fresh session on its own thread.
 */
public final class DroolsRules implements Contestant {

    private EnterpriseTable table;
    private EnterpriseFact.Columns columns;
    private KieBase kieBase;
    private int clauses;
    private String drl;
    private ClassLoader loader;

    @Override
    public String name() {
        return "Drools";
    }

    @Override
    public void prepare(Workload workload) {
        table = workload.table();
        columns = new EnterpriseFact.Columns(table);
        clauses = workload.clauses().size();
        drl = drl(workload.clauses());
        KieServices services = KieServices.Factory.get();
        KieFileSystem files = services.newKieFileSystem();
        files.write("src/main/resources/dev/lantu/bench/policies/rules/clauses.drl", drl);
        KieBuilder builder = services.newKieBuilder(files).buildAll();
        List<Message> errors = builder.getResults().getMessages(Message.Level.ERROR);
        if (!errors.isEmpty()) {
            throw new IllegalStateException("the generated DRL does not compile: " + errors.subList(0, Math.min(5, errors.size())));
        }
        KieContainer container = services.newKieContainer(services.getRepository().getDefaultReleaseId());
        kieBase = container.getKieBase();
        // Drools finds its runtime through the context class loader, which pool threads of an executable
        // jar do not have: the first session is made here, on the caller's thread, and the pool threads
        // get the caller's loader
        loader = Thread.currentThread().getContextClassLoader();
        kieBase.newKieSession().dispose();
    }

    @Override
    public Answers evaluate() {
        return Chunks.parallel(table.size(), clauses, (from, to) -> {
            Answers answers = new Answers(clauses);
            Thread.currentThread().setContextClassLoader(loader);
            KieSession session = kieBase.newKieSession();
            try {
                session.setGlobal("tally", answers);
                for (int row = from; row < to; row++) {
                    session.insert(new EnterpriseFact(columns, row));
                }
                session.fireAllRules();
            } finally {
                session.dispose();
            }
            return answers;
        });
    }

    /** The generated rules, for reading. */
    public String drl() {
        return drl;
    }

    static String drl(List<Workload.WorkloadClause> clauses) {
        StringBuilder out = new StringBuilder("""
                package dev.lantu.bench.policies.rules;

                import dev.lantu.bench.policies.EnterpriseFact;
                import dev.lantu.bench.policies.Amounts;
                import function dev.lantu.bench.policies.Amounts.growthAtLeast;

                global dev.lantu.bench.policies.Answers tally;

                """);
        for (int c = 0; c < clauses.size(); c++) {
            ClauseSpec spec = clauses.get(c).spec();
            List<Condition> conditions = spec.conditions();
            out.append("// ").append(spec.id()).append(": ").append(spec.eligibilityText().replace('\n', ' '))
                    .append(" → ").append(spec.awardText()).append('\n');
            out.append("rule \"").append(spec.id()).append(" eligible\"\nwhen\n    $e : EnterpriseFact( ")
                    .append(conditions.stream().map(DroolsRules::known).collect(Collectors.joining(", ")))
                    .append(" )\nthen\n    tally.eligible(").append(c).append(", $e.getId(), ").append(award(spec))
                    .append(");\nend\n");
            out.append("rule \"").append(spec.id()).append(" undetermined\"\nwhen\n    EnterpriseFact( ")
                    .append(conditions.stream().map(k -> "(" + unknown(k) + " || " + known(k) + ")")
                            .collect(Collectors.joining(", ")))
                    .append(", ").append(conditions.stream().map(DroolsRules::unknown).collect(Collectors.joining(" || ", "(", ")")))
                    .append(" )\nthen\n    tally.countUndetermined(").append(c).append(");\nend\n\n");
        }
        return out.toString();
    }

    /** The constraint that the condition is known and holds. */
    static String known(Condition condition) {
        if (condition instanceof MoneyAtLeast c) {
            String p = property(c.variable(), c.year());
            return p + " != null && " + p + (c.strict() ? " > " : " >= ") + c.fen() + "L";
        }
        if (condition instanceof NumberAtLeast c) {
            String p = property(c.variable(), c.year());
            return p + " != null && " + p + " >= " + c.value();
        }
        if (condition instanceof Member c) {
            String p = property(c.setVariable(), null);
            return p + " != null && " + p + " contains \"" + c.member() + "\"";
        }
        if (condition instanceof TextIn c) {
            String p = property(c.variable(), null);
            return p + " != null && " + p + " in " + c.texts().stream().map(t -> "\"" + t + "\"").collect(Collectors.joining(", ", "(", ")"));
        }
        if (condition instanceof DateFrom c) {
            String p = property(c.variable(), null);
            return p + " != null && " + p + (c.onOrBefore() ? " <= " : " >= ") + c.date().toEpochDay();
        }
        if (condition instanceof Flag c) {
            String p = property(c.variable(), c.year());
            return p + " != null && " + p + " == " + c.expected();
        }
        if (condition instanceof GrowthAtLeast c) {
            String now = property(c.variable(), Workload.APPLICATION_YEAR);
            String then = property(c.variable(), Workload.APPLICATION_YEAR - c.span());
            return now + " != null && " + then + " != null && growthAtLeast(" + now + ", " + then + ", " + c.bp() + ")";
        }
        throw new IllegalArgumentException("no DRL for " + condition);
    }

    /** The constraint that the condition is unknown: a fact it reads is missing. */
    static String unknown(Condition condition) {
        if (condition instanceof MoneyAtLeast c) {
            return property(c.variable(), c.year()) + " == null";
        }
        if (condition instanceof NumberAtLeast c) {
            return property(c.variable(), c.year()) + " == null";
        }
        if (condition instanceof Member c) {
            return property(c.setVariable(), null) + " == null";
        }
        if (condition instanceof TextIn c) {
            return property(c.variable(), null) + " == null";
        }
        if (condition instanceof DateFrom c) {
            return property(c.variable(), null) + " == null";
        }
        if (condition instanceof Flag c) {
            return property(c.variable(), c.year()) + " == null";
        }
        if (condition instanceof GrowthAtLeast c) {
            return property(c.variable(), Workload.APPLICATION_YEAR) + " == null || "
                    + property(c.variable(), Workload.APPLICATION_YEAR - c.span()) + " == null";
        }
        throw new IllegalArgumentException("no DRL for " + condition);
    }

    /** The award as Java in a right-hand side, reading the fact {@code $e}. */
    static String award(ClauseSpec spec) {
        int year = ClauseSpec.LAST_YEAR;
        if (spec instanceof ClauseSpec.RateOfBase c) {
            return "Math.min(Amounts.rate(" + getter(c.base(), year) + ", " + c.rateBp() + "), " + c.cap() + "L)";
        }
        if (spec instanceof ClauseSpec.Tiered c) {
            String tiered = "Amounts.tiered(" + getter(c.base(), year) + ", new long[] {"
                    + Arrays.stream(c.bounds()).mapToObj(b -> b + "L").collect(Collectors.joining(", ")) + "}, new int[] {"
                    + Arrays.stream(c.ratesBp()).mapToObj(Integer::toString).collect(Collectors.joining(", ")) + "}, "
                    + c.aboveBp() + ")";
            return c.capFen() == null ? tiered : "Math.min(" + tiered + ", " + c.capFen() + "L)";
        }
        if (spec instanceof ClauseSpec.Growth c) {
            return "Math.min(Amounts.rate(Math.max(" + getter("revenue", Workload.APPLICATION_YEAR) + " - "
                    + getter("revenue", year) + ", 0L), " + c.rateBp() + "), " + c.cap() + "L)";
        }
        if (spec instanceof ClauseSpec.DistrictTrack c) {
            return c.award() + "L";
        }
        if (spec instanceof ClauseSpec.FixedSum c) {
            return c.award() + "L";
        }
        if (spec instanceof ClauseSpec.TaxContribution c) {
            String tax = getter("tax_paid", year);
            return "(" + tax + " >= " + c.taxHigh() + "L ? " + c.highAward() + "L : Amounts.rate(" + tax + ", " + c.rateBp() + "))";
        }
        if (spec instanceof ClauseSpec.Headquarters c) {
            return "Math.min(Amounts.rate(" + getter("revenue", year) + ", " + c.rateBp() + "), " + c.max() + "L)";
        }
        if (spec instanceof ClauseSpec.Filing c) {
            return (c.capFen() == null ? c.award() : Math.min(c.award(), c.capFen())) + "L";
        }
        if (spec instanceof ClauseSpec.FlagAndExpense c) {
            return (c.capFen() == null ? c.award() : Math.min(c.award(), c.capFen())) + "L";
        }
        if (spec instanceof ClauseSpec.ProjectRate c) {
            return "Math.min(Amounts.rate(" + getter(c.input(), year) + ", " + c.rateBp() + "), " + c.cap() + "L)";
        }
        throw new IllegalArgumentException("no DRL award for " + spec.kind());
    }

    /** The bean property of a column: {@code revenue_2024} → {@code revenue2024}. */
    static String property(String variable, Integer year) {
        String column = year == null ? variable : variable + "_" + year;
        StringBuilder out = new StringBuilder();
        boolean upper = false;
        for (char ch : column.toCharArray()) {
            if (ch == '_') {
                upper = true;
            } else {
                out.append(upper ? Character.toUpperCase(ch) : ch);
                upper = false;
            }
        }
        return out.toString();
    }

    private static String getter(String variable, int year) {
        String p = property(variable, year);
        return "$e.get" + Character.toUpperCase(p.charAt(0)) + p.substring(1) + "()";
    }
}
