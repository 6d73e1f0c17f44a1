package dev.lantu.engine.batch;

import java.math.BigDecimal;
import java.util.Arrays;

/**
 * The values of one node for one chunk of rows, with two bitmaps: {@link #known} (the row has a
 * value) and {@link #failed} (the row's evaluation failed, as the reference evaluator's
 * {@code EvaluationError}). A row in neither is unknown. Failure is a state like unknown, so a
 * whole chunk evaluates without exceptions and each operator decides, row by row, whether a
 * failed operand reaches its result, as the reference evaluator's order of evaluation does.
 */
abstract class Vector {

    final long[] known;
    final long[] failed;

    Vector(int size) {
        known = new long[size >>> 6];
        failed = new long[size >>> 6];
    }

    final boolean isKnown(int row) {
        return (known[row >>> 6] & 1L << row) != 0;
    }

    final boolean isFailed(int row) {
        return (failed[row >>> 6] & 1L << row) != 0;
    }

    /** The row's evaluation failed: an error such as a division by zero. */
    final void fail(int row) {
        known[row >>> 6] &= ~(1L << row);
        failed[row >>> 6] |= 1L << row;
    }

    /**
     * The state of an operator that evaluates all its operands before anything else (arithmetic,
     * comparison, functions): failed where any operand failed, else known where all are known.
     */
    final void strict(int words, Vector... operands) {
        for (int w = 0; w < words; w++) {
            long anyFailed = 0;
            long allKnown = -1L;
            for (Vector operand : operands) {
                anyFailed |= operand.failed[w];
                allKnown &= operand.known[w];
            }
            failed[w] = anyFailed;
            known[w] = allKnown & ~anyFailed;
        }
    }

    final void strict(int words, Vector operand) {
        System.arraycopy(operand.failed, 0, failed, 0, words);
        System.arraycopy(operand.known, 0, known, 0, words);
    }

    final void strict(int words, Vector left, Vector right) {
        for (int w = 0; w < words; w++) {
            long anyFailed = left.failed[w] | right.failed[w];
            failed[w] = anyFailed;
            known[w] = left.known[w] & right.known[w] & ~anyFailed;
        }
    }

    /** Money in fen or dates in epoch days. */
    static final class Longs extends Vector {
        final long[] values;

        Longs(int size) {
            super(size);
            values = new long[size];
        }
    }

    /**
     * Exact decimals: {@code unscaled[row] / 10^scale}, one scale for the chunk, or {@code wide[row]}
     * where the fast form could not hold the value. {@link #wide} is allocated on first need.
     */
    static final class Numbers extends Vector {
        int scale;
        final long[] unscaled;
        BigDecimal[] wide;
        boolean anyWide;

        Numbers(int size) {
            super(size);
            unscaled = new long[size];
        }

        /** Starts a new evaluation: no row is wide. */
        void reset(int scale) {
            this.scale = scale;
            if (anyWide) {
                Arrays.fill(wide, null);
                anyWide = false;
            }
        }

        boolean isWide(int row) {
            return anyWide && wide[row] != null;
        }

        void setWide(int row, BigDecimal value) {
            if (wide == null) {
                wide = new BigDecimal[unscaled.length];
            }
            wide[row] = value;
            anyWide = true;
        }

        /** Sets a fast value, or the exact one when the fast path gave up. */
        void set(int row, long value, java.util.function.Supplier<BigDecimal> exact) {
            if (value == Decimals.FALLBACK) {
                setWide(row, exact.get());
            } else {
                unscaled[row] = value;
            }
        }

        BigDecimal decimal(int row) {
            return isWide(row) ? wide[row] : BigDecimal.valueOf(unscaled[row], scale);
        }

        boolean isZero(int row) {
            return isWide(row) ? wide[row].signum() == 0 : unscaled[row] == 0;
        }
    }

    /** Conditions: {@link #truth} is set where the row is known and true, clear everywhere else. */
    static final class Booleans extends Vector {
        final long[] truth;

        Booleans(int size) {
            super(size);
            truth = new long[size >>> 6];
        }
    }

    /** Texts as dictionary ids (a run gives texts the dictionary lacks ids past its end). */
    static final class Texts extends Vector {
        final int[] ids;

        Texts(int size) {
            super(size);
            ids = new int[size];
        }
    }

    /** Sets of texts as ascending arrays of ids: the general form, for what the set column's bits cannot answer. */
    static final class Sets extends Vector {
        final int[][] members;

        Sets(int size) {
            super(size);
            members = new int[size][];
        }
    }
}
