package dev.lantu.engine.batch;

import static dev.lantu.engine.Examples.SCHEMA;
import static dev.lantu.engine.Properties.forAll;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lantu.engine.Properties;
import dev.lantu.engine.eval.Enterprise;
import dev.lantu.engine.eval.Fact;
import dev.lantu.engine.eval.RandomClauses;
import dev.lantu.engine.eval.Value;
import dev.lantu.engine.lang.Type;
import dev.lantu.engine.lang.Variable;
import dev.lantu.engine.policy.Assessment;
import dev.lantu.engine.policy.Assessor;
import dev.lantu.engine.policy.Clause;
import dev.lantu.engine.policy.ClauseSource;
import dev.lantu.engine.policy.DatedValue;
import dev.lantu.engine.policy.Delivery;
import dev.lantu.engine.policy.Parameter;
import dev.lantu.engine.policy.ParameterSet;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The batch evaluator agrees with the reference ({@link Assessor}) clause by clause and enterprise
 * by enterprise, over random well-typed clauses and random enterprises: facts left unknown,
 * amounts at the edges of a {@code long}, numbers with more decimals than a {@code long} holds,
 * parameters not yet in force on the rule date, and chunk sizes that cut the enterprises
 * anywhere.
 */
class BatchPropertiesTests {

    /** The parameters the random clauses use; some have no value in force on the earliest rule dates. */
    static final ParameterSet PARAMETERS = ParameterSet.of(
            new Parameter("subsidy_rate", Type.NUMBER, "补助比例", List.of(
                    new DatedValue(LocalDate.of(2024, 1, 1), Value.number("0.1"), "第五条"),
                    new DatedValue(LocalDate.of(2025, 1, 1), Value.number("0.0825"), "第五条 (2025)"))),
            new Parameter("revenue_threshold", Type.MONEY, "营业收入门槛", List.of(
                    new DatedValue(LocalDate.of(2022, 7, 1), Value.yuan("20000000"), "第三条"))),
            new Parameter("cap", Type.MONEY, "单个企业每年最高", List.of(
                    new DatedValue(LocalDate.of(2025, 1, 1), Value.yuan("15000000"), "第八条"))));

    private static final List<LocalDate> RULE_DATES = List.of(LocalDate.of(2023, 6, 1), LocalDate.of(2024, 6, 1),
            LocalDate.of(2025, 6, 1), LocalDate.of(2025, 6, 1));

    /** Amounts at the edges, where sums and products leave a {@code long} and halves of a fen appear. */
    private static final List<Long> EDGE_FEN = List.of(Long.MAX_VALUE, Long.MIN_VALUE, Long.MAX_VALUE / 3,
            -Long.MAX_VALUE / 7, 1L, -1L, 5L, 15L, -25L, 999_999_999_999_999_999L, -50_000_000_000L);

    /** Head counts that are not whole, tiny, huge or negative: numbers a {@code long} at one scale cannot all hold. */
    private static final List<String> EDGE_NUMBERS = List.of("0.5", "1234.5678", "0.000000000000000000001",
            "123456789012345678901234567890", "-7.25", "3", "1E+3", "9223372036854775807", "0.1234567890123456789",
            "-0.005");

    /** An enterprise: a random complete profile, some edges, and facts hidden from it. */
    record Firm(RandomClauses.Profile profile, Map<Integer, BigDecimal> employees, Set<Fact> hidden) {
        Enterprise enterprise() {
            Enterprise complete = profile.enterprise();
            return new Enterprise() {
                @Override
                public Optional<Value> fact(String variable) {
                    return hidden.contains(Fact.of(variable)) ? Optional.empty() : complete.fact(variable);
                }

                @Override
                public Optional<Value> fact(String variable, int year) {
                    if (hidden.contains(Fact.of(variable, year))) {
                        return Optional.empty();
                    }
                    if (variable.equals("employees") && employees.containsKey(year)) {
                        return Optional.of(Value.number(employees.get(year)));
                    }
                    return complete.fact(variable, year);
                }
            };
        }

