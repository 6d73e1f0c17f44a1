package dev.lantu.bench.policies;

import dev.lantu.bench.policies.EnterpriseTable.BooleanColumn;
import dev.lantu.bench.policies.EnterpriseTable.Column;
import dev.lantu.bench.policies.EnterpriseTable.DateColumn;
import dev.lantu.bench.policies.EnterpriseTable.MoneyColumn;
import dev.lantu.bench.policies.EnterpriseTable.NumberColumn;
import dev.lantu.bench.policies.EnterpriseTable.SetColumn;
import dev.lantu.bench.policies.EnterpriseTable.TextColumn;
import dev.lantu.engine.batch.BatchEvaluator;
import dev.lantu.engine.batch.BatchPlan;
import dev.lantu.engine.batch.BatchResult;
import dev.lantu.engine.batch.BatchSummary;
import dev.lantu.engine.batch.EnterpriseColumns;
import dev.lantu.engine.lang.Variable;
import dev.lantu.engine.policy.Assessment;
import dev.lantu.engine.policy.Clause;
import dev.lantu.engine.policy.ParameterSet;
import java.util.ArrayList;
import java.util.List;

/**
 * Lantu's batch evaluator ({@link BatchEvaluator}): the clauses of each policy compiled once into a
 * plan of shared vector operations, run over {@link EnterpriseColumns} in chunks on all cores. The
 * table is copied into the engine's columns in prepare. The timed runs summarise
 * ({@link BatchPlan#summarize}: counts and totals, no result per enterprise); the first run keeps
 * every enterprise's result ({@link BatchPlan#run}) where that fits in memory, so the checksum of
 * the eligible enterprises' ids is compared too.
 */
public final class LantuBatch implements Contestant {

    /** Up to this many (enterprise, clause) results, the first run keeps them all for the checksum. */
    static final long FULL_RESULTS = 60_000_000L;

    private record Plan(BatchPlan plan, int[] clauses) {
    }

    private final List<Plan> plans = new ArrayList<>();
    private EnterpriseColumns columns;
    private int clauses;
    private boolean first = true;

    @Override
    public String name() {
        return "Lantu batch";
    }

    @Override
    public void prepare(Workload workload) {
        columns = columns(workload.table());
        List<Workload.WorkloadClause> all = workload.clauses();
        clauses = all.size();
        int start = 0;
        while (start < all.size()) {
            ParameterSet parameters = all.get(start).parameters();
            List<Integer> members = new ArrayList<>();
            for (int c = start; c < all.size() && all.get(c).parameters() == parameters; c++) {
                members.add(c);
            }
            List<Clause> policy = members.stream().map(c -> all.get(c).clause()).toList();
            plans.add(new Plan(BatchEvaluator.compile(policy, workload.table().schema(), parameters.inForceOn(Workload.RULE_DATE),
                    Workload.APPLICATION_YEAR), members.stream().mapToInt(Integer::intValue).toArray()));
            start += members.size();
        }
    }

    @Override
    public Answers evaluate() {
        Answers answers = new Answers(clauses);
        boolean full = first && (long) columns.size() * clauses <= FULL_RESULTS;
        first = false;
        for (Plan plan : plans) {
            if (full) {
                record(answers, plan, plan.plan().run(columns));
            } else {
                record(answers, plan, plan.plan().summarize(columns));
            }
        }
        if (!full) {
            answers.withoutChecksums();
        }
        return answers;
    }

    private void record(Answers answers, Plan plan, BatchSummary summary) {
        for (int i = 0; i < plan.clauses().length; i++) {
            if (summary.count(i, Assessment.Status.FAILED) > 0 || summary.eligibleWithUnknownAward(i) > 0) {
                throw new IllegalStateException("Lantu batch: clause " + summary.clauseIds().get(i) + " failed or left an eligible "
                        + "award unknown");
            }
            answers.add(plan.clauses()[i], summary.countEligible(i), summary.count(i, Assessment.Status.UNDETERMINED),
                    summary.eligibleFen(i).longValueExact(), 0);
        }
    }

    private void record(Answers answers, Plan plan, BatchResult result) {
        for (int i = 0; i < plan.clauses().length; i++) {
            int clause = plan.clauses()[i];
            for (int row = 0; row < result.enterprises(); row++) {
                switch (result.status(i, row)) {
                    case ELIGIBLE -> {
                        if (!result.isAwardKnown(i, row)) {
                            throw new IllegalStateException("Lantu batch: clause " + result.clauseIds().get(i) + ", row " + row
                                    + ": eligible with an unknown award");
                        }
                        answers.eligible(clause, row + 1, result.awardFen(i, row));
                    }
                    case UNDETERMINED -> answers.countUndetermined(clause);
                    case NOT_ELIGIBLE -> {
                    }
                    case FAILED -> throw new IllegalStateException("Lantu batch: clause " + result.clauseIds().get(i) + ", row "
                            + row + " failed");
                }
            }
        }
    }

    /** The table in the engine's columns: values adopted where the layout is the same, converted where not. */
    static EnterpriseColumns columns(EnterpriseTable table) {
        int rows = table.size();
        EnterpriseColumns.Builder builder = EnterpriseColumns.builder(table.schema(), rows, EnterpriseTable.FIRST_YEAR,
                EnterpriseTable.LAST_YEAR);
        for (Variable variable : table.schema().variables()) {
            if (variable.isYearly()) {
                for (int year = EnterpriseTable.FIRST_YEAR; year <= EnterpriseTable.LAST_YEAR; year++) {
                    put(builder, variable.name(), year, table.column(variable.name(), year), rows);
                }
            } else {
                put(builder, variable.name(), null, table.column(variable.name()), rows);
            }
        }
        return builder.build();
    }

    private static void put(EnterpriseColumns.Builder builder, String variable, Integer year, Column column, int rows) {
        long[] known = new long[(rows + 63) >>> 6];
        for (int row = 0; row < rows; row++) {
            if (column.known(row)) {
                known[row >>> 6] |= 1L << row;
            }
        }
        if (column instanceof MoneyColumn c) {
            builder.putMoney(variable, year, c.fen(), known);
        } else if (column instanceof NumberColumn c) {
            long[] unscaled = new long[rows];
            for (int row = 0; row < rows; row++) {
                unscaled[row] = c.known(row) ? c.values()[row] : 0;
            }
            builder.putNumber(variable, year, 0, unscaled, known);
        } else if (column instanceof BooleanColumn c) {
            long[] bits = new long[known.length];
            for (int row = 0; row < rows; row++) {
                if (c.values()[row] == 1) {
                    bits[row >>> 6] |= 1L << row;
                }
            }
            builder.putBool(variable, year, bits, known);
        } else if (column instanceof DateColumn c) {
            long[] days = new long[rows];
            for (int row = 0; row < rows; row++) {
                days[row] = c.known(row) ? c.epochDays()[row] : 0;
            }
            builder.putDate(variable, year, days, known);
        } else if (column instanceof TextColumn c) {
            int[] ids = new int[rows];
            int[] idOfCode = c.dictionary().stream().mapToInt(text -> builder.dictionary().id(text)).toArray();
            for (int row = 0; row < rows; row++) {
                ids[row] = c.known(row) ? idOfCode[c.codes()[row]] : 0;
            }
            builder.putText(variable, year, ids, known);
        } else {
            SetColumn c = (SetColumn) column;
            long[] bits = new long[rows];
            for (int row = 0; row < rows; row++) {
                bits[row] = c.known(row) ? c.masks()[row] : 0;
            }
            builder.putTextSet(variable, year, c.dictionary(), bits, known);
        }
    }
}
