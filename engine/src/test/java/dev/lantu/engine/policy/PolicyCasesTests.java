package dev.lantu.engine.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lantu.engine.BundledPolicies;
import dev.lantu.engine.lang.Schema;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every policy's test cases in the bundled dataset's {@code policies/}: for each
 * {@code <policy>.tests.yaml}, the policy {@code <policy>.yaml} beside it, read against
 * {@code schema.yaml}. A policy author adds cases without touching Java.
 */
class PolicyCasesTests {

    static Schema schema() {
        return BundledPolicies.schema();
    }

    static PolicyDocument policy(String name) {
        return BundledPolicies.policy(name);
    }

    @TestFactory
    Stream<DynamicTest> everyPolicysCasesPass() {
        return BundledPolicies.testFiles().stream().map(tests -> DynamicTest.dynamicTest(tests.getFileName().toString(), () -> {
            String name = tests.getFileName().toString().replace(".tests.yaml", ".yaml");
            PolicyDocument policy = policy(name);
            PolicyTestRunner.Report report = new PolicyTestRunner(schema())
                    .run(policy, tests.getFileName().toString(), BundledPolicies.read(tests));
            assertThat(report.errors()).as("problems in the test file").isEmpty();
            assertThat(report.mismatches()).as("cases that fail").isEmpty();
            assertThat(report.cases()).as("cases run").isPositive();
        }));
    }

    @Test
    void thereAreCasesToRun() {
        assertThat(BundledPolicies.testFiles()).extracting(f -> f.getFileName().toString()).contains("haizhu-large-model-2024.tests.yaml");
    }
}
