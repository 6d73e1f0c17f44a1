package dev.lantu.engine.sql;

import static dev.lantu.engine.Examples.SCHEMA;
import static dev.lantu.engine.Properties.forAll;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lantu.engine.Properties;
import dev.lantu.engine.eval.Enterprise;
import dev.lantu.engine.eval.Fact;
import dev.lantu.engine.eval.RandomClauses;
import dev.lantu.engine.eval.Value;
import dev.lantu.engine.lang.Variable;
import dev.lantu.engine.policy.Assessor;
import dev.lantu.engine.policy.Clause;
import dev.lantu.engine.policy.ClauseSource;
import dev.lantu.engine.policy.DatedValue;
import dev.lantu.engine.policy.Delivery;
import dev.lantu.engine.policy.Parameter;
import dev.lantu.engine.policy.ParameterSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The compiled SQL agrees with the reference {@link Assessor} clause by clause, enterprise by
 * enterprise, over random well-typed clauses and random enterprises with unknown facts, on each
 * database. The only departure allowed is DuckDB saying a clause is beyond its exact range (a
 * number past 38 digits), and that must stay rare.
 */
class SqlAgreementPropertiesTests {

    static final LocalDate RULE_DATE = LocalDate.of(2025, 3, 1);
    static final ParameterSet PARAMETERS = ParameterSet.of(
            parameter("subsidy_rate", Value.number("0.1")),
            parameter("revenue_threshold", Value.yuan("20000000")),
            parameter("cap", Value.yuan("15000000")));
    private static final List<Long> CAPS = List.of(0L, 1L, 50_000L, 100_000_000L, 1_500_000_000L);

    private static final int CLAUSES = 30;
    private static final int ENTERPRISES = 40;

    private static Parameter parameter(String name, Value value) {
        return new Parameter(name, value.type(), name, List.of(new DatedValue(LocalDate.of(2024, 1, 1), value, "第一条")));
    }

    /** Some clauses, and enterprises each with some facts hidden. */
    record Batch(List<Clause> clauses, Map<String, RandomClauses.Profile> profiles, Map<String, Set<Fact>> hidden) {
        Map<String, Enterprise> enterprises() {
            Map<String, Enterprise> enterprises = new LinkedHashMap<>();
            profiles.forEach((id, profile) -> enterprises.put(id, without(profile.enterprise(), hidden.get(id))));
            return enterprises;
        }

        @Override
        public String toString() {
            return "a batch of " + clauses.size() + " clauses and " + profiles.size() + " enterprises";
        }
    }

    static Batch batch(SplittableRandom random) {
        List<Clause> clauses = new ArrayList<>();
        for (int i = 0; i < CLAUSES; i++) {
            Long cap = random.nextInt(3) == 0 ? RandomClauses.pick(random, CAPS) : null;
            ClauseSource source = new ClauseSource("c" + i, "clause " + i, "subject", RandomClauses.condition(random, 3),
                    RandomClauses.money(random, 3), cap, Delivery.ON_APPLICATION, "");
            Clause.Compiled compiled = Clause.compile(source, SCHEMA, PARAMETERS);
            assertThat(compiled.errors()).as("generated clause %s", source).isEmpty();
            clauses.add(compiled.clause());
        }
        Map<String, RandomClauses.Profile> profiles = new LinkedHashMap<>();
        Map<String, Set<Fact>> hidden = new LinkedHashMap<>();
        for (int i = 0; i < ENTERPRISES; i++) {
            String id = "e" + i;
            profiles.put(id, RandomClauses.completeProfile(random));
            hidden.put(id, hidden(random));
        }
        return new Batch(clauses, profiles, hidden);
    }

