package io.arbiter.operators.features.indicators;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

class RollingExtremeTest {

    @Test
    void matchesABruteForceScanOfTheWindow() throws IOException {
        int n = 14;
        RollingExtreme max = RollingExtreme.max(n);
        RollingExtreme min = RollingExtreme.min(n);
        SplittableRandom random = new SplittableRandom(7);
        double[] xs = new double[2000];
        for (int t = 0; t < xs.length; t++) {
            // Rounded so that ties, which the deque must handle, are frequent.
            xs[t] = Math.round(random.nextDouble() * 20) / 2.0;
            double gotMax = max.update(xs[t]);
            double gotMin = min.update(xs[t]);
            if (t < n - 1) {
                assertThat(gotMax).isNaN();
                assertThat(gotMin).isNaN();
                continue;
            }
            double hi = Double.NEGATIVE_INFINITY;
            double lo = Double.POSITIVE_INFINITY;
            for (int i = t - n + 1; i <= t; i++) {
                hi = Math.max(hi, xs[i]);
                lo = Math.min(lo, xs[i]);
            }
            assertThat(gotMax).as("max at %d", t).isEqualTo(hi);
            assertThat(gotMin).as("min at %d", t).isEqualTo(lo);
            if (t == 1000) {
                max = StateBytes.read(StateBytes.of(max::writeTo), RollingExtreme::readFrom);
                min = StateBytes.read(StateBytes.of(min::writeTo), RollingExtreme::readFrom);
            }
        }
    }

    @Test
    void oldExtremeLeavesTheWindowOnTime() {
        RollingExtreme max = RollingExtreme.max(3);
        max.update(9);
        max.update(1);
        assertThat(max.update(2)).isEqualTo(9.0);
        assertThat(max.update(1)).isEqualTo(2.0);
    }
}
