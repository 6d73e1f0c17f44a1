package dev.lantu.bench.policies;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ContestantsTests {

    private static final Workload WORKLOAD = Workload.generate(1_500, 30, 11);

    @Test
    void lantuSingleAndBatchTheHandWrittenLoopAndDroolsGiveTheSameAnswers() throws Exception {
        Answers lantu = answer(new LantuLooped(), WORKLOAD);
        Answers batch = answer(new LantuBatch(), WORKLOAD);
        Answers hand = answer(new HandWrittenLoop(), WORKLOAD);
        Answers drools = answer(new DroolsRules(), WORKLOAD);
        assertThat(batch.hasChecksums()).isTrue();
        assertThat(lantu.firstDifference(batch, WORKLOAD.clauses())).isNull();
        assertThat(lantu.firstDifference(hand, WORKLOAD.clauses())).isNull();
        assertThat(lantu.firstDifference(drools, WORKLOAD.clauses())).isNull();
        // the workload is not trivial: clauses have eligible, undetermined and paying enterprises
        assertThat(lantu.totalEligible()).isPositive();
        assertThat(lantu.totalAwardFen()).isPositive();
        long undetermined = 0;
        for (int c = 0; c < lantu.clauses(); c++) {
            undetermined += lantu.undetermined(c);
        }
        assertThat(undetermined).isPositive();
    }

    @Test
    void duckDbRunningTheCompiledSqlGivesTheSameAnswers() throws Exception {
        Workload small = Workload.generate(600, 16, 13);
        Answers lantu = answer(new LantuLooped(), small);
        Answers duckDb = answer(CompiledSql.duckDb(), small);
        assertThat(lantu.firstDifference(duckDb, small.clauses())).isNull();
        assertThat(duckDb.totalEligible()).isPositive();
    }

    @Test
    void aSpecThatSaysOtherThanTheClauseIsCaught() throws Exception {
        // the hand-written loop told a cap of 1 fen where Lantu's clause says otherwise must disagree
        List<Workload.WorkloadClause> clauses = new ArrayList<>(WORKLOAD.clauses());
        int index = clauses.size() - 1;
        Workload.WorkloadClause scenario = clauses.get(index);
        ClauseSpec.ProjectRate spec = (ClauseSpec.ProjectRate) scenario.spec();
        clauses.set(index, new Workload.WorkloadClause(new ClauseSpec.ProjectRate(spec.id(), spec.district(), spec.project(),
                spec.input(), spec.rateBp(), spec.rateParameter(), 1), scenario.clause(), scenario.parameters(), scenario.policy()));
        Workload altered = new Workload(WORKLOAD.table(), clauses, WORKLOAD.seed());
        Answers lantu = answer(new LantuLooped(), altered);
        Answers hand = answer(new HandWrittenLoop(), altered);
        assertThat(lantu.firstDifference(hand, altered.clauses())).startsWith("clause application-scenario");
    }

    @Test
    void theHaizhuClausesFindEnterprisesInHaizhu() throws Exception {
        Answers lantu = answer(new HandWrittenLoop(), WORKLOAD);
        int llmFiling = WORKLOAD.clauses().size() - 4;
        assertThat(WORKLOAD.clauses().get(llmFiling).spec().id()).isEqualTo("llm-filing");
        assertThat(lantu.eligible(llmFiling) + lantu.undetermined(llmFiling)).isPositive();
    }

    private static Answers answer(Contestant contestant, Workload workload) throws Exception {
        try (contestant) {
            contestant.prepare(workload);
            return contestant.evaluate();
        }
    }
}