    /** Any subset of the facts: the share hidden is drawn first, so complete, sparse and dense profiles all occur. */
    private static Set<Fact> hidden(SplittableRandom random) {
        double share = random.nextInt(4) == 0 ? 0 : random.nextDouble() * 0.6;
        Set<Fact> hidden = new TreeSet<>();
        for (Variable variable : SCHEMA.variables()) {
            if (variable.isYearly()) {
                RandomClauses.YEARS.forEach(year -> {
                    if (random.nextDouble() < share) {
                        hidden.add(Fact.of(variable.name(), year));
                    }
                });
            } else if (random.nextDouble() < share) {
                hidden.add(Fact.of(variable.name()));
            }
        }
        return hidden;
    }

    static Enterprise without(Enterprise complete, Set<Fact> hidden) {
        return new Enterprise() {
            @Override
            public Optional<Value> fact(String variable) {
                return hidden.contains(Fact.of(variable)) ? Optional.empty() : complete.fact(variable);
            }

            @Override
            public Optional<Value> fact(String variable, int year) {
                return hidden.contains(Fact.of(variable, year)) ? Optional.empty() : complete.fact(variable, year);
            }
        };
    }

    @ParameterizedTest
    @EnumSource(SqlDialect.class)
    void everyClauseGivesEveryEnterpriseWhatTheAssessorGives(SqlDialect dialect) {
        Databases.assumeAvailable(dialect);
        Assessor assessor = new Assessor(SCHEMA, PARAMETERS);
        int tries = 8;
        AtomicInteger compared = new AtomicInteger();
        AtomicInteger beyondRange = new AtomicInteger();
        AtomicInteger[] byStatus = new AtomicInteger[4];
        for (int i = 0; i < byStatus.length; i++) {
            byStatus[i] = new AtomicInteger();
        }
        forAll(tries, SqlAgreementPropertiesTests::batch, batch -> {
            Map<String, CompiledQuery.EnterpriseResults> results;
            try {
                results = Databases.run(dialect, SCHEMA, RandomClauses.YEARS, batch.enterprises(), batch.clauses(),
                        PARAMETERS.inForceOn(RULE_DATE), RandomClauses.YEAR);
            } catch (SQLException failure) {
                throw new AssertionError(failure.getMessage(), failure);
            }
            assertThat(results.keySet()).isEqualTo(batch.profiles().keySet());
            batch.enterprises().forEach((id, enterprise) -> {
                List<ClauseResult> expected = Databases.expected(assessor, batch.clauses(), enterprise, RandomClauses.YEAR,
                        RULE_DATE);
                List<ClauseResult> actual = results.get(id).clauses();
                for (int c = 0; c < expected.size(); c++) {
                    if (actual.get(c).beyondExactRange()) {
                        beyondRange.incrementAndGet();
                        continue;
                    }
                    compared.incrementAndGet();
                    byStatus[expected.get(c).status().ordinal()].incrementAndGet();
                    Clause clause = batch.clauses().get(c);
                    assertThat(actual.get(c)).as("%s on %s\n  eligibility: %s\n  award: %s\n  cap: %s\n  profile: %s\n"
                                    + "  hidden: %s", clause.id(), id, clause.eligibility().source(), clause.award().source(),
                            clause.capFen(), batch.profiles().get(id), batch.hidden().get(id))
                            .isEqualTo(expected.get(c));
                }
            });
        });
        int total = compared.get() + beyondRange.get();
        if (dialect.boundedDecimals()) {
            assertThat(100.0 * beyondRange.get() / total).as("share of results beyond DuckDB's exact range (seed %d)",
                    Properties.seed()).isLessThan(3.0);
        } else {
            assertThat(beyondRange.get()).as("PostgreSQL and H2 decimals are unbounded").isZero();
        }
        // every status must have been met often enough for the agreement to mean something
        for (AtomicInteger count : byStatus) {
            assertThat(100.0 * count.get() / total).as("share of one status among %d results", total).isGreaterThan(3.0);
        }
        System.out.printf("%s: %d results agree, %d beyond the exact range%n", dialect, compared.get(), beyondRange.get());
    }
}
