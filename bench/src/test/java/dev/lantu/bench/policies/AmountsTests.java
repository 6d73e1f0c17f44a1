package dev.lantu.bench.policies;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class AmountsTests {

    @Test
    void growthIsComparedAsTheLanguageRoundsIt() {
        SplittableRandom random = new SplittableRandom(3);
        for (int i = 0; i < 200_000; i++) {
            long base = 1 + random.nextLong(1_000_000_000_000L);
            int bp = 1 + random.nextInt(5000);
            // near the threshold, where rounding to 12 places decides
            long current = base + base * bp / 10_000 + random.nextLong(-3, 4);
            BigDecimal growth = BigDecimal.valueOf(current - base).divide(BigDecimal.valueOf(base), 12, RoundingMode.HALF_UP);
            boolean expected = growth.compareTo(BigDecimal.valueOf(bp).movePointLeft(4)) >= 0;
            assertThat(Amounts.growthAtLeast(current, base, bp)).as("%d over %d at %d bp", current, base, bp).isEqualTo(expected);
        }
    }

    @Test
    void aRateRoundsHalfUpToTheFen() {
        assertThat(Amounts.rate(300, 1250)).isEqualTo(38); // 3元 × 12.5% = 0.375元 → 0.38元
        assertThat(Amounts.rate(-300, 1250)).isEqualTo(-38);
        assertThat(Amounts.rate(100, 50)).isEqualTo(1); // half a fen rounds up
    }

    @Test
    void aScheduleRoundsOnceAtTheEnd() {
        // the language's worked example: 0.4 + 0.4 fen is 1 fen, not 0 + 0
        assertThat(Amounts.tiered(12, new long[] { 4 }, new int[] { 1000 }, 500)).isEqualTo(1);
        // 800万元: 10% of 500万 and 5% of 300万 = 65万元
        assertThat(Amounts.tiered(Amounts.wan(800), new long[] { Amounts.wan(500), Amounts.wan(2000) }, new int[] { 1000, 500 }, 300))
                .isEqualTo(Amounts.wan(65));
    }

    @Test
    void amountsAndRatesAreWrittenAsTheLanguageReadsThem() {
        assertThat(Amounts.text(Amounts.wan(500))).isEqualTo("500万元");
        assertThat(Amounts.text(Amounts.wan(10000))).isEqualTo("10000万元");
        assertThat(Amounts.text(123_456)).isEqualTo("1234.56元");
        assertThat(Amounts.percent(250)).isEqualTo("2.5%");
        assertThat(Amounts.percent(800)).isEqualTo("8%");
    }
}
