package dev.lantu.engine.batch;

import dev.lantu.engine.lang.Operator;
import dev.lantu.engine.lang.Type;
import java.util.Arrays;

/**
 * Comparisons of two values of one type, and {@code min}, {@code max} and {@code clamp}. Amounts
 * and dates compare as {@code long}s, numbers by value whatever their scale (1.0 == 1), texts by
 * dictionary id, sets by their members.
 */
final class Comparison {

    private Comparison() {
    }

    /** The outcomes of {@code Long.compare} (-1, 0, 1, as bits 0, 1, 2) for which the operator holds. */
    static int accepted(Operator operator) {
        return switch (operator) {
            case LESS -> 0b001;
            case LESS_EQUAL -> 0b011;
            case EQUAL -> 0b010;
            case GREATER_EQUAL -> 0b110;
            case GREATER -> 0b100;
            case NOT_EQUAL -> 0b101;
            default -> throw new IllegalArgumentException("not a comparison: " + operator);
        };
    }

    static final class Compare extends Node {
        final Operator operator;
        final Type operands;
        private final int accepted;

        Compare(Operator operator, Node left, Node right) {
            super(Type.BOOLEAN, left, right);
            this.operator = operator;
            this.operands = left.type;
            this.accepted = accepted(operator);
        }

        @Override
        String signature() {
            return "compare:" + operator + ":" + operands;
        }

        @Override
        void evaluate(Chunk chunk) {
            Vector a = chunk.vector(input(0));
            Vector b = chunk.vector(input(1));
            Vector.Booleans out = chunk.booleans(this);
            out.strict(chunk.words, a, b);
            if (a instanceof Vector.Longs x) {
                longs(x.values, ((Vector.Longs) b).values, out, chunk);
            } else if (a instanceof Vector.Booleans x) {
                Vector.Booleans y = (Vector.Booleans) b;
                for (int w = 0; w < chunk.words; w++) {
                    long equal = ~(x.truth[w] ^ y.truth[w]);
                    out.truth[w] = (operator == Operator.EQUAL ? equal : ~equal) & out.known[w];
                }
            } else {
                others(a, b, out, chunk);
            }
        }

        private void longs(long[] x, long[] y, Vector.Booleans out, Chunk chunk) {
            int accept = accepted;
            for (int w = 0; w < chunk.words; w++) {
                int base = w << 6;
                int end = Math.min(64, x.length - base);
                long bits = 0;
                for (int bit = 0; bit < end; bit++) {
                    bits |= (long) (accept >>> Long.compare(x[base + bit], y[base + bit]) + 1 & 1) << bit;
                }
                out.truth[w] = bits & out.known[w];
            }
        }

        private void others(Vector a, Vector b, Vector.Booleans out, Chunk chunk) {
            for (int w = 0; w < chunk.words; w++) {
                long rows = out.known[w];
                long bits = 0;
                while (rows != 0) {
                    int bit = Long.numberOfTrailingZeros(rows);
                    rows &= rows - 1;
                    int row = (w << 6) + bit;
                    int order;
                    if (a instanceof Vector.Numbers x) {
                        order = Integer.signum(Arithmetic.compare(x, (Vector.Numbers) b, row));
                    } else if (a instanceof Vector.Texts x) {
                        order = x.ids[row] == ((Vector.Texts) b).ids[row] ? 0 : 1;
                    } else {
                        order = Arrays.equals(((Vector.Sets) a).members[row], ((Vector.Sets) b).members[row]) ? 0 : 1;
                    }
                    bits |= (long) (accepted >>> order + 1 & 1) << bit;
                }
                out.truth[w] = bits;
            }
        }
    }

    /** {@code min(a, b, …)} and {@code max(a, b, …)} of amounts, dates or numbers. */
    static final class Extreme extends Node {
        final boolean max;

        Extreme(Type type, boolean max, Node... operands) {
            super(type, operands);
            this.max = max;
        }

        @Override
        String signature() {
            return (max ? "max:" : "min:") + type;
        }

        @Override
        void evaluate(Chunk chunk) {
            Vector[] operands = inputs.stream().map(chunk::vector).toArray(Vector[]::new);
            Vector out = chunk.vector(this);
            out.strict(chunk.words, operands);
            if (out instanceof Vector.Longs result) {
                long[] values = result.values;
                System.arraycopy(((Vector.Longs) operands[0]).values, 0, values, 0, chunk.length);
                for (int i = 1; i < operands.length; i++) {
                    long[] next = ((Vector.Longs) operands[i]).values;
                    for (int row = 0; row < chunk.length; row++) {
                        values[row] = max ? Math.max(values[row], next[row]) : Math.min(values[row], next[row]);
                    }
                }
                return;
            }
            Vector.Numbers result = (Vector.Numbers) out;
            int scale = 0;
            for (Vector operand : operands) {
                scale = Math.max(scale, ((Vector.Numbers) operand).scale);
            }
            result.reset(scale);
            for (int w = 0; w < chunk.words; w++) {
                long rows = out.known[w];
                while (rows != 0) {
                    int row = (w << 6) + Long.numberOfTrailingZeros(rows);
                    rows &= rows - 1;
                    Vector.Numbers best = (Vector.Numbers) operands[0];
                    for (int i = 1; i < operands.length; i++) {
                        Vector.Numbers next = (Vector.Numbers) operands[i];
                        int order = Arithmetic.compare(next, best, row);
                        if (max ? order > 0 : order < 0) {
                            best = next;
                        }
                    }
                    Arithmetic.rescale(best, row, result);
                }
            }
        }
    }

    /** {@code clamp(x, low, high)}; a low bound above the high one fails the row. */
    static final class Clamp extends Node {
        Clamp(Type type, Node x, Node low, Node high) {
            super(type, x, low, high);
        }

        @Override
        String signature() {
            return "clamp:" + type;
        }

        @Override
        void evaluate(Chunk chunk) {
            Vector x = chunk.vector(input(0));
            Vector low = chunk.vector(input(1));
            Vector high = chunk.vector(input(2));
            Vector out = chunk.vector(this);
            out.strict(chunk.words, x, low, high);
            if (out instanceof Vector.Longs result) {
                long[] v = ((Vector.Longs) x).values;
                long[] lo = ((Vector.Longs) low).values;
                long[] hi = ((Vector.Longs) high).values;
                for (int row = 0; row < chunk.length; row++) {
                    result.values[row] = v[row] < lo[row] ? lo[row] : v[row] > hi[row] ? hi[row] : v[row];
                    if (lo[row] > hi[row] && out.isKnown(row)) {
                        out.fail(row);
                    }
                }
                return;
            }
            Vector.Numbers result = (Vector.Numbers) out;
            Vector.Numbers value = (Vector.Numbers) x;
            Vector.Numbers lower = (Vector.Numbers) low;
            Vector.Numbers upper = (Vector.Numbers) high;
            result.reset(Math.max(value.scale, Math.max(lower.scale, upper.scale)));
            for (int w = 0; w < chunk.words; w++) {
                long rows = out.known[w];
                while (rows != 0) {
                    int row = (w << 6) + Long.numberOfTrailingZeros(rows);
                    rows &= rows - 1;
                    if (Arithmetic.compare(lower, upper, row) > 0) {
                        out.fail(row);
                    } else if (Arithmetic.compare(value, lower, row) < 0) {
                        Arithmetic.rescale(lower, row, result);
                    } else if (Arithmetic.compare(value, upper, row) > 0) {
                        Arithmetic.rescale(upper, row, result);
                    } else {
                        Arithmetic.rescale(value, row, result);
                    }
                }
            }
        }
    }
}
