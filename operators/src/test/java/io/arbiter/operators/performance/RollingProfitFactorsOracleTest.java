package io.arbiter.operators.performance;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static io.arbiter.operators.performance.PerformanceOracle.DAILY;
import static io.arbiter.operators.performance.PerformanceOracle.DIR;
import static io.arbiter.operators.performance.PerformanceOracle.TRADES;
import static io.arbiter.operators.performance.PerformanceOracle.WINDOW;
import static org.assertj.core.api.Assertions.assertThat;

/** Every row of R's rolling_pf30.csv, from the stream's rolling bucket class with bucket = row. */
class RollingProfitFactorsOracleTest {

    private static final Path ROLLING = DIR.resolve("rolling_pf30.csv");

    @Test
    void everyRowMatchesTheOracleIncludingNanInfinityAndZero() throws Exception {
        double[] exitIndex = PerformanceOracle.column(TRADES, "exit_index");
        int[] exitRow = new int[exitIndex.length];
        for (int i = 0; i < exitRow.length; i++) {
            exitRow[i] = (int) exitIndex[i] - 1; // 1-based in the oracle
        }
        double[] dailyPnl = PerformanceOracle.column(DAILY, "daily_pnl");

        RollingProfitFactors rolling =
                RollingProfitFactors.over(
                        WINDOW,
                        dailyPnl.length,
                        exitRow,
                        PerformanceOracle.column(TRADES, "pnl"),
                        dailyPnl);

        double[] count = PerformanceOracle.column(ROLLING, "n_trades_exited_in_window");
        double[] closed = PerformanceOracle.column(ROLLING, "pf30_closed_trades");
        double[] daily = PerformanceOracle.column(ROLLING, "pf30_daily_mtm");
        assertThat(count).hasSize(5550);
        int infinities = 0;
        int zeros = 0;
        for (int row = 0; row < count.length; row++) {
            String at = "row " + (row + 1);
            PerformanceOracle.assertMatches(
                    at + " count", rolling.tradesInWindow()[row], count[row]);
            PerformanceOracle.assertMatches(
                    at + " closed", rolling.closedTrades()[row], closed[row]);
            PerformanceOracle.assertMatches(at + " daily", rolling.dailyMtm()[row], daily[row]);
            infinities += Double.isInfinite(closed[row]) ? 1 : 0;
            zeros += closed[row] == 0 ? 1 : 0;
        }
        // The edge rules are exercised, not just the ordinary rows.
        assertThat(infinities).isGreaterThan(100);
        assertThat(zeros).isGreaterThan(100);
        assertThat(Double.isNaN(rolling.closedTrades()[28])).isTrue();
        assertThat(rolling.tradesInWindow()[29]).isZero();
    }
}
