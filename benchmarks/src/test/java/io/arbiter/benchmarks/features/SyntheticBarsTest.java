package io.arbiter.benchmarks.features;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SyntheticBarsTest {

    private static final int SYMBOLS = 50;
    private static final int BARS_PER_SYMBOL = 400;

    private final SyntheticBars bars = SyntheticBars.generate(SYMBOLS, BARS_PER_SYMBOL, 7);

    @Test
    void everyBarIsOhlcConsistentWithPositivePricesAndVolume() {
        assertThat(bars.size()).isEqualTo(SYMBOLS * BARS_PER_SYMBOL);
        for (int i = 0; i < bars.size(); i++) {
            double open = bars.open(i);
            double close = bars.close(i);
            assertThat(bars.low(i)).as("low of bar %d", i).isPositive();
            assertThat(bars.high(i))
                    .as("high of bar %d", i)
                    .isGreaterThanOrEqualTo(Math.max(open, close));
            assertThat(bars.low(i))
                    .as("low of bar %d", i)
                    .isLessThanOrEqualTo(Math.min(open, close));
            assertThat(bars.volume(i)).as("volume of bar %d", i).isPositive().isFinite();
        }
    }

    @Test
    void isTimeMajorWithEachSymbolsSeriesContinuousInTime() {
        for (int t = 0; t < BARS_PER_SYMBOL; t++) {
            for (int s = 0; s < SYMBOLS; s++) {
                int i = bars.index(t, s);
                assertThat(bars.symbol(i)).isEqualTo(s);
                assertThat(bars.time(i))
                        .isEqualTo(
                                SyntheticBars.START.toEpochMilli()
                                        + t * SyntheticBars.INTERVAL_MILLIS);
            }
        }
        assertThat(bars.spanMillis()).isEqualTo(BARS_PER_SYMBOL * SyntheticBars.INTERVAL_MILLIS);
    }

    @Test
    void switchesBetweenCalmAndStormyRegimesWithMatchingRealisedVolatility() {
        int stormy = 0;
        double calmSquares = 0;
        double stormySquares = 0;
        for (int t = 1; t < BARS_PER_SYMBOL; t++) {
            for (int s = 0; s < SYMBOLS; s++) {
                int i = bars.index(t, s);
                double logReturn = Math.log(bars.close(i) / bars.close(bars.index(t - 1, s)));
                if (bars.dailyVol(i) == SyntheticBars.STORMY_VOL) {
                    stormy++;
                    stormySquares += logReturn * logReturn;
                } else {
                    calmSquares += logReturn * logReturn;
                }
            }
        }
        int total = SYMBOLS * (BARS_PER_SYMBOL - 1);
        // Stationary share of the stormy state: 1/60 / (1/60 + 1/15) = 0.2.
        assertThat((double) stormy / total).isBetween(0.12, 0.3);
        double calmVol = Math.sqrt(calmSquares / (total - stormy));
        double stormyVol = Math.sqrt(stormySquares / stormy);
        assertThat(calmVol).isBetween(0.008, 0.013);
        assertThat(stormyVol).isBetween(0.025, 0.036);
    }

    @Test
    void theSameSeedGivesTheSameBarsAndAnotherSeedOthers() {
        SyntheticBars again = SyntheticBars.generate(SYMBOLS, BARS_PER_SYMBOL, 7);
        SyntheticBars other = SyntheticBars.generate(SYMBOLS, BARS_PER_SYMBOL, 8);
        for (int i = 0; i < bars.size(); i += 97) {
            assertThat(again.close(i)).isEqualTo(bars.close(i));
            assertThat(again.volume(i)).isEqualTo(bars.volume(i));
        }
        assertThat(other.close(bars.size() - 1)).isNotEqualTo(bars.close(bars.size() - 1));
    }

    @Test
    void buildsTheAvroBarsTheStreamCarries() {
        int i = bars.index(3, 5);
        var sourced = bars.sourced(i, 4);
        assertThat(sourced.getBar().getSymbol()).isEqualTo("SYM0005");
        assertThat(sourced.getBar().getTime().toEpochMilli()).isEqualTo(bars.time(i));
        assertThat(sourced.getBar().getClose()).isEqualTo(bars.close(i));
        assertThat(sourced.getBar().getIntervalMillis()).isEqualTo(SyntheticBars.INTERVAL_MILLIS);
        assertThat(sourced.getPartition()).isEqualTo(1);
    }

    @Test
    void refusesAnEmptySet() {
        assertThatThrownBy(() -> SyntheticBars.generate(0, 10, 1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
