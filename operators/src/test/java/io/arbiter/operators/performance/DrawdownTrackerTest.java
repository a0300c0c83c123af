package io.arbiter.operators.performance;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class DrawdownTrackerTest {

    @Test
    void drawdownIsFromTheRunningPeakStartingAtTheCapital() {
        DrawdownTracker t = new DrawdownTracker(30, 1000);
        t.addPnl(0, -20); // 980: 2 %
        assertThat(t.drawdown()).isCloseTo(0.02, within(1e-15));
        t.addPnl(0, 70); // 1050: new peak
        assertThat(t.drawdown()).isZero();
        t.addPnl(1, -84); // 966 from 1050: 84 / 1050 = 8 %
        assertThat(t.drawdown()).isCloseTo(0.08, within(1e-15));
        assertThat(t.drawdownAbs()).isCloseTo(84, within(1e-12));
        t.addPnl(2, 50); // 1016
        assertThat(t.maxDrawdown()).isCloseTo(0.08, within(1e-15));
        assertThat(t.maxDrawdownAbs()).isCloseTo(84, within(1e-12));
        assertThat(t.equity()).isCloseTo(1016, within(1e-12));
        assertThat(t.peak()).isEqualTo(1050);
    }

    @Test
    void windowedMaximumForgetsOldDrawdownsButKeepsTheOneCarriedIn() {
        DrawdownTracker t = new DrawdownTracker(3, 100);
        t.addPnl(0, -10); // 90: 10 % in day 0
        t.addPnl(1, 5); // day 1 starts at 10 %, ends at 95: 5 %
        assertThat(t.maxDrawdownInWindow()).isCloseTo(0.10, within(1e-15));
        t.advanceTo(3); // days 1..3: day 1 began at 10 %
        assertThat(t.maxDrawdownInWindow()).isCloseTo(0.10, within(1e-15));
        t.advanceTo(4); // days 2..4 hold the 5 % carried on
        assertThat(t.maxDrawdownInWindow()).isCloseTo(0.05, within(1e-15));
        t.advanceTo(50); // no trades for weeks: still 5 % below the peak
        assertThat(t.maxDrawdownInWindow()).isCloseTo(0.05, within(1e-15));
        t.addPnl(50, 10); // 105: recovered
        assertThat(t.drawdown()).isZero();
        assertThat(t.maxDrawdownInWindow()).isCloseTo(0.05, within(1e-15));
        t.advanceTo(52); // day 50 began at 5 % and is still in the window
        assertThat(t.maxDrawdownInWindow()).isCloseTo(0.05, within(1e-15));
        t.advanceTo(53);
        assertThat(t.maxDrawdownInWindow()).isZero();
        assertThat(t.maxDrawdown()).isCloseTo(0.10, within(1e-15));
    }

    @Test
    void windowedMaximumMatchesABruteForceMaximum() {
        int n = 7;
        DrawdownTracker t = new DrawdownTracker(n, 1000);
        java.util.SplittableRandom random = new java.util.SplittableRandom(11);
        java.util.List<double[]> history = new java.util.ArrayList<>(); // {day, dd}
        long day = 0;
        history.add(new double[] {0, 0});
        for (int step = 0; step < 20_000; step++) {
            day += random.nextInt(4) == 0 ? random.nextInt(1, 3) : 0;
            t.addPnl(day, (random.nextDouble() - 0.5) * 20);
            history.add(new double[] {day, t.drawdown()});
            // Brute force: the largest drawdown at any update in the window, or carried into it.
            double max = 0;
            double carried = 0;
            for (double[] h : history) {
                if (h[0] > day - n) {
                    max = Math.max(max, h[1]);
                } else {
                    carried = h[1];
                }
            }
            assertThat(t.maxDrawdownInWindow()).isEqualTo(Math.max(max, carried));
        }
    }

    @Test
    void aNewCapitalMovesEquityAndPeakTogether() {
        DrawdownTracker t = new DrawdownTracker(30, 1000);
        t.addPnl(0, -20); // 980 of 1000: 2 %
        assertThat(t.setCapital(2000)).isTrue(); // 1980 of 2000: 1 %
        assertThat(t.equity()).isEqualTo(1980);
        assertThat(t.drawdown()).isCloseTo(0.01, within(1e-15));
        assertThat(t.setCapital(Double.NaN)).isFalse();
        assertThat(t.setCapital(-1)).isFalse();
        assertThat(t.capital()).isEqualTo(2000);
    }

    @Test
    void zeroCapitalGivesAnUndefinedDrawdownNotADivisionByZero() {
        DrawdownTracker t = new DrawdownTracker(30, 0);
        assertThat(t.drawdown()).isNaN();
        t.addPnl(0, -5);
        assertThat(t.drawdown()).isNaN();
        assertThat(t.maxDrawdownInWindow()).isNaN();
        t.addPnl(1, 10); // peak 5, equity 5
        assertThat(t.drawdown()).isZero();
    }

    @Test
    void markedLevelsGiveTheDrawdownOfTheSeries() {
        DrawdownTracker t = new DrawdownTracker(1, 100);
        double[] levels = {100, 110, 99, 105, 120, 90, 95};
        for (int i = 0; i < levels.length; i++) {
            t.markEquity(i, levels[i]);
        }
        // Largest fall: 120 → 90, 30 = 25 % of 120.
        assertThat(t.maxDrawdownAbs()).isEqualTo(30);
        assertThat(t.maxDrawdown()).isEqualTo(0.25);
    }

    @Test
    void aRestoredTrackerContinuesExactly() throws Exception {
        DrawdownTracker uninterrupted = new DrawdownTracker(5, 500);
        DrawdownTracker restored = new DrawdownTracker(5, 500);
        java.util.SplittableRandom random = new java.util.SplittableRandom(5);
        for (int i = 0; i < 300; i++) {
            if (i == 120) {
                restored =
                        StateBytes.read(
                                StateBytes.of(restored::writeTo), DrawdownTracker::readFrom);
            }
            double pnl = (random.nextDouble() - 0.5) * 10;
            uninterrupted.addPnl(i / 4, pnl);
            restored.addPnl(i / 4, pnl);
        }
        assertThat(StateBytes.of(restored::writeTo))
                .isEqualTo(StateBytes.of(uninterrupted::writeTo));
    }
}
