package dev.lantu.engine.batch;

import dev.lantu.engine.eval.ParameterValues;
import dev.lantu.engine.lang.Schema;
import dev.lantu.engine.lang.Type;
import dev.lantu.engine.policy.Clause;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The batch evaluator: compiles clauses once into a {@link BatchPlan} that assesses them for many
 * enterprises held in {@link EnterpriseColumns}, with the same results, enterprise by enterprise,
 * as {@link dev.lantu.engine.policy.Assessor}.
 */
public final class BatchEvaluator {

    /** Enterprises per chunk: a multiple of 64, small enough that a chunk's vectors stay in the processor's caches. */
    public static final int DEFAULT_CHUNK_SIZE = 1024;

    private BatchEvaluator() {
    }

    /**
     * Compiles {@code clauses} with {@code this_year} = {@code applicationYear} and the parameter
     * values in force {@code parameters} (for a policy, {@code ParameterSet.inForceOn(ruleDate)}).
     * The clauses must have been checked against {@code schema}, as every {@link Clause} is.
     */
    public static BatchPlan compile(List<Clause> clauses, Schema schema, ParameterValues parameters, int applicationYear) {
        return compile(clauses, schema, parameters, applicationYear, DEFAULT_CHUNK_SIZE);
    }

    /** As {@link #compile(List, Schema, ParameterValues, int)}, with {@code chunkSize} enterprises per chunk. */
    public static BatchPlan compile(List<Clause> clauses, Schema schema, ParameterValues parameters, int applicationYear,
                                    int chunkSize) {
        if (chunkSize <= 0 || chunkSize % 64 != 0) {
            throw new IllegalArgumentException("a chunk is a positive multiple of 64 enterprises, not " + chunkSize);
        }
        Set<String> ids = new HashSet<>();
        for (Clause clause : clauses) {
            if (!ids.add(clause.id())) {
                throw new IllegalArgumentException("the clause " + clause.id() + " is given twice");
            }
        }
        Compiler compiler = new Compiler(schema, parameters, applicationYear);
        List<BatchPlan.CompiledClause> compiled = new ArrayList<>();
        for (Clause clause : clauses) {
            Node eligibility = compiler.compile(clause.eligibility().expr(), Type.BOOLEAN);
            Node award = compiler.compile(clause.award().expr(), Type.MONEY);
            compiled.add(new BatchPlan.CompiledClause(clause.id(), eligibility, award, clause.capFen()));
        }
        return new BatchPlan(schema, applicationYear, compiled, compiler.nodes, compiler.reads, compiler.expressionNodes,
                chunkSize);
    }
}