        @Override
        public String toString() {
            return profile + (employees.isEmpty() ? "" : ", employees replaced by " + employees) + ", hidden: " + hidden;
        }
    }

    record Scenario(List<ClauseSource> clauses, List<Firm> firms, LocalDate ruleDate, int chunkSize) {
        @Override
        public String toString() {
            StringBuilder text = new StringBuilder("rule date " + ruleDate + ", chunks of " + chunkSize + ", "
                    + firms.size() + " enterprises, clauses:");
            for (ClauseSource clause : clauses) {
                text.append("\n  ").append(clause.id()).append(": if ").append(clause.eligibility()).append(" then ")
                        .append(clause.award()).append(clause.capFen() == null ? "" : " capped at " + clause.capFen());
            }
            return text.toString();
        }
    }

    static ClauseSource clause(SplittableRandom random, int index) {
        Long cap = RandomClauses.pick(random, null, null, 0L, 150_000_000L, 1L, 1_500_000_000L);
        return new ClauseSource("c" + index, "", "", RandomClauses.condition(random, 3), RandomClauses.money(random, 3),
                cap, Delivery.ON_APPLICATION, "");
    }

    static Firm firm(SplittableRandom random) {
        RandomClauses.Profile profile = RandomClauses.completeProfile(random);
        boolean edgy = random.nextInt(4) == 0;
        Map<Integer, BigDecimal> employees = new HashMap<>();
        if (edgy) {
            List<Long> amounts = new ArrayList<>(profile.amounts());
            for (int i = 0; i < amounts.size(); i++) {
                if (random.nextInt(4) == 0) {
                    amounts.set(i, RandomClauses.pick(random, EDGE_FEN));
                }
            }
            profile = new RandomClauses.Profile(profile.district(), profile.qualifications(), profile.listed(),
                    profile.registeredOn(), List.copyOf(amounts), profile.employees());
            for (int year : RandomClauses.YEARS) {
                if (random.nextInt(3) == 0) {
                    employees.put(year, new BigDecimal(RandomClauses.pick(random, EDGE_NUMBERS)));
                }
            }
        }
        return new Firm(profile, employees, hidden(random));
    }

    /** Any subset of the facts: the share hidden is drawn first, so sparse and dense ones are as likely. */
    static Set<Fact> hidden(SplittableRandom random) {
        double share = random.nextInt(3) == 0 ? 0 : random.nextDouble() * random.nextDouble();
        Set<Fact> hidden = new TreeSet<>();
        for (Variable variable : SCHEMA.variables()) {
            if (variable.isYearly()) {
                for (int year : RandomClauses.YEARS) {
                    if (random.nextDouble() < share) {
                        hidden.add(Fact.of(variable.name(), year));
                    }
                }
            } else if (random.nextDouble() < share) {
                hidden.add(Fact.of(variable.name()));
            }
        }
        return hidden;
    }

    static Scenario scenario(SplittableRandom random) {
        List<ClauseSource> clauses = new ArrayList<>();
        int clauseCount = 1 + random.nextInt(10);
        for (int i = 0; i < clauseCount; i++) {
            clauses.add(clause(random, i));
        }
        List<Firm> firms = new ArrayList<>();
        int size = random.nextInt(8) == 0 ? random.nextInt(3) : 1 + random.nextInt(200);
        for (int i = 0; i < size; i++) {
            firms.add(firm(random));
        }
        return new Scenario(clauses, firms, RandomClauses.pick(random, RULE_DATES),
                RandomClauses.pick(random, 64, 128, 1024));
    }

    static List<Clause> compile(List<ClauseSource> sources) {
        List<Clause> clauses = new ArrayList<>();
        for (ClauseSource source : sources) {
            Clause.Compiled compiled = Clause.compile(source, SCHEMA, PARAMETERS);
            assertThat(compiled.errors()).as("generated clause %s", source).isEmpty();
            clauses.add(compiled.clause());
        }
        return clauses;
    }

    private final Map<Assessment.Status, Integer> seen = new EnumMap<>(Assessment.Status.class);

