package dev.lantu.engine.batch;

import dev.lantu.engine.eval.Value;
import dev.lantu.engine.lang.Type;
import java.util.Optional;

/** Texts as ids of the columns' {@link TextDictionary}, one {@code int} per enterprise. */
public final class TextColumn extends Column {

    final int[] ids;
    private final TextDictionary dictionary;

    TextColumn(String name, int rows, int[] ids, long[] known, TextDictionary dictionary) {
        super(name, rows, known);
        if (ids != null && ids.length < rows) {
            throw new IllegalArgumentException(name + ": " + rows + " rows need " + rows + " ids, found " + ids.length);
        }
        this.ids = ids == null ? new int[rows] : ids;
        this.dictionary = dictionary;
    }

    @Override
    public Type type() {
        return Type.TEXT;
    }

    public void set(int row, String text) {
        setId(row, dictionary.id(text));
    }

    /** Sets the text whose id in the columns' dictionary is {@code id}. */
    public void setId(int row, int id) {
        writable(row);
        if (id < 0 || id >= dictionary.size()) {
            throw new IllegalArgumentException(name + ": no text has id " + id + " in the dictionary");
        }
        ids[row] = id;
        markKnown(row);
    }

    @Override
    public Optional<Value> value(int row) {
        return isKnown(row) ? Optional.of(Value.text(dictionary.text(ids[row]))) : Optional.empty();
    }

    @Override
    void freeze(TextDictionary dictionary) {
        super.freeze(dictionary);
        for (int row = 0; row < rows; row++) {
            if (isKnown(row) && (ids[row] < 0 || ids[row] >= dictionary.size())) {
                throw new IllegalArgumentException(name + ": row " + row + " holds id " + ids[row]
                        + ", which the dictionary does not hold");
            }
        }
    }

    @Override
    public long sizeInBytes() {
        return 4L * ids.length + bitmapBytes();
    }
}
