package io.arbiter.operators.features.indicators;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class RollingMomentsTest {

    @Test
    void staysAccurateOverALongStreamAtAHighPriceLevel() {
        int n = 20;
        RollingMoments moments = new RollingMoments(n);
        SplittableRandom random = new SplittableRandom(1);
        double[] xs = new double[200_000];
        double price = 10_000;
        double worst = 0;
        for (int t = 0; t < xs.length; t++) {
            // Calm stretches after volatile ones are where a slid sum of squares goes wrong.
            double scale = (t / 5_000) % 2 == 0 ? 1 : 1e-4;
            price += scale * (random.nextDouble() - 0.5);
            xs[t] = price;
            moments.update(price);
            if (t >= n - 1) {
                double mean = 0;
                for (int i = t - n + 1; i <= t; i++) {
                    mean += xs[i];
                }
                mean /= n;
                double m2 = 0;
                for (int i = t - n + 1; i <= t; i++) {
                    m2 += (xs[i] - mean) * (xs[i] - mean);
                }
                double exact = m2 / n;
                worst = Math.max(worst, Math.abs(moments.populationVariance() - exact) / exact);
            }
        }
        assertThat(worst).isLessThan(1e-6);
    }

    @Test
    void varianceOfAnEqualWindowIsExactlyZero() {
        RollingMoments moments = new RollingMoments(5);
        for (double x : new double[] {3.1, 7.3, 0.2, 9.9, 4.4}) {
            moments.update(x);
        }
        for (int i = 0; i < 5; i++) {
            moments.update(0.1 + 0.2);
        }
        assertThat(moments.populationVariance()).isZero();
        assertThat(moments.sampleVariance()).isZero();
        moments.update(1);
        assertThat(moments.populationVariance()).isPositive();
    }

    @Test
    void sampleAndPopulationDivisors() {
        RollingMoments moments = new RollingMoments(4);
        for (double x : new double[] {1, 2, 3}) {
            moments.update(x);
        }
        assertThat(moments.sampleVariance()).as("not full").isNaN();
        moments.update(4);
        assertThat(moments.populationVariance()).isCloseTo(1.25, within(1e-15));
        assertThat(moments.sampleVariance()).isCloseTo(5.0 / 3, within(1e-15));
    }
}
