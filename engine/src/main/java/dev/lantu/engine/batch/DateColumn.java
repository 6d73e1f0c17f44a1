package dev.lantu.engine.batch;

import dev.lantu.engine.eval.Value;
import dev.lantu.engine.lang.Type;
import java.time.LocalDate;
import java.util.Optional;

/** Dates as days since 1970-01-01 ({@link LocalDate#toEpochDay()}), one {@code long} per enterprise. */
public final class DateColumn extends Column {

    final long[] epochDays;

    DateColumn(String name, int rows, long[] epochDays, long[] known) {
        super(name, rows, known);
        if (epochDays != null && epochDays.length < rows) {
            throw new IllegalArgumentException(name + ": " + rows + " rows need " + rows + " dates, found "
                    + epochDays.length);
        }
        this.epochDays = epochDays == null ? new long[rows] : epochDays;
    }

    @Override
    public Type type() {
        return Type.DATE;
    }

    public void set(int row, LocalDate date) {
        setEpochDay(row, date.toEpochDay());
    }

    public void setEpochDay(int row, long epochDay) {
        writable(row);
        epochDays[row] = epochDay;
        markKnown(row);
    }

    @Override
    public Optional<Value> value(int row) {
        return isKnown(row) ? Optional.of(Value.date(LocalDate.ofEpochDay(epochDays[row]))) : Optional.empty();
    }

    @Override
    public long sizeInBytes() {
        return 8L * epochDays.length + bitmapBytes();
    }
}
