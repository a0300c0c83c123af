package io.arbiter.operators.features.indicators;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class WmaTest {

    @Test
    void matchesTheWeightedSumComputedAfresh() {
        int n = 5;
        Wma wma = new Wma(n);
        SplittableRandom random = new SplittableRandom(3);
        double[] xs = new double[500];
        for (int t = 0; t < xs.length; t++) {
            xs[t] = 50 + random.nextDouble();
            double got = wma.update(xs[t]);
            if (t < n - 1) {
                assertThat(got).isNaN();
                continue;
            }
            double weighted = 0;
            for (int k = 1; k <= n; k++) {
                weighted += k * xs[t - n + k];
            }
            assertThat(got).isCloseTo(weighted / 15, within(1e-11));
        }
    }
}
