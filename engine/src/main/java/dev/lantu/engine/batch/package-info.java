/**
 * Batch evaluation: clauses compiled once into a graph of vector operations shared between
 * clauses, run over the facts of many enterprises held in primitive columns, in chunks, on all
 * cores, with results identical to the reference evaluator's enterprise by enterprise
 * ({@link dev.lantu.engine.batch.BatchEvaluator}, {@link dev.lantu.engine.batch.EnterpriseColumns}).
 */
package dev.lantu.engine.batch;
