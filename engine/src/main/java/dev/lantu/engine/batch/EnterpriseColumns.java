package dev.lantu.engine.batch;

import dev.lantu.engine.eval.Enterprise;
import dev.lantu.engine.eval.Value;
import dev.lantu.engine.lang.Schema;
import dev.lantu.engine.lang.Type;
import dev.lantu.engine.lang.Variable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The facts of many enterprises, one column per static variable and one per yearly variable and
 * year, for the {@link BatchPlan batch evaluator}. Row {@code i} of every column is the same
 * enterprise. A column the builder did not make is unknown for every enterprise, as is a year
 * outside {@code firstYear..lastYear}: unknown, never zero.
 *
 * <p>Two ways in: {@link #of} copies {@link Enterprise} profiles (tests, the calculator), and
 * {@link #builder} makes columns to be written cell by cell or adopts primitive arrays whole
 * (loading a registry, benchmarks).
 */
public final class EnterpriseColumns {

    private final Schema schema;
    private final int rows;
    private final int firstYear;
    private final int lastYear;
    private final TextDictionary dictionary;
    private final Map<String, Column> statics;
    private final Map<String, Column[]> yearly;

    private EnterpriseColumns(Builder builder) {
        this.schema = builder.schema;
        this.rows = builder.rows;
        this.firstYear = builder.firstYear;
        this.lastYear = builder.lastYear;
        this.dictionary = builder.dictionary;
        this.statics = Map.copyOf(builder.statics);
        this.yearly = Map.copyOf(builder.yearly);
    }

    /**
     * A builder of columns for {@code rows} enterprises whose yearly variables are held for the
     * years {@code firstYear} to {@code lastYear}.
     */
    public static Builder builder(Schema schema, int rows, int firstYear, int lastYear) {
        return new Builder(schema, rows, firstYear, lastYear);
    }

    /**
     * Columns holding every fact of {@code enterprises} that the schema declares, yearly ones for
     * the years {@code firstYear} to {@code lastYear}; row {@code i} is {@code enterprises.get(i)}.
     * A value of the wrong type is kept as such: a clause that reads it fails, as in the reference
     * evaluator.
     */
    public static EnterpriseColumns of(Schema schema, int firstYear, int lastYear, List<? extends Enterprise> enterprises) {
        Builder builder = builder(schema, enterprises.size(), firstYear, lastYear);
        for (Variable variable : schema.variables()) {
            if (variable.isYearly()) {
                for (int year = firstYear; year <= lastYear; year++) {
                    int at = year;
                    builder.copy(variable, year, enterprises, e -> e.fact(variable.name(), at));
                }
            } else {
                builder.copy(variable, null, enterprises, e -> e.fact(variable.name()));
            }
        }
        return builder.build();
    }

    public Schema schema() {
        return schema;
    }

    /** The number of enterprises. */
    public int size() {
        return rows;
    }

    public int firstYear() {
        return firstYear;
    }

    public int lastYear() {
        return lastYear;
    }

    public TextDictionary dictionary() {
        return dictionary;
    }

    /** The column of a static variable; empty when it was not made. */
    public Optional<Column> column(String variable) {
        return Optional.ofNullable(statics.get(variable));
    }

    /** The column of a yearly variable in {@code year}; empty when it was not made or the year is not held. */
    public Optional<Column> column(String variable, int year) {
        Column[] byYear = yearly.get(variable);
        if (byYear == null || year < firstYear || year > lastYear) {
            return Optional.empty();
        }
        return Optional.ofNullable(byYear[year - firstYear]);
    }

    /** Row {@code row} as a profile, for the reference evaluator: what the columns know of that enterprise. */
    public Enterprise enterprise(int row) {
        if (row < 0 || row >= rows) {
            throw new IndexOutOfBoundsException("the columns hold rows 0 to " + (rows - 1) + ", not " + row);
        }
        return new Enterprise() {
            @Override
            public Optional<Value> fact(String variable) {
                return column(variable).flatMap(c -> c.value(row));
            }

            @Override
            public Optional<Value> fact(String variable, int year) {
                return column(variable, year).flatMap(c -> c.value(row));
            }
        };
    }

    /** The bytes of every column's arrays and bitmaps: the raw size of the data. */
    public long sizeInBytes() {
        long bytes = 0;
        for (Column column : statics.values()) {
            bytes += column.sizeInBytes();
        }
        for (Column[] byYear : yearly.values()) {
            for (Column column : byYear) {
                bytes += column == null ? 0 : column.sizeInBytes();
            }
        }
        return bytes;
    }

    /**
     * Makes the columns. Each column is made once, by one of the typed methods; {@code year} is
     * {@code null} for a static variable and a year of the range for a yearly one. A method called
     * again for the same column returns the column already made. The {@code put…} methods adopt
     * the caller's arrays without copying; their {@code known} bitmap (bit {@code row % 64} of word
     * {@code row / 64}) may be {@code null}, meaning every row is known. After {@link #build()} the
     * columns are read-only.
     */
    public static final class Builder {
        private final Schema schema;
        private final int rows;
        private final int firstYear;
        private final int lastYear;
        private final TextDictionary dictionary = new TextDictionary();
        private final Map<String, Column> statics = new LinkedHashMap<>();
        private final Map<String, Column[]> yearly = new LinkedHashMap<>();
        private boolean built;

        private Builder(Schema schema, int rows, int firstYear, int lastYear) {
            if (rows < 0) {
                throw new IllegalArgumentException("a number of enterprises cannot be negative: " + rows);
            }
            if (lastYear < firstYear) {
                throw new IllegalArgumentException("the last year " + lastYear + " is before the first " + firstYear);
            }
            this.schema = schema;
            this.rows = rows;
            this.firstYear = firstYear;
            this.lastYear = lastYear;
        }

        /** The dictionary the text and set columns share; {@link TextDictionary#id} gives the ids of {@link TextColumn#setId}. */
        public TextDictionary dictionary() {
            return dictionary;
        }

        public MoneyColumn money(String variable, Integer year) {
            return (MoneyColumn) make(variable, year, Type.MONEY, name -> new MoneyColumn(name, rows, null, null));
        }

        public MoneyColumn putMoney(String variable, Integer year, long[] fen, long[] known) {
            return (MoneyColumn) put(variable, year, Type.MONEY, name -> new MoneyColumn(name, rows, fen, known(known)));
        }

        /** A number column whose values {@link NumberColumn#set(int, long)} sets at {@code scale} decimal places. */
        public NumberColumn number(String variable, Integer year, int scale) {
            return (NumberColumn) make(variable, year, Type.NUMBER, name -> new NumberColumn(name, rows, scale, null, null));
        }

        /** Adopts {@code unscaled}: row {@code i} holds {@code unscaled[i] / 10^scale}. */
        public NumberColumn putNumber(String variable, Integer year, int scale, long[] unscaled, long[] known) {
            for (int row = 0; row < Math.min(rows, unscaled.length); row++) {
                if (unscaled[row] == Decimals.FALLBACK) {
                    throw new IllegalArgumentException(variable + ": row " + row + " holds Long.MIN_VALUE; set it with "
                            + "NumberColumn.set(row, BigDecimal)");
                }
            }
            return (NumberColumn) put(variable, year, Type.NUMBER,
                    name -> new NumberColumn(name, rows, scale, unscaled, known(known)));
        }

        public BooleanColumn bool(String variable, Integer year) {
            return (BooleanColumn) make(variable, year, Type.BOOLEAN, name -> new BooleanColumn(name, rows, null, null));
        }

        /** Adopts {@code bits}: row {@code i} is true when bit {@code i % 64} of word {@code i / 64} is set. */
        public BooleanColumn putBool(String variable, Integer year, long[] bits, long[] known) {
            return (BooleanColumn) put(variable, year, Type.BOOLEAN,
                    name -> new BooleanColumn(name, rows, bits, known(known)));
        }

        public DateColumn date(String variable, Integer year) {
            return (DateColumn) make(variable, year, Type.DATE, name -> new DateColumn(name, rows, null, null));
        }

        /** Adopts {@code epochDays}: days since 1970-01-01. */
        public DateColumn putDate(String variable, Integer year, long[] epochDays, long[] known) {
            return (DateColumn) put(variable, year, Type.DATE, name -> new DateColumn(name, rows, epochDays, known(known)));
        }

        public TextColumn text(String variable, Integer year) {
            return (TextColumn) make(variable, year, Type.TEXT, name -> new TextColumn(name, rows, null, null, dictionary));
        }

        /** Adopts {@code ids}, ids of {@link #dictionary()}. */
        public TextColumn putText(String variable, Integer year, int[] ids, long[] known) {
            return (TextColumn) put(variable, year, Type.TEXT,
                    name -> new TextColumn(name, rows, ids, known(known), dictionary));
        }

        /** A set column whose sets hold some of {@code members}. */
        public TextSetColumn textSet(String variable, Integer year, List<String> members) {
            return (TextSetColumn) make(variable, year, Type.SET,
                    name -> new TextSetColumn(name, rows, members, null, null, dictionary));
        }

        /**
         * Adopts {@code bits}: {@code ceil(members / 64)} words per row (at least one), bit {@code j}
         * of a row standing for {@code members.get(j)}; with up to 64 members, one mask per row.
         */
        public TextSetColumn putTextSet(String variable, Integer year, List<String> members, long[] bits, long[] known) {
            return (TextSetColumn) put(variable, year, Type.SET,
                    name -> new TextSetColumn(name, rows, members, bits, known(known), dictionary));
        }

        /** A bitmap with every row known. */
        private long[] known(long[] known) {
            if (known != null) {
                return known;
            }
            long[] all = new long[Column.words(rows)];
            Arrays.fill(all, -1L);
            if ((rows & 63) != 0) {
                all[all.length - 1] = (1L << rows) - 1;
            }
            return all;
        }

        private Column make(String variable, Integer year, Type type, Function<String, Column> maker) {
            Column existing = find(variable, year, type);
            return existing != null ? existing : store(variable, year, maker.apply(name(variable, year)));
        }

        private Column put(String variable, Integer year, Type type, Function<String, Column> maker) {
            if (find(variable, year, type) != null) {
                throw new IllegalStateException("the column " + name(variable, year) + " is already made");
            }
            return store(variable, year, maker.apply(name(variable, year)));
        }

        private static String name(String variable, Integer year) {
            return year == null ? variable : variable + "[" + year + "]";
        }

        /** Checks the column against the schema; the column when it is already made. */
        private Column find(String variable, Integer year, Type type) {
            if (built) {
                throw new IllegalStateException("the columns are built; make a new builder");
            }
            Variable declared = schema.variable(variable).orElseThrow(() -> new IllegalArgumentException(
                    "the schema declares no variable " + variable + "; it declares " + schema.names()));
            if (declared.type() != type) {
                throw new IllegalArgumentException(variable + " is " + declared.type() + " in the schema, not " + type);
            }
            if (declared.isYearly() && year == null) {
                throw new IllegalArgumentException(variable + " is yearly: give the year of the column");
            }
            if (!declared.isYearly() && year != null) {
                throw new IllegalArgumentException(variable + " is static: it has one column, without a year");
            }
            if (year != null && (year < firstYear || year > lastYear)) {
                throw new IllegalArgumentException(name(variable, year) + " is outside the years " + firstYear + " to "
                        + lastYear + " of the columns");
            }
            if (year == null) {
                return statics.get(variable);
            }
            Column[] byYear = yearly.get(variable);
            return byYear == null ? null : byYear[year - firstYear];
        }

        private Column store(String variable, Integer year, Column column) {
            if (year == null) {
                statics.put(variable, column);
            } else {
                yearly.computeIfAbsent(variable, v -> new Column[lastYear - firstYear + 1])[year - firstYear] = column;
            }
            return column;
        }

        /** Copies one fact of every enterprise into a new column. */
        private void copy(Variable variable, Integer year, List<? extends Enterprise> enterprises,
                          Function<Enterprise, Optional<Value>> fact) {
            List<Value> values = new ArrayList<>(enterprises.size());
            for (Enterprise enterprise : enterprises) {
                values.add(fact.apply(enterprise).filter(v -> !v.isUnknown()).orElse(null));
            }
            if (values.stream().allMatch(v -> v == null)) {
                return;
            }
            Column column = switch (variable.type()) {
                case MONEY -> money(variable.name(), year);
                case NUMBER -> number(variable.name(), year, scaleOf(values));
                case BOOLEAN -> bool(variable.name(), year);
                case DATE -> date(variable.name(), year);
                case TEXT -> text(variable.name(), year);
                case SET -> textSet(variable.name(), year, membersOf(values));
            };
            for (int row = 0; row < values.size(); row++) {
                Value value = values.get(row);
                if (value == null) {
                    continue;
                }
                if (value.type() != variable.type()) {
                    column.markInvalid(row);
                    continue;
                }
                if (column instanceof MoneyColumn money) {
                    money.set(row, ((Value.Money) value).fen());
                } else if (column instanceof NumberColumn number) {
                    number.set(row, ((Value.NumberValue) value).value());
                } else if (column instanceof BooleanColumn bool) {
                    bool.set(row, ((Value.BooleanValue) value).value());
                } else if (column instanceof DateColumn date) {
                    date.set(row, ((Value.DateValue) value).value());
                } else if (column instanceof TextColumn text) {
                    text.set(row, ((Value.Text) value).value());
                } else {
                    ((TextSetColumn) column).set(row, ((Value.TextSet) value).members());
                }
            }
        }

        /** The fewest decimal places that hold every value, at most {@link Decimals#MAX_SCALE}. */
        private static int scaleOf(List<Value> values) {
            int scale = 0;
            for (Value value : values) {
                if (value instanceof Value.NumberValue number) {
                    scale = Math.max(scale, Math.min(Decimals.MAX_SCALE, number.value().stripTrailingZeros().scale()));
                }
            }
            return scale;
        }

        private static List<String> membersOf(List<Value> values) {
            Set<String> members = new LinkedHashSet<>();
            for (Value value : values) {
                if (value instanceof Value.TextSet set) {
                    set.members().stream().sorted().forEach(members::add);
                }
            }
            return List.copyOf(members);
        }

        public EnterpriseColumns build() {
            if (built) {
                throw new IllegalStateException("the columns are built already");
            }
            built = true;
            dictionary.freeze();
            statics.values().forEach(c -> c.freeze(dictionary));
            yearly.values().forEach(byYear -> {
                for (Column column : byYear) {
                    if (column != null) {
                        column.freeze(dictionary);
                    }
                }
            });
            return new EnterpriseColumns(this);
        }
    }
}
