package dev.lantu.engine.batch;

import dev.lantu.engine.lang.Type;
import java.util.Arrays;

/**
 * Kleene's three-valued logic and {@code if}, a word of 64 enterprises at a time. The reference
 * evaluator skips the right side of {@code and} when the left is false (and of {@code or} when
 * it is true), and evaluates only the branch an {@code if} takes when its condition is known, so
 * a failure there does not count; the bit formulas below say the same, row by row.
 */
final class Logic {

    private Logic() {
    }

    static final class Not extends Node {
        Not(Node operand) {
            super(Type.BOOLEAN, operand);
        }

        @Override
        String signature() {
            return "not";
        }

        @Override
        void evaluate(Chunk chunk) {
            Vector.Booleans in = chunk.booleans(input(0));
            Vector.Booleans out = chunk.booleans(this);
            for (int w = 0; w < chunk.words; w++) {
                out.failed[w] = in.failed[w];
                out.known[w] = in.known[w];
                out.truth[w] = in.known[w] & ~in.truth[w];
            }
        }
    }

    /** {@code and} (its decisive value is false) or {@code or} (true). */
    static final class Junction extends Node {
        final boolean and;

        Junction(boolean and, Node left, Node right) {
            super(Type.BOOLEAN, left, right);
            this.and = and;
        }

        @Override
        String signature() {
            return and ? "and" : "or";
        }

        @Override
        void evaluate(Chunk chunk) {
            Vector.Booleans left = chunk.booleans(input(0));
            Vector.Booleans right = chunk.booleans(input(1));
            Vector.Booleans out = chunk.booleans(this);
            for (int w = 0; w < chunk.words; w++) {
                long leftTrue = left.truth[w];
                long leftFalse = left.known[w] & ~left.truth[w];
                long rightTrue = right.truth[w];
                long rightFalse = right.known[w] & ~right.truth[w];
                long leftDecides = and ? leftFalse : leftTrue;
                long failed = left.failed[w] | ~leftDecides & right.failed[w];
                long decided = ~failed & (and ? leftFalse | rightFalse : leftTrue | rightTrue);
                long undecided = ~failed & (and ? leftTrue & rightTrue : leftFalse & rightFalse);
                out.failed[w] = failed;
                out.known[w] = decided | undecided;
                out.truth[w] = and ? undecided : decided;
            }
        }
    }

    /**
     * {@code if c then a else b}: the branch the condition picks; when the condition is unknown,
     * a's value if a and b are known and equal, else unknown. With an unknown condition both
     * branches are evaluated, so a failure in either fails the row.
     */
    static final class Conditional extends Node {
        Conditional(Type type, Node condition, Node whenTrue, Node whenFalse) {
            super(type, condition, whenTrue, whenFalse);
        }

        @Override
        String signature() {
            return "if:" + type;
        }

        @Override
        void evaluate(Chunk chunk) {
            Vector.Booleans condition = chunk.booleans(input(0));
            Vector a = chunk.vector(input(1));
            Vector b = chunk.vector(input(2));
            Vector out = chunk.vector(this);
            if (out instanceof Vector.Numbers numbers) {
                numbers.reset(Math.max(((Vector.Numbers) a).scale, ((Vector.Numbers) b).scale));
            }
            for (int w = 0; w < chunk.words; w++) {
                long whenTrue = condition.truth[w];
                long whenFalse = condition.known[w] & ~condition.truth[w];
                long unknown = ~condition.known[w] & ~condition.failed[w];
                long failed = condition.failed[w] | whenTrue & a.failed[w] | whenFalse & b.failed[w]
                        | unknown & (a.failed[w] | b.failed[w]);
                long bothKnown = unknown & a.known[w] & b.known[w] & ~failed;
                out.failed[w] = failed;
                out.known[w] = ~failed & (whenTrue & a.known[w] | whenFalse & b.known[w]);
                long pickA = whenTrue | bothKnown;
                copy(out, a, b, w, pickA, out.known[w], bothKnown);
            }
        }

        /**
         * Copies the known rows of word {@code w}: from a where {@code pickA}, else from b; rows in
         * {@code agreeing} (condition unknown, both branches known) become known where a equals b.
         */
        private static void copy(Vector out, Vector a, Vector b, int w, long pickA, long known, long agreeing) {
            if (out instanceof Vector.Booleans bools) {
                Vector.Booleans x = (Vector.Booleans) a;
                Vector.Booleans y = (Vector.Booleans) b;
                long equal = agreeing & ~(x.truth[w] ^ y.truth[w]);
                bools.known[w] = known | equal;
                bools.truth[w] = (pickA & x.truth[w] | ~pickA & y.truth[w]) & bools.known[w];
                return;
            }
            int base = w << 6;
            long rows = known | agreeing;
            while (rows != 0) {
                int bit = Long.numberOfTrailingZeros(rows);
                rows &= rows - 1;
                int row = base + bit;
                boolean fromA = (pickA & 1L << bit) != 0;
                boolean agree = (agreeing & 1L << bit) != 0;
                if (agree) {
                    if (!equal(a, b, row)) {
                        continue;
                    }
                    out.known[w] |= 1L << bit;
                }
                take(out, fromA ? a : b, row);
            }
        }

        private static boolean equal(Vector a, Vector b, int row) {
            if (a instanceof Vector.Longs x) {
                return x.values[row] == ((Vector.Longs) b).values[row];
            }
            if (a instanceof Vector.Texts x) {
                return x.ids[row] == ((Vector.Texts) b).ids[row];
            }
            if (a instanceof Vector.Sets x) {
                return Arrays.equals(x.members[row], ((Vector.Sets) b).members[row]);
            }
            return Arithmetic.compare((Vector.Numbers) a, (Vector.Numbers) b, row) == 0;
        }

        private static void take(Vector out, Vector from, int row) {
            if (out instanceof Vector.Longs longs) {
                longs.values[row] = ((Vector.Longs) from).values[row];
            } else if (out instanceof Vector.Texts texts) {
                texts.ids[row] = ((Vector.Texts) from).ids[row];
            } else if (out instanceof Vector.Sets sets) {
                sets.members[row] = ((Vector.Sets) from).members[row];
            } else {
                Arithmetic.rescale((Vector.Numbers) from, row, (Vector.Numbers) out);
            }
        }
    }
}
