package dev.lantu.bench.policies;

import dev.lantu.engine.eval.Value;
import dev.lantu.engine.lang.Schema;
import dev.lantu.engine.lang.Variable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Enterprises held column by column in primitive arrays, one column per static variable and one per
 * yearly variable and year ({@code revenue_2024}). An unknown fact is a sentinel in its column, never
 * zero or false. Every contestant reads the same table: the hand-written loop and the batch evaluator
 * the arrays, Lantu's single evaluator a row view ({@link #row}), the databases a copy loaded from it.
 */
public final class EnterpriseTable {

    /** The years of every yearly variable; the application year is the last. */
    public static final int FIRST_YEAR = 2023;
    public static final int LAST_YEAR = 2025;

    private final int size;
    private final Schema schema;
    private final Map<String, Column> columns;

    EnterpriseTable(int size, Schema schema, Map<String, Column> columns) {
        this.size = size;
        this.schema = schema;
        this.columns = Collections.unmodifiableMap(new LinkedHashMap<>(columns));
    }

    public int size() {
        return size;
    }

    public Schema schema() {
        return schema;
    }

    /** Columns by name, in the schema's order: {@code district}, …, {@code revenue_2023}, {@code revenue_2024}, … */
    public Map<String, Column> columns() {
        return columns;
    }

    public static String columnName(Variable variable, Integer year) {
        return year == null ? variable.name() : variable.name() + "_" + year;
    }

    public Column column(String variable) {
        return required(variable);
    }

    public Column column(String variable, int year) {
        return required(variable + "_" + year);
    }

    public MoneyColumn money(String variable, int year) {
        return (MoneyColumn) column(variable, year);
    }

    public NumberColumn number(String variable, int year) {
        return (NumberColumn) column(variable, year);
    }

    private Column required(String name) {
        Column column = columns.get(name);
        if (column == null) {
            throw new IllegalArgumentException("the table has no column " + name + "; it has " + columns.keySet());
        }
        return column;
    }

    /** The bytes of all columns' arrays: what the data costs before any engine copies it. */
    public long rawBytes() {
        return columns.values().stream().mapToLong(Column::bytes).sum();
    }

    /** Row {@code row} as an enterprise profile for the single evaluator; reads go straight to the arrays. */
    public RowEnterprise row(int row) {
        return new RowEnterprise(this, row);
    }

    /** One column; {@link #value} gives the engine's value, or {@code null} when the fact is unknown. */
    public sealed interface Column {
        boolean known(int row);

        Value value(int row);

        long bytes();
    }

    /** Amounts in fen; {@link #UNKNOWN} where the fact is missing. */
    public record MoneyColumn(long[] fen) implements Column {
        public static final long UNKNOWN = Long.MIN_VALUE;

        public boolean known(int row) {
            return fen[row] != UNKNOWN;
        }

        public Value value(int row) {
            return known(row) ? Value.money(fen[row]) : null;
        }

        public long bytes() {
            return 8L * fen.length;
        }
    }

    /** Whole numbers (people, patents, tons); {@link #UNKNOWN} where the fact is missing. */
    public record NumberColumn(int[] values) implements Column {
        public static final int UNKNOWN = Integer.MIN_VALUE;

        public boolean known(int row) {
            return values[row] != UNKNOWN;
        }

        public Value value(int row) {
            return known(row) ? Value.number(values[row]) : null;
        }

        public long bytes() {
            return 4L * values.length;
        }
    }

    /** 1 true, 0 false, {@link #UNKNOWN} missing. */
    public record BooleanColumn(byte[] values) implements Column {
        public static final byte UNKNOWN = -1;

        public boolean known(int row) {
            return values[row] != UNKNOWN;
        }

        public Value value(int row) {
            return known(row) ? Value.bool(values[row] == 1) : null;
        }

        public long bytes() {
            return values.length;
        }
    }

    /** Days since 1970-01-01; {@link #UNKNOWN} where the fact is missing. */
    public record DateColumn(int[] epochDays) implements Column {
        public static final int UNKNOWN = Integer.MIN_VALUE;

        public boolean known(int row) {
            return epochDays[row] != UNKNOWN;
        }

        public Value value(int row) {
            return known(row) ? Value.date(LocalDate.ofEpochDay(epochDays[row])) : null;
        }

        public long bytes() {
            return 4L * epochDays.length;
        }
    }

    /** Codes into a dictionary of texts; {@link #UNKNOWN} where the fact is missing. */
    public record TextColumn(int[] codes, List<String> dictionary) implements Column {
        public static final int UNKNOWN = -1;

        public boolean known(int row) {
            return codes[row] != UNKNOWN;
        }

        public Value value(int row) {
            return known(row) ? Value.text(dictionary.get(codes[row])) : null;
        }

        public String text(int row) {
            return known(row) ? dictionary.get(codes[row]) : null;
        }

        public int code(String text) {
            int code = dictionary.indexOf(text);
            if (code < 0) {
                throw new IllegalArgumentException(text + " is not among " + dictionary);
            }
            return code;
        }

        public long bytes() {
            return 4L * codes.length;
        }
    }

    /**
     * Sets of texts as bit masks over a dictionary of at most 62 members; {@link #UNKNOWN} where the
     * fact is missing. The sets are shared per mask, so a row view allocates none.
     */
    public static final class SetColumn implements Column {
        public static final long UNKNOWN = -1L;

        private final long[] masks;
        private final List<String> dictionary;
        private final Map<Long, Set<String>> sets = new java.util.concurrent.ConcurrentHashMap<>();
        private final Map<Long, Value> values = new java.util.concurrent.ConcurrentHashMap<>();

        public SetColumn(long[] masks, List<String> dictionary) {
            if (dictionary.size() > 62) {
                throw new IllegalArgumentException("a set column holds at most 62 members, not " + dictionary.size());
            }
            this.masks = masks;
            this.dictionary = List.copyOf(dictionary);
        }

        public long[] masks() {
            return masks;
        }

        public List<String> dictionary() {
            return dictionary;
        }

        public long bit(String member) {
            int index = dictionary.indexOf(member);
            if (index < 0) {
                throw new IllegalArgumentException(member + " is not among " + dictionary);
            }
            return 1L << index;
        }

        public boolean known(int row) {
            return masks[row] != UNKNOWN;
        }

        public Value value(int row) {
            return known(row) ? values.computeIfAbsent(masks[row], mask -> Value.set(members(mask))) : null;
        }

        /** The members of row {@code row}, or {@code null} when unknown. */
        public Set<String> set(int row) {
            return known(row) ? sets.computeIfAbsent(masks[row], mask -> Set.copyOf(members(mask))) : null;
        }

        private List<String> members(long mask) {
            List<String> members = new ArrayList<>();
            for (int i = 0; i < dictionary.size(); i++) {
                if ((mask & (1L << i)) != 0) {
                    members.add(dictionary.get(i));
                }
            }
            return members;
        }

        public long bytes() {
            return 8L * masks.length;
        }
    }
}
