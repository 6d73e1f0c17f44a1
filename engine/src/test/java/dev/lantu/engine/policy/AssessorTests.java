package dev.lantu.engine.policy;

import static dev.lantu.engine.Examples.SCHEMA;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lantu.engine.eval.Enterprise;
import dev.lantu.engine.eval.Fact;
import dev.lantu.engine.eval.MapEnterprise;
import dev.lantu.engine.eval.Value;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class AssessorTests {

    private static final Clause RD_SUBSIDY = Clause.compile(ClauseTests.RD_SUBSIDY, SCHEMA, ClauseTests.PARAMETERS).clause();
    private static final Assessor ASSESSOR = new Assessor(SCHEMA, ClauseTests.PARAMETERS);

    private static MapEnterprise.Builder hightech() {
        return MapEnterprise.builder()
                .fact("qualifications", Value.set("高新技术企业"))
                .fact("revenue", 2024, Value.yuan("30000000"))
                .fact("rd_expense", 2024, Value.yuan("5000000"));
    }

    @Test
    void theApplicationYearPicksTheFiguresAndTheRuleDatePicksTheRate() {
        // applying for 2025: 2024's R&D expense (500万) at the rate in force on the rule date
        Assessment underOldRule = ASSESSOR.assess(RD_SUBSIDY, hightech().build(), 2025, LocalDate.of(2024, 12, 1));
        Assessment underNewRule = ASSESSOR.assess(RD_SUBSIDY, hightech().build(), 2025, LocalDate.of(2025, 1, 1));
        assertThat(underOldRule.status()).isEqualTo(Assessment.Status.ELIGIBLE);
        assertThat(underOldRule.awarded()).isEqualTo(Value.yuan("500000"));
        assertThat(underNewRule.awarded()).isEqualTo(Value.yuan("400000"));
        assertThat(underNewRule.awardTrace().allReads()).extracting(read -> read.fact())
                .containsExactly(Fact.of("rd_expense", 2024));
        assertThat(underNewRule.awardTrace().allParameters()).singleElement()
                .satisfies(use -> assertThat(use.reference()).contains("〔2024〕12号").contains("in force from 2025-01-01"));
        assertThat(underNewRule.applicationYear()).isEqualTo(2025);
        assertThat(underNewRule.ruleDate()).isEqualTo(LocalDate.of(2025, 1, 1));
    }

    @Test
    void theClauseCapCutsTheAwardAndSaysSo() {
        Enterprise bigSpender = hightech().fact("rd_expense", 2024, Value.yuan("30000000")).build();
        Assessment assessment = ASSESSOR.assess(RD_SUBSIDY, bigSpender, 2025, LocalDate.of(2025, 1, 1));
        assertThat(assessment.awarded()).isEqualTo(Value.yuan("1500000"));
        assertThat(assessment.notes()).containsExactly("the clause's cap of 150万元 cut the award from 240万元 to 150万元");
    }

    @Test
    void anIneligibleEnterpriseGetsNothingAndTheReasonIsTraced() {
        Enterprise small = hightech().fact("revenue", 2024, Value.yuan("1000000")).build();
        Assessment assessment = ASSESSOR.assess(RD_SUBSIDY, small, 2025, LocalDate.of(2025, 1, 1));
        assertThat(assessment.status()).isEqualTo(Assessment.Status.NOT_ELIGIBLE);
        assertThat(assessment.awarded()).isEqualTo(Value.money(0));
        assertThat(assessment.awardTrace()).isNull();
        assertThat(assessment.eligibilityTrace().render()).contains("revenue[last_year] >= revenue_threshold → false");
    }

    @Test
    void anUndeterminedEligibilityNamesTheMissingFactsAndTheAwardItWouldBring() {
        Enterprise unknownRevenue = MapEnterprise.builder()
                .fact("qualifications", Value.set("高新技术企业"))
                .fact("rd_expense", 2024, Value.yuan("5000000")).build();
        Assessment assessment = ASSESSOR.assess(RD_SUBSIDY, unknownRevenue, 2025, LocalDate.of(2025, 1, 1));
        assertThat(assessment.status()).isEqualTo(Assessment.Status.UNDETERMINED);
        assertThat(assessment.missing()).containsExactly(Fact.of("revenue", 2024));
        assertThat(assessment.awarded()).isEqualTo(Value.yuan("400000"));
    }

    @Test
    void aRuleDateBeforeAnyValueOfAParameterFailsNamingTheParameter() {
        Assessment assessment = ASSESSOR.assess(RD_SUBSIDY, hightech().build(), 2022, LocalDate.of(2021, 1, 1));
        assertThat(assessment.status()).isEqualTo(Assessment.Status.FAILED);
        assertThat(assessment.error().message()).isEqualTo("no value of revenue_threshold is in force");
        assertThat(assessment.awarded()).isNull();
    }

    @Test
    void anUnknownAwardKeepsItsMissingFactsAndNotesTheCap() {
        Enterprise complete = hightech().build();
        Enterprise withoutRd = MapEnterprise.builder()
                .fact("qualifications", Value.set("高新技术企业"))
                .fact("revenue", 2024, Value.yuan("30000000")).build();
        Assessment assessment = ASSESSOR.assess(RD_SUBSIDY, withoutRd, 2025, LocalDate.of(2025, 1, 1));
        assertThat(assessment.status()).isEqualTo(Assessment.Status.ELIGIBLE);
        assertThat(assessment.awarded().isUnknown()).isTrue();
        assertThat(assessment.missing()).containsExactly(Fact.of("rd_expense", 2024));
        assertThat(assessment.notes()).containsExactly("the award is unknown; the clause's cap limits it to 150万元");
        assertThat(ASSESSOR.assess(RD_SUBSIDY, complete, 2025, LocalDate.of(2025, 1, 1)).missing()).isEmpty();
    }
}
