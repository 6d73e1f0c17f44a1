package dev.lantu.engine.batch;

import dev.lantu.engine.lang.Type;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Which vector each node writes. Nodes run in order; once the last node that reads a vector has
 * run (or the clause whose result it is has been recorded), the vector is free for a later node of
 * the same kind. A node never writes a vector one of its inputs is in, and constants keep theirs,
 * since a worker computes them only once. With hundreds of clauses this keeps a worker's memory to
 * the nodes alive at once rather than all of them.
 */
final class VectorSlots {

    /** The vector classes: amounts and dates are both {@code long}s. */
    private enum Kind {
        LONGS, NUMBERS, BOOLEANS, TEXTS, SETS
    }

    private final int[] slotOf;
    private final int count;
    private final List<List<Integer>> clausesReadyAt;

    VectorSlots(Node[] nodes, List<BatchPlan.CompiledClause> clauses) {
        int[] lastUse = new int[nodes.length];
        for (Node node : nodes) {
            lastUse[node.id] = node.id;
            for (Node input : node.inputs) {
                lastUse[input.id] = Math.max(lastUse[input.id], node.id);
            }
        }
        clausesReadyAt = new ArrayList<>();
        for (int i = 0; i < nodes.length; i++) {
            clausesReadyAt.add(new ArrayList<>());
        }
        for (int c = 0; c < clauses.size(); c++) {
            BatchPlan.CompiledClause clause = clauses.get(c);
            int ready = Math.max(clause.eligibility().id, clause.award().id);
            clausesReadyAt.get(ready).add(c);
            lastUse[clause.eligibility().id] = Math.max(lastUse[clause.eligibility().id], ready);
            lastUse[clause.award().id] = Math.max(lastUse[clause.award().id], ready);
        }
        slotOf = new int[nodes.length];
        Map<Kind, Deque<Integer>> free = new EnumMap<>(Kind.class);
        for (Kind kind : Kind.values()) {
            free.put(kind, new ArrayDeque<>());
        }
        List<List<Node>> dyingAt = new ArrayList<>();
        for (int i = 0; i < nodes.length; i++) {
            dyingAt.add(new ArrayList<>());
        }
        for (Node node : nodes) {
            if (!node.isInvariant()) {
                dyingAt.get(lastUse[node.id]).add(node);
            }
        }
        int slots = 0;
        for (Node node : nodes) {
            Integer reused = node.isInvariant() ? null : free.get(kind(node.type)).poll();
            slotOf[node.id] = reused != null ? reused : slots++;
            for (Node dead : dyingAt.get(node.id)) {
                free.get(kind(dead.type)).push(slotOf[dead.id]);
            }
        }
        count = slots;
    }

    private static Kind kind(Type type) {
        return switch (type) {
            case MONEY, DATE -> Kind.LONGS;
            case NUMBER -> Kind.NUMBERS;
            case BOOLEAN -> Kind.BOOLEANS;
            case TEXT -> Kind.TEXTS;
            case SET -> Kind.SETS;
        };
    }

    int slotOf(int node) {
        return slotOf[node];
    }

    int count() {
        return count;
    }

    /** The clauses whose eligibility and award are both computed once node {@code node} has run. */
    List<Integer> clausesReadyAt(int node) {
        return clausesReadyAt.get(node);
    }
}
