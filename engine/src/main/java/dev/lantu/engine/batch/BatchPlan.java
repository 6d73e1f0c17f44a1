package dev.lantu.engine.batch;

import dev.lantu.engine.eval.Fact;
import dev.lantu.engine.eval.Value;
import dev.lantu.engine.lang.Schema;
import dev.lantu.engine.lang.Variable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.IntStream;

/**
 * Clauses compiled for batch evaluation: a graph of operations in which every sub-expression the
 * clauses share is one node. A run cuts the enterprises into chunks of {@link #chunkSize()} and
 * evaluates the whole graph on each chunk, a vector per node, chunks in parallel on a
 * {@link ForkJoinPool}. A plan is immutable and may run on any number of column sets, also at once.
 */
public final class BatchPlan {

    record CompiledClause(String id, Node eligibility, Node award, Long capFen) {
    }

    private final Schema schema;
    private final int applicationYear;
    private final List<CompiledClause> clauses;
    private final Node[] nodes;
    private final List<Leaves.Read> reads;
    private final int expressionNodes;
    private final int chunkSize;
    private final VectorSlots vectors;

    BatchPlan(Schema schema, int applicationYear, List<CompiledClause> clauses, List<Node> nodes,
              List<Leaves.Read> reads, int expressionNodes, int chunkSize) {
        this.schema = schema;
        this.applicationYear = applicationYear;
        this.clauses = List.copyOf(clauses);
        this.nodes = nodes.toArray(Node[]::new);
        this.reads = List.copyOf(reads);
        this.expressionNodes = expressionNodes;
        this.chunkSize = chunkSize;
        this.vectors = new VectorSlots(this.nodes, this.clauses);
    }

    /** The ids of the clauses, in the order of the results. */
    public List<String> clauseIds() {
        return clauses.stream().map(CompiledClause::id).toList();
    }

    public int applicationYear() {
        return applicationYear;
    }

    public int chunkSize() {
        return chunkSize;
    }

    /**
     * The vectors a worker holds: nodes whose values are no longer needed hand their vector on, so
     * this is the most nodes alive at once, not the number of nodes.
     */
    public int vectorsPerWorker() {
        return vectors.count();
    }

    /** The operations of the plan after sharing, constants included: each is evaluated once per chunk. */
    public int distinctNodes() {
        return nodes.length;
    }

    /** The operations the clauses' expressions hold before sharing: what evaluating each clause on its own would cost. */
    public int expressionNodes() {
        return expressionNodes;
    }

    /** The facts the clauses read: the columns worth loading. */
    public SortedSet<Fact> reads() {
        SortedSet<Fact> facts = new TreeSet<>();
        for (Leaves.Read read : reads) {
            facts.add(read.year == null ? Fact.of(read.variable) : Fact.of(read.variable, read.year));
        }
        return facts;
    }

    /** Assesses every clause for every enterprise of {@code columns}, on the common fork-join pool. */
    public BatchResult run(EnterpriseColumns columns) {
        return run(columns, ForkJoinPool.commonPool());
    }

    /** Assesses every clause for every enterprise of {@code columns}, on {@code pool}. */
    public BatchResult run(EnterpriseColumns columns, ForkJoinPool pool) {
        BatchResult result = new BatchResult(clauseIds(), columns.size());
        long evaluations = execute(columns, pool, result::record);
        result.nodeEvaluations = evaluations;
        return result;
    }

    /**
     * Counts and totals per clause without keeping a result per enterprise: for millions of
     * enterprises and hundreds of clauses, where a full {@link BatchResult} would not fit in memory.
     */
    public BatchSummary summarize(EnterpriseColumns columns) {
        return summarize(columns, ForkJoinPool.commonPool());
    }

    public BatchSummary summarize(EnterpriseColumns columns, ForkJoinPool pool) {
        BatchSummary summary = new BatchSummary(clauseIds());
        long evaluations = execute(columns, pool, summary::record);
        summary.nodeEvaluations = evaluations;
        return summary;
    }

