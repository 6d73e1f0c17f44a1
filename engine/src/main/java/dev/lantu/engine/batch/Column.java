package dev.lantu.engine.batch;

import dev.lantu.engine.eval.Value;
import dev.lantu.engine.lang.Type;
import java.util.Optional;

/**
 * The values of one variable (in one year, for a yearly variable) for every enterprise of a set of
 * {@link EnterpriseColumns}, in a primitive array, with a bitmap of the rows whose value is known:
 * an unknown value is not zero or false, and its row's bit is clear. A column is written through
 * its setters while its {@link EnterpriseColumns.Builder} is open and is read-only once built.
 */
public abstract sealed class Column permits MoneyColumn, NumberColumn, BooleanColumn, DateColumn, TextColumn,
        TextSetColumn {

    final String name;
    final int rows;
    /** Bit {@code row % 64} of word {@code row / 64} is set when the row's value is known. */
    final long[] known;
    /**
     * Rows whose profile gave a value of the wrong type, which the reference evaluator reports as an
     * error when it reads them; {@code null} when there are none.
     */
    long[] invalid;
    private boolean frozen;

    Column(String name, int rows, long[] known) {
        this.name = name;
        this.rows = rows;
        if (known != null && known.length < words(rows)) {
            throw new IllegalArgumentException(name + ": a bitmap of " + rows + " rows needs " + words(rows)
                    + " words, found " + known.length);
        }
        this.known = known == null ? new long[words(rows)] : known;
    }

    static int words(int rows) {
        return (rows + 63) >>> 6;
    }

    /** The language type of the values. */
    public abstract Type type();

    /** The variable and, for a yearly one, the year: {@code revenue[2024]}. */
    public String name() {
        return name;
    }

    public int size() {
        return rows;
    }

    public boolean isKnown(int row) {
        return (known[row >>> 6] & 1L << row) != 0;
    }

    /** Forgets the value of {@code row}: it becomes unknown. */
    public void setUnknown(int row) {
        writable(row);
        known[row >>> 6] &= ~(1L << row);
    }

    /** The value of {@code row} as the reference evaluator sees it; empty when unknown. */
    public abstract Optional<Value> value(int row);

    /** The bytes of the arrays that hold the column. */
    public abstract long sizeInBytes();

    long bitmapBytes() {
        return 8L * known.length + (invalid == null ? 0 : 8L * invalid.length);
    }

    void markKnown(int row) {
        known[row >>> 6] |= 1L << row;
    }

    void markInvalid(int row) {
        if (invalid == null) {
            invalid = new long[known.length];
        }
        invalid[row >>> 6] |= 1L << row;
        known[row >>> 6] &= ~(1L << row);
    }

    boolean isInvalid(int row) {
        return invalid != null && (invalid[row >>> 6] & 1L << row) != 0;
    }

    void writable(int row) {
        if (frozen) {
            throw new IllegalStateException(name + " belongs to built columns, which are read-only");
        }
        if (row < 0 || row >= rows) {
            throw new IndexOutOfBoundsException(name + " has rows 0 to " + (rows - 1) + ", not " + row);
        }
    }

    void freeze(TextDictionary dictionary) {
        frozen = true;
    }
}
