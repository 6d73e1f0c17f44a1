package dev.lantu.engine.batch;

import dev.lantu.engine.eval.Value;
import dev.lantu.engine.lang.Type;
import java.util.Optional;

/** Conditions, one bit per enterprise (bit {@code row % 64} of word {@code row / 64}). */
public final class BooleanColumn extends Column {

    final long[] bits;

    BooleanColumn(String name, int rows, long[] bits, long[] known) {
        super(name, rows, known);
        if (bits != null && bits.length < words(rows)) {
            throw new IllegalArgumentException(name + ": " + rows + " rows need " + words(rows) + " words, found "
                    + bits.length);
        }
        this.bits = bits == null ? new long[words(rows)] : bits;
    }

    @Override
    public Type type() {
        return Type.BOOLEAN;
    }

    public void set(int row, boolean value) {
        writable(row);
        if (value) {
            bits[row >>> 6] |= 1L << row;
        } else {
            bits[row >>> 6] &= ~(1L << row);
        }
        markKnown(row);
    }

    @Override
    public Optional<Value> value(int row) {
        return isKnown(row) ? Optional.of(Value.bool((bits[row >>> 6] & 1L << row) != 0)) : Optional.empty();
    }

    @Override
    public long sizeInBytes() {
        return 8L * bits.length + bitmapBytes();
    }
}
