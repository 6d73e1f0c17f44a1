package dev.lantu.engine.batch;

import dev.lantu.engine.eval.Value;
import dev.lantu.engine.lang.Type;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Exact decimals as {@code long} unscaled values at one scale for the whole column: with scale 2,
 * 1234 is 12.34; with scale 0 a head count is itself. A value that does not fit (too many decimal
 * places or digits) is kept apart as a {@link BigDecimal}, so the column is exact for any value and
 * compact for the usual ones.
 */
public final class NumberColumn extends Column {

    final int scale;
    final long[] unscaled;
    private final TreeMap<Integer, BigDecimal> wide = new TreeMap<>();
    /** After building: the rows held as {@link BigDecimal}, ascending, and their values. */
    int[] wideRows = new int[0];
    BigDecimal[] wideValues = new BigDecimal[0];

    NumberColumn(String name, int rows, int scale, long[] unscaled, long[] known) {
        super(name, rows, known);
        if (scale < 0 || scale > Decimals.MAX_SCALE) {
            throw new IllegalArgumentException(name + ": the scale of a number column is 0 to " + Decimals.MAX_SCALE
                    + ", not " + scale);
        }
        if (unscaled != null && unscaled.length < rows) {
            throw new IllegalArgumentException(name + ": " + rows + " rows need " + rows + " values, found "
                    + unscaled.length);
        }
        this.scale = scale;
        this.unscaled = unscaled == null ? new long[rows] : unscaled;
    }

    @Override
    public Type type() {
        return Type.NUMBER;
    }

    /** The number of decimal places of {@link #set(int, long)}'s values. */
    public int scale() {
        return scale;
    }

    /** Sets {@code unscaled / 10^scale()}. */
    public void set(int row, long unscaled) {
        writable(row);
        if (unscaled == Decimals.FALLBACK) {
            set(row, BigDecimal.valueOf(unscaled, scale));
            return;
        }
        this.unscaled[row] = unscaled;
        wide.remove(row);
        markKnown(row);
    }

    public void set(int row, BigDecimal value) {
        writable(row);
        long fitted = fit(value, scale);
        if (fitted == Decimals.FALLBACK) {
            wide.put(row, value);
        } else {
            unscaled[row] = fitted;
            wide.remove(row);
        }
        markKnown(row);
    }

    /** {@code value} as an unscaled long at {@code scale}, or {@link Decimals#FALLBACK} when it does not fit exactly. */
    static long fit(BigDecimal value, int scale) {
        BigDecimal stripped = value.stripTrailingZeros();
        if (stripped.scale() > scale) {
            return Decimals.FALLBACK;
        }
        BigDecimal scaled = stripped.setScale(scale);
        if (scaled.unscaledValue().bitLength() > 63) {
            return Decimals.FALLBACK;
        }
        return scaled.unscaledValue().longValue();
    }

    BigDecimal decimal(int row) {
        int at = Arrays.binarySearch(wideRows, row);
        return at >= 0 ? wideValues[at] : BigDecimal.valueOf(unscaled[row], scale);
    }

    @Override
    public Optional<Value> value(int row) {
        return isKnown(row) ? Optional.of(Value.number(decimal(row))) : Optional.empty();
    }

    @Override
    void freeze(TextDictionary dictionary) {
        super.freeze(dictionary);
        wideRows = wide.keySet().stream().mapToInt(Integer::intValue).toArray();
        wideValues = wide.values().toArray(BigDecimal[]::new);
        wide.clear();
    }

    @Override
    public long sizeInBytes() {
        return 8L * unscaled.length + bitmapBytes() + 4L * wideRows.length
                + Arrays.stream(wideValues).mapToLong(v -> 40 + v.unscaledValue().bitLength() / 8).sum();
    }
}
