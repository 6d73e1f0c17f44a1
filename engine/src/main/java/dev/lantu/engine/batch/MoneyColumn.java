package dev.lantu.engine.batch;

import dev.lantu.engine.eval.Value;
import dev.lantu.engine.lang.Type;
import java.util.Optional;

/** Amounts in whole fen (分), one {@code long} per enterprise. */
public final class MoneyColumn extends Column {

    final long[] fen;

    MoneyColumn(String name, int rows, long[] fen, long[] known) {
        super(name, rows, known);
        if (fen != null && fen.length < rows) {
            throw new IllegalArgumentException(name + ": " + rows + " rows need " + rows + " amounts, found " + fen.length);
        }
        this.fen = fen == null ? new long[rows] : fen;
    }

    @Override
    public Type type() {
        return Type.MONEY;
    }

    public void set(int row, long fen) {
        writable(row);
        this.fen[row] = fen;
        markKnown(row);
    }

    /** The amount of a known row, in fen. */
    public long fen(int row) {
        return fen[row];
    }

    @Override
    public Optional<Value> value(int row) {
        return isKnown(row) ? Optional.of(Value.money(fen[row])) : Optional.empty();
    }

    @Override
    public long sizeInBytes() {
        return 8L * fen.length + bitmapBytes();
    }
}
