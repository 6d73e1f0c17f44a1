package dev.lantu.bench.policies;

import java.math.BigDecimal;

/**
 * The policy language's money arithmetic written out in {@code long}s, for the contestants that do
 * not use Lantu (the hand-written loop, Drools' right-hand sides): rates in basis points
 * (1% = 100 bp), every product rounded half-up to the fen, a tiered schedule summed exactly and
 * rounded once, growth compared exactly as the language rounds it (12 decimal places, half-up).
 * Lantu itself never uses this class.
 */
public final class Amounts {

    private static final long BP = 10_000;

    private Amounts() {
    }

    /** {@code fen × bp / 10000}, rounded half-up (a half fen away from zero). */
    public static long rate(long fen, long bp) {
        return halfUp(Math.multiplyExact(fen, bp), BP);
    }

    /** {@code value / divisor} rounded half-up, away from zero on a tie; {@code divisor > 0}. */
    static long halfUp(long value, long divisor) {
        long half = divisor / 2;
        return value >= 0 ? (value + half) / divisor : -((-value + half) / divisor);
    }

    /** A marginal schedule: {@code rates[i]} on the part of {@code fen} up to {@code bounds[i]}, {@code above} beyond (-1: nothing). */
    public static long tiered(long fen, long[] bounds, int[] rates, int above) {
        long lower = 0;
        long exact = 0;
        for (int i = 0; i < bounds.length; i++) {
            long part = Math.max(0, Math.min(fen, bounds[i]) - lower);
            exact = Math.addExact(exact, Math.multiplyExact(part, rates[i]));
            lower = bounds[i];
        }
        if (above >= 0) {
            exact = Math.addExact(exact, Math.multiplyExact(Math.max(0, fen - lower), above));
        }
        return halfUp(exact, BP);
    }

    /**
     * Whether {@code growth = (current - base) / base}, rounded half-up to 12 decimals as the language
     * rounds it, is at least {@code bp} basis points ({@code bp > 0}, {@code base > 0}). The rounded
     * value reaches bp/10⁴ exactly when the exact one reaches bp/10⁴ − 5·10⁻¹³, that is when
     * {@code (current - base) · 10¹³ >= (bp · 10⁹ − 5) · base}: compared in 128 bits, without rounding.
     */
    public static boolean growthAtLeast(long current, long base, int bp) {
        if (base <= 0) {
            throw new ArithmeticException("growth from " + base + " is undefined");
        }
        long increase = current - base;
        if (increase <= 0) {
            return false;
        }
        return compareProducts(increase, 10_000_000_000_000L, bp * 1_000_000_000L - 5, base) >= 0;
    }

    /** Compares {@code a·b} with {@code c·d} for non-negative longs, in 128 bits. */
    static int compareProducts(long a, long b, long c, long d) {
        long high1 = Math.multiplyHigh(a, b);
        long high2 = Math.multiplyHigh(c, d);
        if (high1 != high2) {
            return Long.compare(high1, high2);
        }
        return Long.compareUnsigned(a * b, c * d);
    }

    /** The language's text for an amount: 500万元, 12.5万元, 1234.56元. */
    public static String text(long fen) {
        if (fen % 100 == 0 && fen != 0 && (fen / 100) % 1000 == 0) {
            return BigDecimal.valueOf(fen).movePointLeft(6).stripTrailingZeros().toPlainString() + "万元";
        }
        return BigDecimal.valueOf(fen).movePointLeft(2).stripTrailingZeros().toPlainString() + "元";
    }

    /** The language's text for a rate: 800 bp is 8%, 250 bp is 2.5%. */
    public static String percent(int bp) {
        return BigDecimal.valueOf(bp).movePointLeft(2).stripTrailingZeros().toPlainString() + "%";
    }

    public static long wan(long wan) {
        return wan * 1_000_000;
    }
}
