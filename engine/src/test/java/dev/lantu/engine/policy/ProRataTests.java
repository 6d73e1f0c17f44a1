package dev.lantu.engine.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lantu.engine.Properties;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ProRataTests {

    @Test
    void sharesAddUpToTheCapAndNeverRaiseAClaim() {
        Properties.forAll(2000, random -> {
            long[] claims = random.longs(1 + random.nextInt(6), 0, random.nextBoolean() ? 10 : 1_000_000_000_000L).toArray();
            long cap = random.nextLong(0, 1 + Arrays.stream(claims).sum() * 2);
            return new Object[] {claims, cap};
        }, input -> {
            long[] claims = (long[]) input[0];
            long cap = (long) input[1];
            long[] shares = ProRata.share(claims, cap);
            long total = Arrays.stream(claims).sum();
            assertThat(Arrays.stream(shares).sum()).isEqualTo(Math.min(total, cap));
            for (int i = 0; i < claims.length; i++) {
                assertThat(shares[i]).isBetween(0L, claims[i]);
                if (total > cap) {
                    // within one fen of the exact proportional share
                    double exact = (double) claims[i] * cap / total;
                    assertThat((double) shares[i]).isBetween(Math.floor(exact) - 1e-6, Math.ceil(exact) + 1e-6);
                }
            }
        });
    }

    @Test
    void leftOverFenGoToTheLargestRemaindersThenTheEarlierClaim() {
        // 10 fen over three equal claims: 3.33 each, one fen left for the first
        assertThat(ProRata.share(new long[] {5, 5, 5}, 10)).containsExactly(4, 3, 3);
        assertThat(ProRata.share(new long[] {1, 2, 7}, 5)).containsExactly(1, 1, 3);
    }
}
