package dev.lantu.engine.batch;

import dev.lantu.engine.lang.Type;
import java.math.BigDecimal;

/**
 * {@code tiered(base, [bound: rate, …, rate])}: each tier's rate applies to the part of the base
 * inside the tier. On an amount the tiers are summed exactly and rounded once, half-up to the fen;
 * bounds that do not increase from above zero fail the row. Inputs: the base, the bounds, the
 * rates, then the rate above the last bound if there is one.
 */
final class Tiered extends Node {

    final int tiers;
    final boolean above;

    Tiered(Type type, Node base, Node[] bounds, Node[] rates, Node aboveRate) {
        super(type, operands(base, bounds, rates, aboveRate));
        this.tiers = bounds.length;
        this.above = aboveRate != null;
    }

    private static Node[] operands(Node base, Node[] bounds, Node[] rates, Node aboveRate) {
        Node[] operands = new Node[1 + bounds.length + rates.length + (aboveRate == null ? 0 : 1)];
        operands[0] = base;
        System.arraycopy(bounds, 0, operands, 1, bounds.length);
        System.arraycopy(rates, 0, operands, 1 + bounds.length, rates.length);
        if (aboveRate != null) {
            operands[operands.length - 1] = aboveRate;
        }
        return operands;
    }

    @Override
    String signature() {
        return "tiered:" + type + ":" + tiers + (above ? ":above" : "");
    }

    @Override
    void evaluate(Chunk chunk) {
        Vector[] operands = inputs.stream().map(chunk::vector).toArray(Vector[]::new);
        Vector out = chunk.vector(this);
        out.strict(chunk.words, operands);
        Vector.Numbers[] rates = new Vector.Numbers[tiers + (above ? 1 : 0)];
        int scale = 0;
        for (int i = 0; i < rates.length; i++) {
            rates[i] = (Vector.Numbers) operands[1 + tiers + i];
            scale = Math.max(scale, rates[i].scale);
        }
        if (out instanceof Vector.Numbers numbers) {
            numbers.reset(0);
        }
        for (int w = 0; w < chunk.words; w++) {
            long rows = out.known[w];
            while (rows != 0) {
                int row = (w << 6) + Long.numberOfTrailingZeros(rows);
                rows &= rows - 1;
                if (out instanceof Vector.Longs amounts) {
                    long fen = fast(operands, rates, scale, row);
                    if (fen != Decimals.FALLBACK) {
                        amounts.values[row] = fen;
                        continue;
                    }
                }
                BigDecimal exact = exact(operands, rates, row);
                if (exact == null) {
                    out.fail(row);
                } else if (out instanceof Vector.Longs amounts) {
                    Arithmetic.setFen(amounts, row, Arithmetic.roundToFen(exact));
                } else {
                    ((Vector.Numbers) out).setWide(row, exact);
                }
            }
        }
    }

    /** The rounded amount on {@code long}s, or {@link Decimals#FALLBACK} (also for bounds that fail: the exact path says so). */
    private long fast(Vector[] operands, Vector.Numbers[] rates, int scale, int row) {
        long amount = ((Vector.Longs) operands[0]).values[row];
        long lower = 0;
        long total = 0;
        for (int i = 0; i <= tiers; i++) {
            if (i == tiers && !above) {
                break;
            }
            Vector.Numbers rate = rates[i];
            if (rate.isWide(row)) {
                return Decimals.FALLBACK;
            }
            long part;
            if (i < tiers) {
                long upper = ((Vector.Longs) operands[1 + i]).values[row];
                if (upper <= lower) {
                    return Decimals.FALLBACK;
                }
                part = Decimals.subtract(Math.min(amount, upper), lower);
                lower = upper;
            } else {
                part = Decimals.subtract(amount, lower);
            }
            if (part == Decimals.FALLBACK) {
                return Decimals.FALLBACK;
            }
            if (part > 0) {
                long term = Decimals.multiply(part, Decimals.scaleUp(rate.unscaled[row], scale - rate.scale));
                total = term == Decimals.FALLBACK ? Decimals.FALLBACK : Decimals.add(total, term);
                if (total == Decimals.FALLBACK) {
                    return Decimals.FALLBACK;
                }
            }
        }
        return scale == 0 ? total : Decimals.divideRounded(total, Decimals.POW10[scale]);
    }

    /** The exact sum of the tiers, as the reference evaluator computes it; {@code null} when the bounds fail. */
    private BigDecimal exact(Vector[] operands, Vector.Numbers[] rates, int row) {
        BigDecimal amount = magnitude(operands[0], row);
        BigDecimal lower = BigDecimal.ZERO;
        BigDecimal total = BigDecimal.ZERO;
        for (int i = 0; i < tiers; i++) {
            BigDecimal upper = magnitude(operands[1 + i], row);
            if (upper.compareTo(lower) <= 0) {
                return null;
            }
            BigDecimal part = amount.min(upper).subtract(lower).max(BigDecimal.ZERO);
            total = total.add(part.multiply(rates[i].decimal(row)));
            lower = upper;
        }
        if (above) {
            BigDecimal part = amount.subtract(lower).max(BigDecimal.ZERO);
            total = total.add(part.multiply(rates[tiers].decimal(row)));
        }
        return total;
    }

    private static BigDecimal magnitude(Vector vector, int row) {
        return vector instanceof Vector.Longs amounts ? BigDecimal.valueOf(amounts.values[row])
                : ((Vector.Numbers) vector).decimal(row);
    }
}
