package dev.lantu.engine.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lantu.engine.lang.Position;
import org.junit.jupiter.api.Test;

class PolicyTestRunnerTests {

    private static final PolicyDocument HAIZHU = PolicyCasesTests.policy("haizhu-large-model-2024.yaml");
    private static final PolicyTestRunner RUNNER = new PolicyTestRunner(PolicyCasesTests.schema());

    private static final String CASES = """
            policy: haizhu-large-model-2024
            cases:
              - name: scenario under the cap
                year: 2025
                facts: {district: "440105"}
                yearly:
                  scenario_demonstration_project: {2024: true}
                  scenario_project_input: {2024: 1000万元}
                expected:
                  application-scenario: {eligible: true, amount: 300万元}
            """;

    private static PolicyTestRunner.Report run(String text) {
        return RUNNER.run(HAIZHU, "cases.yaml", text);
    }

    @Test
    void matchingCasesPass() {
        PolicyTestRunner.Report report = run(CASES);
        assertThat(report.passed()).isTrue();
        assertThat(report.cases()).isEqualTo(1);
    }

    @Test
    void aWrongAmountIsAMismatchNamingTheCaseAndTheClause() {
        PolicyTestRunner.Report report = run(CASES.replace("amount: 300万元", "amount: 500万元"));
        assertThat(report.errors()).isEmpty();
        assertThat(report.mismatches()).singleElement().satisfies(mismatch -> {
            assertThat(mismatch.caseName()).isEqualTo("scenario under the cap");
            assertThat(mismatch.clauseId()).isEqualTo("application-scenario");
            assertThat(mismatch.message()).isEqualTo("expected amount 500万元, got 300万元");
        });
    }

    @Test
    void whatIsPaidAfterThePolicysOwnRulesCanBeExpectedToo() {
        assertThat(run(CASES.replace("amount: 300万元}", "amount: 300万元, paid: 300万元}")).passed()).isTrue();
        PolicyTestRunner.Report report = run(CASES.replace("amount: 300万元}", "amount: 300万元, paid: 299万元}"));
        assertThat(report.mismatches()).singleElement().satisfies(mismatch -> assertThat(mismatch.message())
                .isEqualTo("expected to be paid 299万元, got 300万元"));
        assertThat(run(CASES.replace("facts: {district: \"440105\"}", "facts: {}").replace("{eligible: true, amount: 300万元}",
                "{paid: 300万元}")).mismatches()).singleElement().satisfies(mismatch -> assertThat(mismatch.message())
                .isEqualTo("expected to be paid 300万元, got an undetermined payment"));
    }

    @Test
    void aWrongEligibilitySaysWhyTheClauseDecidedOtherwise() {
        PolicyTestRunner.Report report = run(CASES.replace("\"440105\"", "\"440106\""));
        assertThat(report.mismatches()).singleElement().satisfies(mismatch -> assertThat(mismatch.toString())
                .startsWith("case 'scenario under the cap', clause application-scenario: expected eligible true, got false")
                .contains("district == \"440105\" is false"));
    }

    @Test
    void anUnknownClauseIsAPositionedErrorWithTheClosestId() {
        PolicyTestRunner.Report report = run(CASES.replace("application-scenario:", "application-scenaro:"));
        assertThat(report.errors()).singleElement().satisfies(error -> {
            assertThat(error.position()).isEqualTo(new Position(10, 7));
            assertThat(error.suggestion()).isEqualTo("did you mean application-scenario?");
        });
        assertThat(report.passed()).isFalse();
    }

    @Test
    void anUnknownVariableAndAYearlyFigureUnderFactsAreErrors() {
        PolicyTestRunner.Report report = run(CASES.replace("facts: {district: \"440105\"}",
                "facts: {distrct: \"440105\", scenario_project_input: 1元}"));
        assertThat(report.errors()).extracting(PolicyError::message).containsExactly("unknown variable distrct",
                "scenario_project_input is yearly, so it belongs under yearly, not here");
        assertThat(report.errors().get(0).suggestion()).isEqualTo("did you mean district?");
    }

    @Test
    void anAmountMayBeWrittenInFenOrYuan() {
        assertThat(run(CASES.replace("amount: 300万元", "amount: 300000000分")).passed()).isTrue();
        assertThat(run(CASES.replace("amount: 300万元", "amount: 3000000元")).passed()).isTrue();
        assertThat(run(CASES.replace("amount: 300万元", "amount: 300")).errors()).singleElement()
                .satisfies(error -> assertThat(error.message()).isEqualTo("expected money here, found number"));
    }

    @Test
    void casesForAnotherPolicyAreRefused() {
        assertThat(run(CASES.replace("policy: haizhu-large-model-2024", "policy: tianhe-ai-2024")).errors())
                .extracting(PolicyError::message)
                .containsExactly("these cases are for tianhe-ai-2024, not for haizhu-large-model-2024");
    }

    @Test
    void anEmptyFactIsAnErrorNotAnEmptyText() {
        assertThat(run(CASES.replace("facts: {district: \"440105\"}", "facts: {district: }")).errors())
                .extracting(PolicyError::toString)
                .containsExactly("cases.yaml:5:22 cases[0].facts.district: this value is empty (write \"\" for an empty text)");
    }
}
