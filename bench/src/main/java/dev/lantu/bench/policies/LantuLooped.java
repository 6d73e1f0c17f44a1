package dev.lantu.bench.policies;

import dev.lantu.engine.eval.Value;
import dev.lantu.engine.policy.Assessment;
import dev.lantu.engine.policy.Assessor;
import dev.lantu.engine.policy.ParameterSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Lantu's explaining evaluator called per enterprise and clause ({@link Assessor#assess}), each call
 * building the full trace, as the calculator does: the reference the others must agree with.
 */
public final class LantuLooped implements Contestant {

    private Workload workload;
    private Assessor[] assessors;

    @Override
    public String name() {
        return "Lantu single, looped";
    }

    @Override
    public void prepare(Workload workload) {
        this.workload = workload;
        Map<ParameterSet, Assessor> byPolicy = new IdentityHashMap<>();
        List<Workload.WorkloadClause> clauses = workload.clauses();
        assessors = new Assessor[clauses.size()];
        for (int c = 0; c < clauses.size(); c++) {
            assessors[c] = byPolicy.computeIfAbsent(clauses.get(c).parameters(),
                    parameters -> new Assessor(workload.table().schema(), parameters));
        }
    }

    @Override
    public Answers evaluate() {
        List<Workload.WorkloadClause> clauses = workload.clauses();
        EnterpriseTable table = workload.table();
        return Chunks.parallel(table.size(), clauses.size(), (from, to) -> {
            Answers answers = new Answers(clauses.size());
            for (int row = from; row < to; row++) {
                RowEnterprise enterprise = table.row(row);
                for (int c = 0; c < clauses.size(); c++) {
                    Assessment assessment = assessors[c].assess(clauses.get(c).clause(), enterprise, Workload.APPLICATION_YEAR,
                            Workload.RULE_DATE);
                    record(answers, c, row, assessment);
                }
            }
            return answers;
        });
    }

    static void record(Answers answers, int clause, int row, Assessment assessment) {
        switch (assessment.status()) {
            case ELIGIBLE -> {
                if (!(assessment.awarded() instanceof Value.Money money)) {
                    throw new IllegalStateException("clause " + assessment.clauseId() + ", row " + row
                            + ": eligible with an unknown award " + assessment.awarded().show()
                            + "; every kind's eligibility must read the facts its award reads");
                }
                answers.eligible(clause, row + 1, money.fen());
            }
            case UNDETERMINED -> answers.countUndetermined(clause);
            case NOT_ELIGIBLE -> {
            }
            case FAILED -> throw new IllegalStateException("clause " + assessment.clauseId() + ", row " + row + ": "
                    + assessment.error());
        }
    }
}
