package io.arbiter.operators.correlation;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class RollingCorrelationTest {

    @Test
    void identicalSeriesCorrelateOneAndNegatedMinusOne() {
        RollingCorrelation same = new RollingCorrelation(10);
        RollingCorrelation negated = new RollingCorrelation(10);
        SplittableRandom random = new SplittableRandom(1);
        for (int i = 0; i < 100; i++) {
            double x = random.nextDouble();
            same.add(x, x);
            negated.add(x, -3 * x + 7);
        }
        assertThat(same.correlation()).isCloseTo(1, within(1e-12));
        assertThat(negated.correlation()).isCloseTo(-1, within(1e-12));
    }

    @Test
    void handCheckedWindow() {
        RollingCorrelation c = new RollingCorrelation(3);
        c.add(100, 0); // leaves the window
        c.add(1, 1);
        c.add(2, 3);
        // (1,1), (2,3), (3,2): means 2, 2; Cxy = (-1)(-1) + 0 + (1)(0) = 1; Mxx = 2; Myy = 2.
        assertThat(c.add(3, 2)).isCloseTo(0.5, within(1e-12));
    }

    @Test
    void undefinedUntilTheWindowIsFullWhileAGapIsInItAndForAConstantSeries() {
        RollingCorrelation c = new RollingCorrelation(3);
        assertThat(c.add(1, 2)).isNaN();
        assertThat(c.add(2, 1)).isNaN();
        assertThat(c.add(3, 5)).isFinite();
        assertThat(c.add(Double.NaN, 1)).isNaN();
        assertThat(c.add(4, 2)).isNaN();
        assertThat(c.add(5, 9)).isNaN();
        assertThat(c.add(6, 1)).as("the gap slid out").isFinite();
        // x constant over a window that held other values: exactly no spread.
        c.add(0.1 + 0.2, 1);
        c.add(0.1 + 0.2, 2);
        assertThat(c.add(0.1 + 0.2, 3)).isNaN();
        assertThat(c.add(1, 3)).isFinite();
    }

    @Test
    void staysAccurateOverALongStreamWithChangingScales() {
        int n = 30;
        RollingCorrelation c = new RollingCorrelation(n);
        SplittableRandom random = new SplittableRandom(4);
        double[] xs = new double[100_000];
        double[] ys = new double[xs.length];
        double worst = 0;
        for (int t = 0; t < xs.length; t++) {
            // Volatile stretches followed by calm ones far from zero stress add-and-remove.
            double scale = (t / 3_000) % 2 == 0 ? 1e3 : 1e-3;
            xs[t] = 1e4 + scale * random.nextGaussian();
            ys[t] = 0.3 * (xs[t] - 1e4) + scale * random.nextGaussian();
            double r = c.add(xs[t], ys[t]);
            if (t >= n - 1 && t % 7 == 0) {
                worst = Math.max(worst, Math.abs(r - twoPass(xs, ys, t - n + 1, t)));
            }
        }
        assertThat(worst).isLessThan(1e-9);
    }

    private static double twoPass(double[] xs, double[] ys, int from, int to) {
        double mx = 0;
        double my = 0;
        int k = to - from + 1;
        for (int i = from; i <= to; i++) {
            mx += xs[i] / k;
            my += ys[i] / k;
        }
        double cxy = 0;
        double mxx = 0;
        double myy = 0;
        for (int i = from; i <= to; i++) {
            cxy += (xs[i] - mx) * (ys[i] - my);
            mxx += (xs[i] - mx) * (xs[i] - mx);
            myy += (ys[i] - my) * (ys[i] - my);
        }
        return cxy / Math.sqrt(mxx * myy);
    }

    @Test
    void aRestoredWindowContinuesExactly() throws Exception {
        SplittableRandom random = new SplittableRandom(8);
        RollingCorrelation uninterrupted = new RollingCorrelation(12);
        RollingCorrelation restored = new RollingCorrelation(12);
        for (int i = 0; i < 200; i++) {
            if (i == 5 || i == 77) {
                restored =
                        StateBytes.read(
                                StateBytes.of(restored::writeTo), RollingCorrelation::readFrom);
            }
            double x = i == 40 ? Double.NaN : random.nextDouble();
            double y = x + random.nextDouble();
            assertThat(Double.doubleToRawLongBits(restored.add(x, y)))
                    .isEqualTo(Double.doubleToRawLongBits(uninterrupted.add(x, y)));
        }
        assertThat(StateBytes.of(restored::writeTo))
                .isEqualTo(StateBytes.of(uninterrupted::writeTo));
    }
}
