package dev.lantu.engine.batch;

import java.math.BigDecimal;

/**
 * Exact decimal arithmetic on a {@code long} unscaled value and a scale, for the fast path. Every
 * method either gives the exact answer (rounded half-up where it divides, as the reference
 * evaluator does) or {@link #FALLBACK}, which tells the caller to compute that row with
 * {@link BigDecimal}. {@code Long.MIN_VALUE} is never a fast-path value, so it can mean "fall back"
 * without a second return value; a genuine result of {@code Long.MIN_VALUE} simply takes the slow path.
 */
final class Decimals {

    /** Not an answer: compute this one with {@link BigDecimal}. */
    static final long FALLBACK = Long.MIN_VALUE;

    /** The largest scale a fast value keeps: 10^18 is the largest power of ten in a {@code long}. */
    static final int MAX_SCALE = 18;

    static final long[] POW10 = new long[MAX_SCALE + 1];
    /** {@code LIMIT[m]} is the largest value that may be multiplied by 10^m without overflow. */
    private static final long[] LIMIT = new long[MAX_SCALE + 1];

    static {
        POW10[0] = 1;
        for (int i = 1; i <= MAX_SCALE; i++) {
            POW10[i] = POW10[i - 1] * 10;
        }
        for (int i = 0; i <= MAX_SCALE; i++) {
            LIMIT[i] = Long.MAX_VALUE / POW10[i];
        }
    }

    private Decimals() {
    }

    static long add(long a, long b) {
        long sum = a + b;
        return ((a ^ sum) & (b ^ sum)) < 0 ? FALLBACK : sum;
    }

    static long subtract(long a, long b) {
        long difference = a - b;
        return ((a ^ b) & (a ^ difference)) < 0 ? FALLBACK : difference;
    }

    static long multiply(long a, long b) {
        long low = a * b;
        return Math.multiplyHigh(a, b) != (low >> 63) ? FALLBACK : low;
    }

    /** {@code value × 10^digits}. */
    static long scaleUp(long value, int digits) {
        if (digits == 0) {
            return value;
        }
        if (digits < 0 || digits > MAX_SCALE || value == FALLBACK) {
            return FALLBACK;
        }
        return multiply(value, POW10[digits]);
    }

    /** {@code n / d} rounded half-up (half away from zero) to a whole number; {@code d} is not zero. */
    static long divideRounded(long n, long d) {
        if (n == FALLBACK || d == FALLBACK) {
            return FALLBACK;
        }
        long quotient = n / d;
        long remainder = Math.abs(n % d);
        long divisor = Math.abs(d);
        if (remainder != 0 && remainder >= divisor - remainder) {
            quotient += (n ^ d) < 0 ? -1 : 1;
        }
        return quotient;
    }

    /**
     * {@code n × 10^digits / d} rounded half-up to a whole number, {@code d} not zero: a quotient
     * kept to {@code digits} decimal places. The digits are produced a few at a time, as in long
     * division, so that no intermediate product overflows.
     */
    static long quotient(long n, long d, int digits) {
        if (n == FALLBACK || d == FALLBACK || digits < 0) {
            return FALLBACK;
        }
        long dividend = Math.abs(n);
        long divisor = Math.abs(d);
        long quotient = dividend / divisor;
        long remainder = dividend % divisor;
        int left = digits;
        while (left > 0) {
            int step = Math.min(left, MAX_SCALE);
            while (step > 0 && divisor > LIMIT[step]) {
                step--;
            }
            if (step == 0 || quotient > LIMIT[step]) {
                return FALLBACK;
            }
            long shifted = remainder * POW10[step];
            quotient = quotient * POW10[step] + shifted / divisor;
            if (quotient < 0) {
                return FALLBACK;
            }
            remainder = shifted % divisor;
            left -= step;
        }
        if (remainder != 0 && remainder >= divisor - remainder) {
            if (quotient == Long.MAX_VALUE) {
                return FALLBACK;
            }
            quotient++;
        }
        return (n < 0) != (d < 0) ? -quotient : quotient;
    }

    /** Compares {@code a / 10^as} with {@code b / 10^bs}; {@code Integer.MIN_VALUE} when the fast path cannot tell. */
    static int compare(long a, int as, long b, int bs) {
        if (as == bs) {
            return Long.compare(a, b);
        }
        long left = as < bs ? scaleUp(a, bs - as) : a;
        long right = bs < as ? scaleUp(b, as - bs) : b;
        if (left == FALLBACK || right == FALLBACK) {
            return Integer.MIN_VALUE;
        }
        return Long.compare(left, right);
    }

    static BigDecimal decimal(long unscaled, int scale) {
        return BigDecimal.valueOf(unscaled, scale);
    }
}
