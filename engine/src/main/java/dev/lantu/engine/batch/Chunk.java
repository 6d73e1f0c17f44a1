package dev.lantu.engine.batch;

import java.util.Map;

/**
 * One worker's window on the rows: a range of at most {@code size} enterprises starting at a
 * multiple of 64, and the vector of each node of the plan for it; nodes that are never needed at
 * the same time share a vector ({@link VectorSlots}). A worker reuses its chunk from one range to
 * the next, so the vectors are allocated once per worker, not once per range.
 */
final class Chunk {

    final EnterpriseColumns columns;
    /** The id of every text the plan names: the dictionary's, or one past its end for a text no column holds. */
    final Map<String, Integer> textIds;
    final Vector[] vectors;
    final boolean[] invariantDone;
    int start;
    int length;
    int words;

    Chunk(EnterpriseColumns columns, Map<String, Integer> textIds, Node[] nodes, VectorSlots slots, int size) {
        this.columns = columns;
        this.textIds = textIds;
        this.vectors = new Vector[nodes.length];
        this.invariantDone = new boolean[nodes.length];
        Vector[] bySlot = new Vector[slots.count()];
        for (Node node : nodes) {
            int slot = slots.slotOf(node.id);
            if (bySlot[slot] == null) {
                bySlot[slot] = node.newVector(size);
            }
            vectors[node.id] = bySlot[slot];
        }
    }

    void moveTo(int start, int length) {
        this.start = start;
        this.length = length;
        this.words = (length + 63) >>> 6;
    }

    Vector.Longs longs(Node node) {
        return (Vector.Longs) vectors[node.id];
    }

    Vector.Numbers numbers(Node node) {
        return (Vector.Numbers) vectors[node.id];
    }

    Vector.Booleans booleans(Node node) {
        return (Vector.Booleans) vectors[node.id];
    }

    Vector.Texts texts(Node node) {
        return (Vector.Texts) vectors[node.id];
    }

    Vector.Sets sets(Node node) {
        return (Vector.Sets) vectors[node.id];
    }

    Vector vector(Node node) {
        return vectors[node.id];
    }
}