    /** What a run does with the outcome of one clause on one chunk. */
    interface Sink {
        void record(int clause, Chunk chunk, Vector.Booleans eligibility, Vector.Longs award, Long capFen);
    }

    private long execute(EnterpriseColumns columns, ForkJoinPool pool, Sink sink) {
        checkColumns(columns);
        Map<String, Integer> textIds = textIds(columns.dictionary());
        int rows = columns.size();
        int chunks = (rows + chunkSize - 1) / chunkSize;
        ConcurrentLinkedQueue<Chunk> idle = new ConcurrentLinkedQueue<>();
        LongAdder evaluations = new LongAdder();
        Runnable work = () -> IntStream.range(0, chunks).parallel().forEach(index -> {
            Chunk chunk = idle.poll();
            if (chunk == null) {
                chunk = new Chunk(columns, textIds, nodes, vectors, chunkSize);
            }
            int start = index * chunkSize;
            chunk.moveTo(start, Math.min(chunkSize, rows - start));
            evaluations.add(evaluate(chunk, sink));
            idle.add(chunk);
        });
        if (ForkJoinPool.commonPool() == pool) {
            work.run();
        } else {
            try {
                pool.submit(work).get();
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("the batch run was interrupted", interrupted);
            } catch (ExecutionException failure) {
                throw failure.getCause() instanceof RuntimeException runtime ? runtime
                        : new IllegalStateException(failure.getCause());
            }
        }
        return evaluations.sum();
    }

    /**
     * Evaluates every node on the chunk, hands each clause to the sink as soon as its two nodes are
     * done (so their vectors can serve later nodes), and returns how many nodes vary by chunk; a
     * worker computes the invariant ones (constants) on its first chunk only, and they are not counted.
     */
    private int evaluate(Chunk chunk, Sink sink) {
        int evaluated = 0;
        for (Node node : nodes) {
            if (node.isInvariant()) {
                if (!chunk.invariantDone[node.id]) {
                    node.evaluate(chunk);
                    chunk.invariantDone[node.id] = true;
                }
            } else {
                node.evaluate(chunk);
                evaluated++;
            }
            for (int c : vectors.clausesReadyAt(node.id)) {
                CompiledClause clause = clauses.get(c);
                sink.record(c, chunk, chunk.booleans(clause.eligibility()), chunk.longs(clause.award()), clause.capFen());
            }
        }
        return evaluated;
    }

    private void checkColumns(EnterpriseColumns columns) {
        for (Leaves.Read read : reads) {
            Variable ours = schema.variable(read.variable).orElseThrow();
            Variable theirs = columns.schema().variable(read.variable).orElse(null);
            if (theirs != null && (theirs.type() != ours.type() || theirs.isYearly() != ours.isYearly())) {
                throw new IllegalArgumentException("the clauses read " + read.variable + " as " + ours.type()
                        + (ours.isYearly() ? ", yearly" : ", static") + ", but the columns hold it as " + theirs.type()
                        + (theirs.isYearly() ? ", yearly" : ", static"));
            }
        }
    }

    /** Ids for the texts the clauses name: the dictionary's, or new ones past its end for texts no column holds. */
    private Map<String, Integer> textIds(TextDictionary dictionary) {
        Map<String, Integer> ids = new HashMap<>();
        List<String> texts = new ArrayList<>();
        for (Node node : nodes) {
            if (node instanceof Leaves.Constant constant && !constant.fails()) {
                if (constant.value instanceof Value.Text text) {
                    texts.add(text.value());
                } else if (constant.value instanceof Value.TextSet set) {
                    texts.addAll(set.members());
                }
            }
        }
        int next = dictionary.size();
        for (String text : texts) {
            if (!ids.containsKey(text)) {
                int id = dictionary.find(text);
                ids.put(text, id >= 0 ? id : next++);
            }
        }
        return ids;
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("plan of " + clauses.size() + " clauses, " + nodes.length + " nodes:\n");
        for (Node node : nodes) {
            text.append("  #").append(node.id).append(' ').append(node).append('\n');
        }
        return text.toString();
    }
}
