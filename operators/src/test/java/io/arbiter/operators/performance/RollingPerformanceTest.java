package io.arbiter.operators.performance;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class RollingPerformanceTest {

    private static final int WINDOW_DAYS = 30;
    private static final double CAPITAL = 1000;
    private static final double TRADING_DAYS = 252;
    private static final long MONDAY = UtcDays.of(Instant.parse("2024-03-04T00:00:00Z"));

    @Test
    void snapshotHoldsTheWindowFiguresAndTheEquityCurve() {
        RollingPerformance perf = new RollingPerformance(WINDOW_DAYS, CAPITAL, TRADING_DAYS);
        perf.record(MONDAY, 30);
        perf.record(MONDAY, -10);
        perf.record(MONDAY + 1, 0);
        perf.record(MONDAY + 2, -25);

        PerformanceSnapshot s = perf.snapshot();

        assertThat(s.day()).isEqualTo(MONDAY + 2);
        assertThat(s.daysCovered()).isEqualTo(3);
        assertThat(s.trades()).isEqualTo(4);
        assertThat(s.wins()).isEqualTo(1);
        assertThat(s.losses()).isEqualTo(2);
        assertThat(s.grossProfit()).isEqualTo(30);
        assertThat(s.grossLoss()).isEqualTo(-35);
        assertThat(s.netPnl()).isEqualTo(-5);
        assertThat(s.profitFactor()).isCloseTo(30.0 / 35, within(1e-15));
        assertThat(s.winRate()).isEqualTo(0.25);
        assertThat(s.expectancy()).isEqualTo(-1.25);
        assertThat(s.tradesPerDay()).isCloseTo(4.0 / 3, within(1e-15));
        // Daily returns: 20/1000, 0/1020, -25/1020.
        double[] r = {0.02, 0, -25.0 / 1020};
        double mean = (r[0] + r[1] + r[2]) / 3;
        double sd =
                Math.sqrt(
                        ((r[0] - mean) * (r[0] - mean)
                                        + (r[1] - mean) * (r[1] - mean)
                                        + (r[2] - mean) * (r[2] - mean))
                                / 2);
        assertThat(s.sharpe()).isCloseTo(mean / sd * Math.sqrt(252), within(1e-12));
        // Equity 1000 → 1030 → 1020 → 1020 → 995: peak 1030, drawdown 35/1030.
        assertThat(s.equity()).isEqualTo(995);
        assertThat(s.peakEquity()).isEqualTo(1030);
        assertThat(s.drawdown()).isCloseTo(35.0 / 1030, within(1e-15));
        assertThat(s.maxDrawdown()).isCloseTo(35.0 / 1030, within(1e-15));
        assertThat(s.maxDrawdownInWindow()).isCloseTo(35.0 / 1030, within(1e-15));
        assertThat(s.tradesSinceStart()).isEqualTo(4);
        assertThat(s.daysSinceStart()).isEqualTo(3);
        assertThat(s.profitFactorSinceStart()).isEqualTo(s.profitFactor());
    }

    @Test
    void roundTripsOlderThanTheWindowLeaveTheProfitFactorButNotTheEquity() {
        RollingPerformance perf = new RollingPerformance(WINDOW_DAYS, CAPITAL, TRADING_DAYS);
        perf.record(MONDAY, -50);
        perf.record(MONDAY + 10, 20);
        assertThat(perf.snapshot().profitFactor()).isEqualTo(0.4);

        perf.advanceTo(MONDAY + 30); // MONDAY's loss leaves the window (MONDAY+1..MONDAY+30)

        PerformanceSnapshot s = perf.snapshot();
        assertThat(s.trades()).isEqualTo(1);
        assertThat(s.profitFactor()).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(s.profitFactorSinceStart()).isEqualTo(0.4);
        assertThat(s.equity()).isEqualTo(970);
        assertThat(s.drawdown()).isCloseTo(0.03, within(1e-15));
        assertThat(s.maxDrawdown()).isCloseTo(0.05, within(1e-15));
        // Day 10 is in the window and began 5 % under water (before its +20).
        assertThat(s.maxDrawdownInWindow()).isCloseTo(0.05, within(1e-15));
        assertThat(s.tradesSinceStart()).isEqualTo(2);
        assertThat(s.daysSinceStart()).isEqualTo(31);
        assertThat(s.tradesPerDaySinceStart()).isCloseTo(2.0 / 31, within(1e-15));
        assertThat(s.tradesPerDay()).isCloseTo(1.0 / 30, within(1e-15));

        perf.advanceTo(MONDAY + 40); // days 11..40: 3 % under water throughout
        assertThat(perf.snapshot().maxDrawdownInWindow()).isCloseTo(0.03, within(1e-15));
        assertThat(perf.snapshot().trades()).isZero();
        assertThat(perf.snapshot().profitFactor()).isNaN();
    }

    @Test
    void idleDaysSinceTheAllocationStartCountInTradesPerDayAndSharpe() {
        RollingPerformance perf = new RollingPerformance(WINDOW_DAYS, CAPITAL, TRADING_DAYS);
        perf.advanceTo(MONDAY); // allocated on Monday, first trade on Friday
        perf.record(MONDAY + 4, 10);

        PerformanceSnapshot s = perf.snapshot();

        assertThat(s.daysCovered()).isEqualTo(5);
        assertThat(s.tradesPerDay()).isEqualTo(0.2);
        // Returns 0, 0, 0, 0, 0.01: mean 0.002, sample SD sqrt((4 * 0.002² + 0.008²) / 4).
        double sd = Math.sqrt((4 * 0.002 * 0.002 + 0.008 * 0.008) / 4);
        assertThat(s.sharpe()).isCloseTo(0.002 / sd * Math.sqrt(252), within(1e-12));
    }

    @Test
    void aModelWithoutRoundTripsHasUndefinedRatiosNotErrors() {
        RollingPerformance perf = new RollingPerformance(WINDOW_DAYS, CAPITAL, TRADING_DAYS);
        PerformanceSnapshot empty = perf.snapshot();
        assertThat(empty.profitFactor()).isNaN();
        assertThat(empty.winRate()).isNaN();
        assertThat(empty.expectancy()).isNaN();
        assertThat(empty.sharpe()).isNaN();
        assertThat(empty.tradesPerDay()).isNaN();
        assertThat(empty.equity()).isEqualTo(CAPITAL);
        assertThat(empty.drawdown()).isZero();

        assertThat(perf.record(MONDAY, Double.NaN)).isFalse();
        assertThat(perf.snapshot().tradesSinceStart()).isZero();
    }

    @Test
    void aNewAllocationRescalesTheDrawdown() {
        RollingPerformance perf = new RollingPerformance(WINDOW_DAYS, CAPITAL, TRADING_DAYS);
        perf.record(MONDAY, -40); // 960 of 1000: 4 %
        assertThat(perf.setCapital(4000)).isTrue(); // 3960 of 4000: 1 %
        PerformanceSnapshot s = perf.snapshot();
        assertThat(s.capital()).isEqualTo(4000);
        assertThat(s.equity()).isEqualTo(3960);
        assertThat(s.drawdown()).isCloseTo(0.01, within(1e-15));
        assertThat(s.maxDrawdown()).isCloseTo(0.04, within(1e-15));
    }

    @Test
    void aRestoredStateContinuesExactlyLikeAnUninterruptedOne() throws Exception {
        java.util.SplittableRandom random = new java.util.SplittableRandom(9);
        for (int cut : new int[] {0, 50, 333}) {
            RollingPerformance uninterrupted = new RollingPerformance(10, CAPITAL, TRADING_DAYS);
            RollingPerformance restored = new RollingPerformance(10, CAPITAL, TRADING_DAYS);
            random = new java.util.SplittableRandom(9);
            for (int i = 0; i < 500; i++) {
                if (i == cut) {
                    restored =
                            StateBytes.read(
                                    StateBytes.of(restored::writeTo), RollingPerformance::readFrom);
                }
                long day = MONDAY + i / 7;
                double pnl = (random.nextDouble() - 0.48) * 20;
                uninterrupted.record(day, pnl);
                restored.record(day, pnl);
                assertThat(restored.snapshot()).isEqualTo(uninterrupted.snapshot());
            }
            assertThat(StateBytes.of(restored::writeTo))
                    .isEqualTo(StateBytes.of(uninterrupted::writeTo));
        }
    }

    @Test
    void utcDaysFloorTimesBeforeTheEpoch() {
        assertThat(UtcDays.of(Instant.parse("1970-01-01T23:59:59.999Z"))).isZero();
        assertThat(UtcDays.of(Instant.parse("1969-12-31T23:59:59.999Z"))).isEqualTo(-1);
        assertThat(UtcDays.of(Instant.parse("2024-03-04T00:00:00Z"))).isEqualTo(19786);
    }
}
