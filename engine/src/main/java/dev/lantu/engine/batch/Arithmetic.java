package dev.lantu.engine.batch;

import dev.lantu.engine.lang.Type;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Arithmetic on amounts (whole fen in a {@code long}) and numbers (exact decimals), with the
 * reference evaluator's rules: amounts add exactly and an amount beyond a {@code long} fails the
 * row; amount × number and amount ÷ number are exact and rounded once, half-up, to the fen; a
 * quotient of numbers keeps {@value dev.lantu.engine.eval.Evaluator#NUMBER_SCALE} decimal places,
 * rounded half-up; dividing by zero fails the row. Each row takes the fast path on {@code long}s
 * and falls back to {@link BigDecimal} only where the fast path would overflow.
 */
final class Arithmetic {

    static final int QUOTIENT_SCALE = dev.lantu.engine.eval.Evaluator.NUMBER_SCALE;

    private Arithmetic() {
    }

    /** Orders two numbers of a row, whatever their scales and forms. */
    static int compare(Vector.Numbers a, Vector.Numbers b, int row) {
        if (!a.isWide(row) && !b.isWide(row)) {
            int order = Decimals.compare(a.unscaled[row], a.scale, b.unscaled[row], b.scale);
            if (order != Integer.MIN_VALUE) {
                return order;
            }
        }
        return a.decimal(row).compareTo(b.decimal(row));
    }

    /** Copies a row of {@code from} into {@code out}, whose scale is at least {@code from}'s. */
    static void rescale(Vector.Numbers from, int row, Vector.Numbers out) {
        if (from.isWide(row)) {
            out.setWide(row, from.wide[row]);
            return;
        }
        long value = Decimals.scaleUp(from.unscaled[row], out.scale - from.scale);
        if (value == Decimals.FALLBACK) {
            out.setWide(row, from.decimal(row));
        } else {
            out.unscaled[row] = value;
        }
    }

    /** A whole number of fen, or a failed row when it is beyond a {@code long}, as {@code longValueExact} would. */
    static void setFen(Vector.Longs out, int row, BigDecimal fen) {
        if (fen.unscaledValue().bitLength() > 63 || fen.scale() != 0) {
            out.fail(row);
        } else {
            out.values[row] = fen.longValueExact();
        }
    }

    static BigDecimal roundToFen(BigDecimal exact) {
        return exact.setScale(0, RoundingMode.HALF_UP);
    }

    /** {@code -x} and {@code abs(x)} of an amount or a number. */
    static final class Sign extends Node {
        final boolean absolute;

        Sign(Type type, boolean absolute, Node operand) {
            super(type, operand);
            this.absolute = absolute;
        }

        @Override
        String signature() {
            return (absolute ? "abs:" : "negate:") + type;
        }

        @Override
        void evaluate(Chunk chunk) {
            Vector in = chunk.vector(input(0));
            Vector out = chunk.vector(this);
            out.strict(chunk.words, in);
            if (in instanceof Vector.Longs amounts) {
                long[] values = ((Vector.Longs) out).values;
                for (int row = 0; row < chunk.length; row++) {
                    long x = amounts.values[row];
                    values[row] = absolute && x >= 0 ? x : -x;
                    if (x == Long.MIN_VALUE && out.isKnown(row)) {
                        out.fail(row);
                    }
                }
                return;
            }
            Vector.Numbers numbers = (Vector.Numbers) in;
            Vector.Numbers result = (Vector.Numbers) out;
            result.reset(numbers.scale);
            for (int row = 0; row < chunk.length; row++) {
                long x = numbers.unscaled[row];
                if (numbers.isWide(row) || x == Long.MIN_VALUE) {
                    BigDecimal exact = numbers.decimal(row);
                    result.setWide(row, absolute ? exact.abs() : exact.negate());
                } else {
                    result.unscaled[row] = absolute && x >= 0 ? x : -x;
                }
            }
        }
    }

    /** {@code a + b} and {@code a - b} of two amounts: exact, failing beyond a {@code long}. */
    static final class AddMoney extends Node {
        final boolean plus;

        AddMoney(boolean plus, Node left, Node right) {
            super(Type.MONEY, left, right);
            this.plus = plus;
        }

        @Override
        String signature() {
            return plus ? "plus:money" : "minus:money";
        }

        @Override
        void evaluate(Chunk chunk) {
            Vector.Longs a = chunk.longs(input(0));
            Vector.Longs b = chunk.longs(input(1));
            Vector.Longs out = chunk.longs(this);
            out.strict(chunk.words, a, b);
            long[] x = a.values;
            long[] y = b.values;
            long[] r = out.values;
            for (int row = 0; row < chunk.length; row++) {
                long sum = plus ? x[row] + y[row] : x[row] - y[row];
                r[row] = sum;
                long overflow = plus ? (x[row] ^ sum) & (y[row] ^ sum) : (x[row] ^ y[row]) & (x[row] ^ sum);
                if (overflow < 0 && out.isKnown(row)) {
                    out.fail(row);
                }
            }
        }
    }

    /** {@code a + b} and {@code a - b} of two numbers: exact. */
    static final class AddNumbers extends Node {
        final boolean plus;

        AddNumbers(boolean plus, Node left, Node right) {
            super(Type.NUMBER, left, right);
            this.plus = plus;
        }

        @Override
        String signature() {
            return plus ? "plus:number" : "minus:number";
        }

        @Override
        void evaluate(Chunk chunk) {
            Vector.Numbers a = chunk.numbers(input(0));
            Vector.Numbers b = chunk.numbers(input(1));
            Vector.Numbers out = chunk.numbers(this);
            out.strict(chunk.words, a, b);
            out.reset(Math.max(a.scale, b.scale));
            int shiftA = out.scale - a.scale;
            int shiftB = out.scale - b.scale;
            for (int row = 0; row < chunk.length; row++) {
                long result = Decimals.FALLBACK;
                if (!a.isWide(row) && !b.isWide(row)) {
                    long x = Decimals.scaleUp(a.unscaled[row], shiftA);
                    long y = Decimals.scaleUp(b.unscaled[row], shiftB);
                    if (x != Decimals.FALLBACK && y != Decimals.FALLBACK) {
                        result = plus ? Decimals.add(x, y) : Decimals.subtract(x, y);
                    }
                }
                if (result != Decimals.FALLBACK) {
                    out.unscaled[row] = result;
                } else if (out.isKnown(row)) {
                    out.setWide(row, plus ? a.decimal(row).add(b.decimal(row)) : a.decimal(row).subtract(b.decimal(row)));
                }
            }
        }
    }

    /** {@code a * b} of two numbers: exact. */
    static final class MultiplyNumbers extends Node {
        MultiplyNumbers(Node left, Node right) {
            super(Type.NUMBER, left, right);
        }

        @Override
        String signature() {
            return "times:number";
        }

        @Override
        void evaluate(Chunk chunk) {
            Vector.Numbers a = chunk.numbers(input(0));
            Vector.Numbers b = chunk.numbers(input(1));
            Vector.Numbers out = chunk.numbers(this);
            out.strict(chunk.words, a, b);
            int scale = a.scale + b.scale;
            boolean fast = scale <= Decimals.MAX_SCALE;
            out.reset(fast ? scale : 0);
            for (int row = 0; row < chunk.length; row++) {
                long result = fast && !a.isWide(row) && !b.isWide(row)
                        ? Decimals.multiply(a.unscaled[row], b.unscaled[row]) : Decimals.FALLBACK;
                if (result != Decimals.FALLBACK) {
                    out.unscaled[row] = result;
                } else if (out.isKnown(row)) {
                    out.setWide(row, a.decimal(row).multiply(b.decimal(row)));
                }
            }
        }
    }

    /** An amount times a number (either side), exact, then rounded half-up to the fen. */
    static final class MultiplyMoney extends Node {
        MultiplyMoney(Node amount, Node rate) {
            super(Type.MONEY, amount, rate);
        }

        @Override
        String signature() {
            return "times:money";
        }

        @Override
        void evaluate(Chunk chunk) {
            Vector.Longs amount = chunk.longs(input(0));
            Vector.Numbers rate = chunk.numbers(input(1));
            Vector.Longs out = chunk.longs(this);
            out.strict(chunk.words, amount, rate);
            int scale = rate.scale;
            long unit = Decimals.POW10[scale];
            for (int row = 0; row < chunk.length; row++) {
                long result = Decimals.FALLBACK;
                if (!rate.isWide(row)) {
                    long product = Decimals.multiply(amount.values[row], rate.unscaled[row]);
                    result = scale == 0 || product == Decimals.FALLBACK ? product : Decimals.divideRounded(product, unit);
                }
                if (result != Decimals.FALLBACK) {
                    out.values[row] = result;
                } else if (out.isKnown(row)) {
                    setFen(out, row, roundToFen(BigDecimal.valueOf(amount.values[row]).multiply(rate.decimal(row))));
                }
            }
        }
    }

    /**
     * Division: amount ÷ number is an amount rounded half-up to the fen, in one rounding; amount ÷
     * amount and number ÷ number are numbers to {@value #QUOTIENT_SCALE} places. A zero divisor
     * fails the row.
     */
    static final class Divide extends Node {
        final Type dividend;
        final Type divisor;

        Divide(Type type, Node left, Node right) {
            super(type, left, right);
            this.dividend = left.type;
            this.divisor = right.type;
        }

        @Override
        String signature() {
            return "divide:" + dividend + "/" + divisor;
        }

        @Override
        void evaluate(Chunk chunk) {
            Vector left = chunk.vector(input(0));
            Vector right = chunk.vector(input(1));
            Vector out = chunk.vector(this);
            out.strict(chunk.words, left, right);
            if (type == Type.MONEY) {
                moneyByNumber((Vector.Longs) left, (Vector.Numbers) right, (Vector.Longs) out, chunk);
            } else if (dividend == Type.MONEY) {
                moneyByMoney((Vector.Longs) left, (Vector.Longs) right, (Vector.Numbers) out, chunk);
            } else {
                numberByNumber((Vector.Numbers) left, (Vector.Numbers) right, (Vector.Numbers) out, chunk);
            }
        }

        private static void moneyByNumber(Vector.Longs amount, Vector.Numbers rate, Vector.Longs out, Chunk chunk) {
            for (int w = 0; w < chunk.words; w++) {
                long rows = out.known[w];
                while (rows != 0) {
                    int row = (w << 6) + Long.numberOfTrailingZeros(rows);
                    rows &= rows - 1;
                    if (rate.isZero(row)) {
                        out.fail(row);
                        continue;
                    }
                    long result = rate.isWide(row) ? Decimals.FALLBACK
                            : Decimals.quotient(amount.values[row], rate.unscaled[row], rate.scale);
                    if (result != Decimals.FALLBACK) {
                        out.values[row] = result;
                    } else {
                        setFen(out, row, BigDecimal.valueOf(amount.values[row]).divide(rate.decimal(row), 0,
                                RoundingMode.HALF_UP));
                    }
                }
            }
        }

        private static void moneyByMoney(Vector.Longs a, Vector.Longs b, Vector.Numbers out, Chunk chunk) {
            out.reset(QUOTIENT_SCALE);
            for (int w = 0; w < chunk.words; w++) {
                long rows = out.known[w];
                while (rows != 0) {
                    int row = (w << 6) + Long.numberOfTrailingZeros(rows);
                    rows &= rows - 1;
                    if (b.values[row] == 0) {
                        out.fail(row);
                        continue;
                    }
                    long result = Decimals.quotient(a.values[row], b.values[row], QUOTIENT_SCALE);
                    if (result != Decimals.FALLBACK) {
                        out.unscaled[row] = result;
                    } else {
                        out.setWide(row, BigDecimal.valueOf(a.values[row]).divide(BigDecimal.valueOf(b.values[row]),
                                QUOTIENT_SCALE, RoundingMode.HALF_UP));
                    }
                }
            }
        }

        private static void numberByNumber(Vector.Numbers a, Vector.Numbers b, Vector.Numbers out, Chunk chunk) {
            out.reset(QUOTIENT_SCALE);
            int shift = QUOTIENT_SCALE + b.scale - a.scale;
            for (int w = 0; w < chunk.words; w++) {
                long rows = out.known[w];
                while (rows != 0) {
                    int row = (w << 6) + Long.numberOfTrailingZeros(rows);
                    rows &= rows - 1;
                    if (b.isZero(row)) {
                        out.fail(row);
                        continue;
                    }
                    long result = Decimals.FALLBACK;
                    if (!a.isWide(row) && !b.isWide(row)) {
                        result = shift >= 0 ? Decimals.quotient(a.unscaled[row], b.unscaled[row], shift)
                                : Decimals.quotient(a.unscaled[row], Decimals.scaleUp(b.unscaled[row], -shift), 0);
                    }
                    if (result != Decimals.FALLBACK) {
                        out.unscaled[row] = result;
                    } else {
                        out.setWide(row, a.decimal(row).divide(b.decimal(row), QUOTIENT_SCALE, RoundingMode.HALF_UP));
                    }
                }
            }
        }
    }

    /**
     * {@code growth(v, n)}: v this year over v n years before, minus one, to
     * {@value #QUOTIENT_SCALE} places; growth from zero fails the row.
     */
    static final class Growth extends Node {
        Growth(Node now, Node then) {
            super(Type.NUMBER, now, then);
        }

        @Override
        String signature() {
            return "growth";
        }

        @Override
        void evaluate(Chunk chunk) {
            Vector now = chunk.vector(input(0));
            Vector then = chunk.vector(input(1));
            Vector.Numbers out = chunk.numbers(this);
            out.strict(chunk.words, now, then);
            out.reset(QUOTIENT_SCALE);
            for (int w = 0; w < chunk.words; w++) {
                long rows = out.known[w];
                while (rows != 0) {
                    int row = (w << 6) + Long.numberOfTrailingZeros(rows);
                    rows &= rows - 1;
                    if (now instanceof Vector.Longs amounts) {
                        money(amounts.values[row], ((Vector.Longs) then).values[row], out, row);
                    } else {
                        number((Vector.Numbers) now, (Vector.Numbers) then, out, row);
                    }
                }
            }
        }

        private static void money(long current, long base, Vector.Numbers out, int row) {
            if (base == 0) {
                out.fail(row);
                return;
            }
            long difference = Decimals.subtract(current, base);
            long result = difference == Decimals.FALLBACK ? Decimals.FALLBACK
                    : Decimals.quotient(difference, base, QUOTIENT_SCALE);
            if (result != Decimals.FALLBACK) {
                out.unscaled[row] = result;
            } else {
                out.setWide(row, ratio(BigDecimal.valueOf(current), BigDecimal.valueOf(base)));
            }
        }

        private static void number(Vector.Numbers now, Vector.Numbers then, Vector.Numbers out, int row) {
            if (then.isZero(row)) {
                out.fail(row);
                return;
            }
            long result = Decimals.FALLBACK;
            if (!now.isWide(row) && !then.isWide(row)) {
                int scale = Math.max(now.scale, then.scale);
                long current = Decimals.scaleUp(now.unscaled[row], scale - now.scale);
                long base = Decimals.scaleUp(then.unscaled[row], scale - then.scale);
                long difference = current == Decimals.FALLBACK || base == Decimals.FALLBACK ? Decimals.FALLBACK
                        : Decimals.subtract(current, base);
                result = difference == Decimals.FALLBACK ? Decimals.FALLBACK
                        : Decimals.quotient(difference, base, QUOTIENT_SCALE);
            }
            if (result != Decimals.FALLBACK) {
                out.unscaled[row] = result;
            } else {
                out.setWide(row, ratio(now.decimal(row), then.decimal(row)));
            }
        }

        private static BigDecimal ratio(BigDecimal current, BigDecimal base) {
            return current.subtract(base).divide(base, QUOTIENT_SCALE, RoundingMode.HALF_UP);
        }
    }
}
