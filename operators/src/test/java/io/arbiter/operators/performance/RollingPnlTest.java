package io.arbiter.operators.performance;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class RollingPnlTest {

    @Test
    void profitFactorEdgeRules() {
        RollingPnl w = new RollingPnl(3);
        w.advanceTo(0);
        assertThat(w.profitFactor()).as("no trades").isNaN();
        w.add(0, 0.0);
        assertThat(w.profitFactor()).as("only a zero-PnL trade").isNaN();
        assertThat(w.trades()).isEqualTo(1);
        assertThat(w.zeros()).isEqualTo(1);
        w.add(0, 2.0);
        assertThat(w.profitFactor()).as("no losses").isEqualTo(Double.POSITIVE_INFINITY);
        w.add(1, -0.5);
        assertThat(w.profitFactor()).isEqualTo(4.0); // 2 / 0.5
        w.advanceTo(3); // bucket 0 leaves: only the loss is left
        assertThat(w.profitFactor()).as("no wins").isZero();
        assertThat(w.grossProfit()).isZero();
    }

    @Test
    void countsWinRateAndExpectancyOverTheWindowOnly() {
        RollingPnl w = new RollingPnl(2);
        w.add(10, 3.0);
        w.add(10, -1.0);
        w.add(11, 0.0);
        w.add(11, 2.0);
        // 4 trades: 2 wins, 1 loss, 1 zero; net 4.
        assertThat(w.trades()).isEqualTo(4);
        assertThat(w.winRate()).isEqualTo(0.5);
        assertThat(w.expectancy()).isEqualTo(1.0);
        assertThat(w.tradesPerBucket()).isEqualTo(2.0);
        w.add(12, -4.0); // bucket 10 leaves
        // Left: 0, 2, -4 → 1 win of 3, net -2.
        assertThat(w.trades()).isEqualTo(3);
        assertThat(w.winRate()).isEqualTo(1.0 / 3);
        assertThat(w.expectancy()).isCloseTo(-2.0 / 3, within(1e-15));
        assertThat(w.profitFactor()).isEqualTo(0.5);
    }

    @Test
    void aLateBucketStillInTheWindowIsBookedInPlace() {
        RollingPnl w = new RollingPnl(5);
        w.add(10, 1.0);
        w.add(14, 1.0);
        assertThat(w.add(12, -1.0)).isTrue();
        assertThat(w.add(9, -1.0)).as("left the window (10..14)").isFalse();
        assertThat(w.trades()).isEqualTo(3);
        w.advanceTo(15); // 10 leaves
        assertThat(w.trades()).isEqualTo(2);
        w.advanceTo(17); // 12 leaves
        assertThat(w.trades()).isEqualTo(1);
        assertThat(w.losses()).isZero();
        assertThat(w.grossLoss()).isZero();
    }

    @Test
    void nonFiniteValuesAreIgnored() {
        RollingPnl w = new RollingPnl(5);
        assertThat(w.add(0, Double.NaN)).isFalse();
        assertThat(w.add(0, Double.POSITIVE_INFINITY)).isFalse();
        assertThat(w.trades()).isZero();
    }

    @Test
    void sharpeCountsBucketsWithoutTradesAsZeroReturns() {
        RollingPnl w = new RollingPnl(4);
        w.advanceTo(0);
        w.add(1, 10.0, 1000.0); // return 0.01
        w.add(3, -10.0, 1010.0); // return -10/1010
        // Returns over buckets 0..3: 0, 0.01, 0, -0.00990099…
        double[] r = {0, 0.01, 0, -10.0 / 1010};
        double mean = (r[0] + r[1] + r[2] + r[3]) / 4;
        double ss = 0;
        for (double x : r) {
            ss += (x - mean) * (x - mean);
        }
        double expected = mean / Math.sqrt(ss / 3) * Math.sqrt(252);
        assertThat(w.sharpe(252)).isCloseTo(expected, within(1e-12));
        assertThat(w.coveredBuckets()).isEqualTo(4);
    }

    @Test
    void sharpeIsUndefinedWithoutSpreadOrEquity() {
        RollingPnl w = new RollingPnl(5);
        w.advanceTo(0);
        assertThat(w.sharpe(252)).as("one bucket").isNaN();
        w.advanceTo(3);
        assertThat(w.sharpe(252)).as("all returns 0").isNaN();
        w.add(3, 5.0);
        assertThat(w.sharpe(252)).as("no start equity").isNaN();
        w.advanceTo(8); // the undefined bucket leaves
        w.add(8, 5.0, 100);
        assertThat(w.sharpe(252)).isFinite();
    }

    @Test
    void slidingSumsMatchAFreshWindowOverALongRandomStream() {
        int n = 30;
        RollingPnl w = new RollingPnl(n);
        SplittableRandom random = new SplittableRandom(7);
        List<double[]> booked = new ArrayList<>(); // {bucket, pnl, equity}
        long bucket = 0;
        double equity = 10_000;
        for (int step = 0; step < 50_000; step++) {
            bucket += random.nextInt(10) < 7 ? 0 : random.nextInt(1, 4);
            long at = random.nextInt(20) == 0 ? bucket - random.nextInt(n + 5) : bucket;
            double pnl = random.nextInt(10) == 0 ? 0 : (random.nextDouble() - 0.45) * 100;
            if (w.add(at, pnl, equity)) {
                booked.add(new double[] {at, pnl, equity});
            }
            equity += pnl;
            if (step % 997 == 0) {
                assertMatchesFreshWindow(w, booked, n);
            }
        }
        assertMatchesFreshWindow(w, booked, n);
    }

    private static void assertMatchesFreshWindow(RollingPnl w, List<double[]> booked, int n) {
        long end = w.end();
        double profit = 0;
        double loss = 0;
        int trades = 0;
        int wins = 0;
        java.util.Map<Long, double[]> buckets = new java.util.HashMap<>(); // pnl sum, start equity
        for (double[] b : booked) {
            long at = (long) b[0];
            if (at > end - n && at <= end) {
                trades++;
                if (b[1] > 0) {
                    wins++;
                    profit += b[1];
                } else if (b[1] < 0) {
                    loss += b[1];
                }
                buckets.computeIfAbsent(at, k -> new double[] {0, b[2]})[0] += b[1];
            }
        }
        assertThat(w.trades()).isEqualTo(trades);
        assertThat(w.wins()).isEqualTo(wins);
        assertThat(w.grossProfit()).isCloseTo(profit, within(1e-9));
        assertThat(w.grossLoss()).isCloseTo(loss, within(1e-9));
        int k = w.coveredBuckets();
        double sum = 0;
        for (double[] b : buckets.values()) {
            sum += b[0] / b[1];
        }
        double mean = sum / k;
        double ss = (k - buckets.size()) * mean * mean;
        for (double[] b : buckets.values()) {
            ss += (b[0] / b[1] - mean) * (b[0] / b[1] - mean);
        }
        if (k < 2) {
            assertThat(w.sharpe(252)).isNaN();
            return;
        }
        double sharpe = mean / Math.sqrt(ss / (k - 1)) * Math.sqrt(252);
        assertThat(w.sharpe(252)).isCloseTo(sharpe, within(1e-9 * Math.max(1, Math.abs(sharpe))));
    }

    @Test
    void aRestoredWindowContinuesExactlyLikeAnUninterruptedOne() throws Exception {
        SplittableRandom random = new SplittableRandom(3);
        double[] pnl = new double[400];
        long[] at = new long[pnl.length];
        for (int i = 0; i < pnl.length; i++) {
            pnl[i] = (random.nextDouble() - 0.5) * 10;
            at[i] = i / 3 - (i % 17 == 0 ? 4 : 0);
        }
        for (int cut : new int[] {0, 1, 37, 150, 399}) {
            RollingPnl uninterrupted = new RollingPnl(10);
            RollingPnl restored = new RollingPnl(10);
            for (int i = 0; i < pnl.length; i++) {
                if (i == cut) {
                    restored =
                            StateBytes.read(StateBytes.of(restored::writeTo), RollingPnl::readFrom);
                }
                uninterrupted.add(at[i], pnl[i], 1000 + i);
                restored.add(at[i], pnl[i], 1000 + i);
            }
            assertThat(StateBytes.of(restored::writeTo))
                    .isEqualTo(StateBytes.of(uninterrupted::writeTo));
            assertThat(restored.sharpe(252)).isEqualTo(uninterrupted.sharpe(252));
        }
    }
}