    @Test
    void theBatchGivesEveryClauseAndEnterpriseTheAssessorsStatusAndAward() {
        int tries = 300;
        forAll(tries, BatchPropertiesTests::scenario, scenario -> {
            List<Clause> clauses = compile(scenario.clauses());
            List<Enterprise> enterprises = scenario.firms().stream().map(Firm::enterprise).toList();
            EnterpriseColumns columns = EnterpriseColumns.of(SCHEMA, 2022, 2025, enterprises);
            BatchPlan plan = BatchEvaluator.compile(clauses, SCHEMA, PARAMETERS.inForceOn(scenario.ruleDate()),
                    RandomClauses.YEAR, scenario.chunkSize());
            BatchResult result = plan.run(columns);
            BatchAgreement.assertAgrees(result, clauses, enterprises, new Assessor(SCHEMA, PARAMETERS), RandomClauses.YEAR,
                    scenario.ruleDate(), e -> scenario.firms().get(e).toString());
            BatchAgreement.assertSummarizes(plan.summarize(columns), result);
            for (int c = 0; c < clauses.size(); c++) {
                for (int e = 0; e < enterprises.size(); e++) {
                    seen.merge(result.status(c, e), 1, Integer::sum);
                }
            }
        });
        int total = seen.values().stream().mapToInt(Integer::intValue).sum();
        for (Assessment.Status status : Assessment.Status.values()) {
            assertThat(100.0 * seen.getOrDefault(status, 0) / total)
                    .as("share of %s among %d assessments (seed %d): %s", status, total, Properties.seed(), seen)
                    .isGreaterThan(3);
        }
    }

    @Test
    void columnsHoldExactlyTheFactsOfTheProfilesTheyWereBuiltFrom() {
        forAll(150, random -> {
            List<Firm> firms = new ArrayList<>();
            for (int i = 0, n = random.nextInt(70); i < n; i++) {
                firms.add(firm(random));
            }
            return firms;
        }, firms -> {
            List<Enterprise> enterprises = firms.stream().map(Firm::enterprise).toList();
            EnterpriseColumns columns = EnterpriseColumns.of(SCHEMA, 2022, 2025, enterprises);
            for (int e = 0; e < enterprises.size(); e++) {
                for (Variable variable : SCHEMA.variables()) {
                    if (variable.isYearly()) {
                        for (int year = 2021; year <= 2026; year++) {
                            Optional<Value> expected = year < 2022 || year > 2025 ? Optional.empty()
                                    : enterprises.get(e).fact(variable.name(), year);
                            assertThat(columns.enterprise(e).fact(variable.name(), year))
                                    .as("%s[%d] of %s", variable.name(), year, firms.get(e)).isEqualTo(expected);
                        }
                    } else {
                        assertThat(columns.enterprise(e).fact(variable.name())).as("%s of %s", variable.name(), firms.get(e))
                                .isEqualTo(enterprises.get(e).fact(variable.name()));
                    }
                }
            }
        });
    }

    @Test
    void yearsTheColumnsDoNotHoldAreUnknownAsTheyAreToTheReferenceReadingTheColumns() {
        forAll(100, BatchPropertiesTests::scenario, scenario -> {
            List<Clause> clauses = compile(scenario.clauses());
            List<Enterprise> enterprises = scenario.firms().stream().map(Firm::enterprise).toList();
            EnterpriseColumns columns = EnterpriseColumns.of(SCHEMA, 2024, 2025, enterprises);
            List<Enterprise> asHeld = new ArrayList<>();
            for (int e = 0; e < columns.size(); e++) {
                asHeld.add(columns.enterprise(e));
            }
            BatchResult result = BatchEvaluator.compile(clauses, SCHEMA, PARAMETERS.inForceOn(scenario.ruleDate()),
                    RandomClauses.YEAR, scenario.chunkSize()).run(columns);
            BatchAgreement.assertAgrees(result, clauses, asHeld, new Assessor(SCHEMA, PARAMETERS), RandomClauses.YEAR,
                    scenario.ruleDate(), e -> scenario.firms().get(e).toString());
        });
    }
}
