package dev.lantu.engine.sql;

import static dev.lantu.engine.Properties.forAll;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lantu.engine.BundledPolicies;
import dev.lantu.engine.eval.Enterprise;
import dev.lantu.engine.eval.MapEnterprise;
import dev.lantu.engine.eval.RandomClauses;
import dev.lantu.engine.eval.Value;
import dev.lantu.engine.lang.Schema;
import dev.lantu.engine.policy.Assessment.Status;
import dev.lantu.engine.policy.Assessor;
import dev.lantu.engine.policy.Clause;
import dev.lantu.engine.policy.PolicyDocument;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Haizhu's large-model policy (the bundled dataset's policies/) compiled to SQL gives every enterprise
 * what the Assessor gives, on random Haizhu-shaped profiles with unknown facts and amounts whose
 * 30% ends in half a fen, and the award its test cases state.
 */
class HaizhuPolicySqlTests {

    private static final Schema SCHEMA = BundledPolicies.schema();
    private static final PolicyDocument POLICY = BundledPolicies.policy(BundledPolicies.HAIZHU);
    private static final List<Clause> CLAUSES = POLICY.clauses().stream().map(PolicyDocument.PolicyClause::clause).toList();
    private static final List<Integer> YEARS = List.of(2023, 2024, 2025);
    private static final LocalDate ISSUED = LocalDate.of(2024, 6, 18);

    /** A Haizhu-shaped profile; each fact is left out one time in four. */
    private static Enterprise profile(SplittableRandom random) {
        MapEnterprise.Builder builder = MapEnterprise.builder();
        if (random.nextInt(4) > 0) {
            builder.fact("district", Value.text(RandomClauses.pick(random, "440105", "440105", "440106")));
        }
        if (random.nextInt(4) > 0) {
            builder.fact("large_model_enterprise", Value.bool(random.nextBoolean()));
        }
        for (String filing : List.of("llm_filing_first_on", "algorithm_filing_first_on")) {
            if (random.nextInt(4) > 0) {
                builder.fact(filing, Value.date(ISSUED.plusDays(random.nextInt(-400, 400))));
            }
        }
        for (int year : YEARS) {
            if (random.nextInt(4) > 0) {
                builder.fact("model_optimisation_expense", year, Value.money(random.nextBoolean() ? 0 : random.nextLong(10_000_000_000L)));
            }
            if (random.nextInt(4) > 0) {
                builder.fact("scenario_demonstration_project", year, Value.bool(random.nextBoolean()));
            }
            if (random.nextInt(4) > 0) {
                // small odd amounts make 30% end in half a fen; large ones meet the 500万元 cap
                long fen = random.nextBoolean() ? 2 * random.nextLong(50) + 5 : random.nextLong(3_000_000_000L);
                builder.fact("scenario_project_input", year, Value.money(fen));
            }
        }
        return builder.build();
    }

    private static Map<String, Enterprise> profiles(SplittableRandom random) {
        Map<String, Enterprise> profiles = new LinkedHashMap<>();
        for (int i = 0; i < 150; i++) {
            profiles.put("91440105MA" + String.format("%08d", i), profile(random));
        }
        profiles.put("cap-binds", MapEnterprise.builder().fact("district", Value.text("440105"))
                .fact("scenario_demonstration_project", 2024, Value.bool(true))
                .fact("scenario_project_input", 2024, Value.yuan("20000000")).build());
        profiles.put("to-the-fen", MapEnterprise.builder().fact("district", Value.text("440105"))
                .fact("scenario_demonstration_project", 2024, Value.bool(true))
                .fact("scenario_project_input", 2024, Value.yuan("333.33")).build());
        return profiles;
    }

    @ParameterizedTest
    @EnumSource(SqlDialect.class)
    void everyEnterpriseGetsWhatTheAssessorGivesIt(SqlDialect dialect) {
        Databases.assumeAvailable(dialect);
        Assessor assessor = new Assessor(SCHEMA, POLICY.parameters());
        forAll(3, HaizhuPolicySqlTests::profiles, profiles -> {
            for (int year : List.of(2024, 2025)) {
                LocalDate ruleDate = LocalDate.of(year, 1, 1).isBefore(ISSUED) ? ISSUED : LocalDate.of(year, 1, 1);
                Map<String, CompiledQuery.EnterpriseResults> results;
                try {
                    results = Databases.run(dialect, SCHEMA, YEARS, profiles, CLAUSES,
                            POLICY.parameters().inForceOn(ruleDate), year);
                } catch (SQLException failure) {
                    throw new AssertionError(failure.getMessage(), failure);
                }
                profiles.forEach((id, enterprise) -> assertThat(results.get(id).clauses()).as("%s in %d", id, year)
                        .isEqualTo(Databases.expected(assessor, CLAUSES, enterprise, year, ruleDate)));
                if (year == 2025) {
                    int scenario = CLAUSES.stream().map(Clause::id).toList().indexOf("application-scenario");
                    assertThat(results.get("cap-binds").clauses().get(scenario))
                            .isEqualTo(new ClauseResult("application-scenario", Status.ELIGIBLE, 500_000_000L, false));
                    assertThat(results.get("to-the-fen").clauses().get(scenario))
                            .isEqualTo(new ClauseResult("application-scenario", Status.ELIGIBLE, 10_000L, false));
                }
            }
        });
    }
}
