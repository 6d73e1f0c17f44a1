package dev.lantu.engine.batch;

import dev.lantu.engine.lang.Type;
import java.util.Arrays;

/**
 * Sets of texts: membership, {@code count}, and set literals whose elements are not all written
 * out. Where the set is a column, membership is a bit test and {@code count} a population count
 * on the column's bitsets; other sets are ascending arrays of dictionary ids.
 */
final class Sets {

    private Sets() {
    }

    /** {@code element in column}: the element first, then the column, as the reference reads them. */
    static final class MemberOfColumn extends Node {
        final Leaves.Read set;

        MemberOfColumn(Node element, Leaves.Read set) {
            super(Type.BOOLEAN, element);
            this.set = set;
        }

        @Override
        String signature() {
            return "in:" + set.signature();
        }

        @Override
        void evaluate(Chunk chunk) {
            Vector.Texts element = chunk.texts(input(0));
            Vector.Booleans out = chunk.booleans(this);
            TextSetColumn column = (TextSetColumn) set.column(chunk.columns);
            int firstWord = chunk.start >>> 6;
            for (int w = 0; w < chunk.words; w++) {
                long invalid = column == null || column.invalid == null ? 0L : column.invalid[firstWord + w];
                long failed = element.failed[w] | invalid;
                out.failed[w] = failed;
                out.known[w] = element.known[w] & (column == null ? 0L : column.known[firstWord + w]) & ~failed;
            }
            if (column == null) {
                Arrays.fill(out.truth, 0, chunk.words, 0L);
                return;
            }
            int stride = column.wordsPerRow;
            long[] bits = column.bits;
            int[] bitOfId = column.bitOfId;
            for (int w = 0; w < chunk.words; w++) {
                long truth = 0;
                long rows = out.known[w];
                while (rows != 0) {
                    int bit = Long.numberOfTrailingZeros(rows);
                    rows &= rows - 1;
                    int row = (w << 6) + bit;
                    int id = element.ids[row];
                    int member = id < bitOfId.length ? bitOfId[id] : -1;
                    if (member >= 0 && (bits[(chunk.start + row) * stride + (member >>> 6)] & 1L << member) != 0) {
                        truth |= 1L << bit;
                    }
                }
                out.truth[w] = truth;
            }
        }
    }

    /** {@code element in set} for a set that is not a column. */
    static final class Member extends Node {
        Member(Node element, Node set) {
            super(Type.BOOLEAN, element, set);
        }

        @Override
        String signature() {
            return "in";
        }

        @Override
        void evaluate(Chunk chunk) {
            Vector.Texts element = chunk.texts(input(0));
            Vector.Sets set = chunk.sets(input(1));
            Vector.Booleans out = chunk.booleans(this);
            out.strict(chunk.words, element, set);
            for (int w = 0; w < chunk.words; w++) {
                long truth = 0;
                long rows = out.known[w];
                while (rows != 0) {
                    int bit = Long.numberOfTrailingZeros(rows);
                    rows &= rows - 1;
                    int row = (w << 6) + bit;
                    if (Arrays.binarySearch(set.members[row], element.ids[row]) >= 0) {
                        truth |= 1L << bit;
                    }
                }
                out.truth[w] = truth;
            }
        }
    }

    /** {@code count(column)}: the number of members. */
    static final class CountColumn extends Node {
        final Leaves.Read set;

        CountColumn(Leaves.Read set) {
            super(Type.NUMBER);
            this.set = set;
        }

        @Override
        String signature() {
            return "count:" + set.signature();
        }

        @Override
        void evaluate(Chunk chunk) {
            Vector.Numbers out = chunk.numbers(this);
            out.reset(0);
            TextSetColumn column = (TextSetColumn) set.column(chunk.columns);
            int firstWord = chunk.start >>> 6;
            for (int w = 0; w < chunk.words; w++) {
                out.known[w] = column == null ? 0L : column.known[firstWord + w];
                out.failed[w] = column == null || column.invalid == null ? 0L : column.invalid[firstWord + w];
            }
            if (column == null) {
                return;
            }
            int stride = column.wordsPerRow;
            for (int row = 0; row < chunk.length; row++) {
                int count = 0;
                int from = (chunk.start + row) * stride;
                for (int i = 0; i < stride; i++) {
                    count += Long.bitCount(column.bits[from + i]);
                }
                out.unscaled[row] = count;
            }
        }
    }

    /** {@code count(s)} of a set that is not a column. */
    static final class Count extends Node {
        Count(Node set) {
            super(Type.NUMBER, set);
        }

        @Override
        String signature() {
            return "count";
        }

        @Override
        void evaluate(Chunk chunk) {
            Vector.Sets set = chunk.sets(input(0));
            Vector.Numbers out = chunk.numbers(this);
            out.strict(chunk.words, set);
            out.reset(0);
            for (int row = 0; row < chunk.length; row++) {
                out.unscaled[row] = out.isKnown(row) ? set.members[row].length : 0;
            }
        }
    }

    /** {@code [a, b, …]} with elements that are not all literals: the set of their values. */
    static final class Build extends Node {
        Build(Node... elements) {
            super(Type.SET, elements);
        }

        @Override
        String signature() {
            return "set";
        }

        @Override
        void evaluate(Chunk chunk) {
            Vector[] elements = inputs.stream().map(chunk::vector).toArray(Vector[]::new);
            Vector.Sets out = chunk.sets(this);
            out.strict(chunk.words, elements);
            for (int row = 0; row < chunk.length; row++) {
                if (!out.isKnown(row)) {
                    out.members[row] = null;
                    continue;
                }
                int[] ids = new int[elements.length];
                for (int i = 0; i < elements.length; i++) {
                    ids[i] = ((Vector.Texts) elements[i]).ids[row];
                }
                out.members[row] = Arrays.stream(ids).sorted().distinct().toArray();
            }
        }
    }
}
