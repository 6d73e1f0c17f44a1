package dev.lantu.engine.batch;

import dev.lantu.engine.eval.Value;
import dev.lantu.engine.lang.Type;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.stream.Collectors;

/** The nodes that read no other node: constants and the columns of the enterprises. */
final class Leaves {

    private Leaves() {
    }

    /**
     * A value that is the same for every enterprise: a literal, a parameter in force, or a
     * sub-expression of those, folded at compile time by the reference evaluator itself.
     * {@code value == null} is a sub-expression whose evaluation fails for everyone (a parameter
     * with no value in force, a division by a zero literal).
     */
    static final class Constant extends Node {
        final Value value;

        Constant(Type type, Value value) {
            super(type);
            this.value = value;
        }

        boolean fails() {
            return value == null;
        }

        @Override
        String signature() {
            if (value == null) {
                return "fails:" + type;
            }
            String shown = switch (type) {
                case NUMBER -> ((Value.NumberValue) value).value().toPlainString();
                case TEXT -> quote(((Value.Text) value).value());
                case SET -> ((Value.TextSet) value).members().stream().sorted().map(Leaves::quote)
                        .collect(Collectors.joining(","));
                default -> value.show();
            };
            return "constant:" + type + ":" + shown;
        }

        @Override
        boolean isInvariant() {
            return true;
        }

        @Override
        void evaluate(Chunk chunk) {
            Vector out = chunk.vector(this);
            if (value == null) {
                Arrays.fill(out.known, 0L);
                Arrays.fill(out.failed, -1L);
                return;
            }
            Arrays.fill(out.known, -1L);
            Arrays.fill(out.failed, 0L);
            switch (type) {
                case MONEY -> Arrays.fill(((Vector.Longs) out).values, ((Value.Money) value).fen());
                case DATE -> Arrays.fill(((Vector.Longs) out).values, ((Value.DateValue) value).value().toEpochDay());
                case BOOLEAN -> Arrays.fill(((Vector.Booleans) out).truth, ((Value.BooleanValue) value).value() ? -1L : 0L);
                case NUMBER -> fillNumber((Vector.Numbers) out, ((Value.NumberValue) value).value());
                case TEXT -> Arrays.fill(((Vector.Texts) out).ids, chunk.textIds.get(((Value.Text) value).value()));
                case SET -> Arrays.fill(((Vector.Sets) out).members, ((Value.TextSet) value).members().stream()
                        .mapToInt(chunk.textIds::get).sorted().toArray());
            }
        }

        private static void fillNumber(Vector.Numbers out, BigDecimal number) {
            int scale = Math.max(0, number.stripTrailingZeros().scale());
            long unscaled = scale > Decimals.MAX_SCALE ? Decimals.FALLBACK : NumberColumn.fit(number, scale);
            out.reset(Math.min(scale, Decimals.MAX_SCALE));
            if (unscaled == Decimals.FALLBACK) {
                for (int row = 0; row < out.unscaled.length; row++) {
                    out.setWide(row, number);
                }
            } else {
                Arrays.fill(out.unscaled, unscaled);
            }
        }
    }

    static String quote(String text) {
        return text.length() + ":" + text;
    }

    /**
     * The column of a variable (in a year, for a yearly one). A column the enterprises lack reads
     * as unknown for all of them; a value of the wrong type reads as a failure, as in the
     * reference evaluator.
     */
    static final class Read extends Node {
        final String variable;
        /** The calendar year read; {@code null} for a static variable. */
        final Integer year;

        Read(Type type, String variable, Integer year) {
            super(type);
            this.variable = variable;
            this.year = year;
        }

        @Override
        String signature() {
            return "read:" + variable + (year == null ? "" : "[" + year + "]");
        }

        Column column(EnterpriseColumns columns) {
            return (year == null ? columns.column(variable) : columns.column(variable, year)).orElse(null);
        }

        @Override
        void evaluate(Chunk chunk) {
            Column column = column(chunk.columns);
            Vector out = chunk.vector(this);
            int firstWord = chunk.start >>> 6;
            if (column == null) {
                Arrays.fill(out.known, 0, chunk.words, 0L);
                Arrays.fill(out.failed, 0, chunk.words, 0L);
                if (out instanceof Vector.Booleans bools) {
                    Arrays.fill(bools.truth, 0, chunk.words, 0L);
                } else if (out instanceof Vector.Numbers numbers) {
                    numbers.reset(0);
                }
                return;
            }
            System.arraycopy(column.known, firstWord, out.known, 0, chunk.words);
            if (column.invalid == null) {
                Arrays.fill(out.failed, 0, chunk.words, 0L);
            } else {
                System.arraycopy(column.invalid, firstWord, out.failed, 0, chunk.words);
            }
            if (column instanceof MoneyColumn money) {
                System.arraycopy(money.fen, chunk.start, ((Vector.Longs) out).values, 0, chunk.length);
            } else if (column instanceof DateColumn date) {
                System.arraycopy(date.epochDays, chunk.start, ((Vector.Longs) out).values, 0, chunk.length);
            } else if (column instanceof BooleanColumn bool) {
                long[] truth = ((Vector.Booleans) out).truth;
                for (int w = 0; w < chunk.words; w++) {
                    truth[w] = bool.bits[firstWord + w] & out.known[w];
                }
            } else if (column instanceof TextColumn text) {
                System.arraycopy(text.ids, chunk.start, ((Vector.Texts) out).ids, 0, chunk.length);
            } else if (column instanceof NumberColumn number) {
                readNumbers(number, chunk, (Vector.Numbers) out);
            } else {
                TextSetColumn set = (TextSetColumn) column;
                int[][] members = ((Vector.Sets) out).members;
                for (int row = 0; row < chunk.length; row++) {
                    members[row] = out.isKnown(row) ? set.ids(chunk.start + row) : null;
                }
            }
        }

        private static void readNumbers(NumberColumn column, Chunk chunk, Vector.Numbers out) {
            out.reset(column.scale);
            System.arraycopy(column.unscaled, chunk.start, out.unscaled, 0, chunk.length);
            int at = Arrays.binarySearch(column.wideRows, chunk.start);
            for (int i = at >= 0 ? at : -at - 1; i < column.wideRows.length
                    && column.wideRows[i] < chunk.start + chunk.length; i++) {
                out.setWide(column.wideRows[i] - chunk.start, column.wideValues[i]);
            }
        }
    }

    /** {@code has(v)}: whether the enterprise's profile holds v; never unknown. */
    static final class Has extends Node {
        final Read read;

        Has(Read read) {
            super(Type.BOOLEAN);
            this.read = read;
        }

        @Override
        String signature() {
            return "has:" + read.signature();
        }

        @Override
        void evaluate(Chunk chunk) {
            Column column = read.column(chunk.columns);
            Vector.Booleans out = chunk.booleans(this);
            int firstWord = chunk.start >>> 6;
            for (int w = 0; w < chunk.words; w++) {
                long invalid = column == null || column.invalid == null ? 0L : column.invalid[firstWord + w];
                out.failed[w] = invalid;
                out.known[w] = ~invalid;
                out.truth[w] = column == null ? 0L : column.known[firstWord + w];
            }
        }
    }
}
