package dev.lantu.engine.batch;

import dev.lantu.engine.lang.Type;
import java.util.List;

/**
 * One operation of a compiled plan. Nodes form a graph shared by all clauses: a sub-expression
 * that several clauses (or one clause twice) contain is one node, evaluated once per chunk.
 * A node reads the vectors of its inputs in the {@link Chunk} and writes its own.
 */
abstract class Node {

    final Type type;
    final List<Node> inputs;
    /** The node's place in evaluation order, after all its inputs; set when the plan takes it. */
    int id = -1;

    Node(Type type, Node... inputs) {
        this.type = type;
        this.inputs = List.of(inputs);
    }

    /** What the node computes, apart from its inputs: two nodes with one signature and the same inputs are one. */
    abstract String signature();

    /** Whether the node's vector is the same for every chunk, so a workspace computes it once. */
    boolean isInvariant() {
        return false;
    }

    abstract void evaluate(Chunk chunk);

    Vector newVector(int size) {
        return switch (type) {
            case MONEY, DATE -> new Vector.Longs(size);
            case NUMBER -> new Vector.Numbers(size);
            case BOOLEAN -> new Vector.Booleans(size);
            case TEXT -> new Vector.Texts(size);
            case SET -> new Vector.Sets(size);
        };
    }

    final Node input(int index) {
        return inputs.get(index);
    }

    @Override
    public String toString() {
        return signature() + inputs.stream().map(n -> "#" + n.id).toList();
    }
}
