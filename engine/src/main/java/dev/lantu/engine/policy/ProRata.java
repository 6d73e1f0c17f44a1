package dev.lantu.engine.policy;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Shares a cap among claims in proportion to their sizes, in whole fen that add up to the cap
 * exactly: each claim gets the whole-fen part of its proportional share, and the fen left over go
 * one each to the largest remainders (Hamilton's method), ties to the earlier claim. Claims are
 * never raised: a cap at or above their total leaves them as they are.
 */
final class ProRata {

    private ProRata() {
    }

    static long[] share(long[] claims, long cap) {
        long total = 0;
        for (long claim : claims) {
            if (claim < 0) {
                throw new IllegalArgumentException("a claim cannot be negative: " + claim);
            }
            total = Math.addExact(total, claim);
        }
        if (total <= cap) {
            return claims.clone();
        }
        BigInteger capital = BigInteger.valueOf(cap);
        BigInteger whole = BigInteger.valueOf(total);
        long[] shares = new long[claims.length];
        long[] remainders = new long[claims.length];
        long handedOut = 0;
        for (int i = 0; i < claims.length; i++) {
            BigInteger[] quotient = BigInteger.valueOf(claims[i]).multiply(capital).divideAndRemainder(whole);
            shares[i] = quotient[0].longValueExact();
            remainders[i] = quotient[1].longValueExact();
            handedOut += shares[i];
        }
        List<Integer> byRemainder = new ArrayList<>(IntStream.range(0, claims.length).boxed().toList());
        byRemainder.sort(Comparator.<Integer>comparingLong(i -> remainders[i]).reversed().thenComparing(i -> i));
        for (int k = 0; handedOut < cap; k++) {
            shares[byRemainder.get(k)]++;
            handedOut++;
        }
        return shares;
    }
}
