package io.arbiter.operators.performance;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class PerformanceReportTest {

    @Test
    void handCheckedTradeList() {
        // Equity 100 → 110 → 104 → 104 → 112 → 99.
        Map<String, Number> m =
                PerformanceReport.of(TradeList.ofPnl(10, -6, 0, 8, -13), 100, null, 252)
                        .byMetricName();

        assertThat(m.get("n_trades")).isEqualTo(5);
        assertThat(m.get("n_wins")).isEqualTo(2);
        assertThat(m.get("n_losses")).isEqualTo(2);
        assertThat(m.get("n_zero_pnl")).isEqualTo(1);
        assertThat(m.get("win_rate").doubleValue()).isEqualTo(0.4);
        assertThat(m.get("gross_profit").doubleValue()).isEqualTo(18);
        assertThat(m.get("gross_loss").doubleValue()).isEqualTo(-19);
        assertThat(m.get("profit_factor").doubleValue()).isCloseTo(18.0 / 19, within(1e-15));
        assertThat(m.get("net_pnl").doubleValue()).isEqualTo(-1);
        assertThat(m.get("expectancy_per_trade").doubleValue()).isEqualTo(-0.2);
        assertThat(m.get("expectancy_check_winrate_formula").doubleValue())
                .isCloseTo(-0.2, within(1e-15)); // 0.4 * 9 + 0.4 * -9.5
        assertThat(m.get("avg_win").doubleValue()).isEqualTo(9);
        assertThat(m.get("avg_loss").doubleValue()).isEqualTo(-9.5);
        assertThat(m.get("largest_win").doubleValue()).isEqualTo(10);
        assertThat(m.get("largest_loss").doubleValue()).isEqualTo(-13);
        assertThat(m.get("final_equity").doubleValue()).isEqualTo(99);
        // Peak 112, trough 99: 13 = 13/112 of the peak.
        assertThat(m.get("max_drawdown_abs_closed_trades").doubleValue()).isEqualTo(13);
        assertThat(m.get("max_drawdown_pct_closed_trades").doubleValue())
                .isCloseTo(13.0 / 112, within(1e-15));
        assertThat(m).doesNotContainKey("sharpe_daily_returns_ann252");
    }

    @Test
    void edgeCasesAreNaNOrInfinityNeverAnError() {
        Map<String, Number> none =
                PerformanceReport.of(TradeList.ofPnl(), 100, null, 252).byMetricName();
        assertThat(none.get("n_trades")).isEqualTo(0);
        assertThat(none.get("profit_factor").doubleValue()).isNaN();
        assertThat(none.get("win_rate").doubleValue()).isNaN();
        assertThat(none.get("max_drawdown_pct_closed_trades").doubleValue()).isZero();

        Map<String, Number> allWins =
                PerformanceReport.of(TradeList.ofPnl(1, 2), 100, null, 252).byMetricName();
        assertThat(allWins.get("profit_factor").doubleValue()).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(allWins.get("avg_loss").doubleValue()).isNaN();
        assertThat(allWins.get("largest_loss").doubleValue()).isNaN();

        Map<String, Number> allLosses =
                PerformanceReport.of(TradeList.ofPnl(-1), 100, null, 252).byMetricName();
        assertThat(allLosses.get("profit_factor").doubleValue()).isZero();
    }

    @Test
    void dailySeriesGivesMarkToMarketDrawdownAndSharpe() {
        DailyEquity daily = DailyEquity.ofEquity(LocalDate.of(2024, 1, 1), 100, 102, 99, 101);
        Map<String, Number> m =
                PerformanceReport.of(TradeList.ofPnl(1), 100, daily, 252).byMetricName();

        // Peak 102, trough 99: 3 abs, 3/102.
        assertThat(m.get("max_drawdown_abs_daily_mtm").doubleValue()).isEqualTo(3);
        assertThat(m.get("max_drawdown_pct_daily_mtm").doubleValue())
                .isCloseTo(3.0 / 102, within(1e-15));
        double[] r = {0.02, 99.0 / 102 - 1, 101.0 / 99 - 1};
        double mean = (r[0] + r[1] + r[2]) / 3;
        double var =
                ((r[0] - mean) * (r[0] - mean)
                                + (r[1] - mean) * (r[1] - mean)
                                + (r[2] - mean) * (r[2] - mean))
                        / 2;
        assertThat(m.get("n_daily_returns")).isEqualTo(3);
        assertThat(m.get("sharpe_daily_returns_ann252").doubleValue())
                .isCloseTo(mean / Math.sqrt(var) * Math.sqrt(252), within(1e-12));
        // Daily PnL 2, -3, 2: mean 1/3, sample SD sqrt(((5/3)² + (10/3)² + (5/3)²) / 2).
        double pnlSd = Math.sqrt((25.0 / 9 + 100.0 / 9 + 25.0 / 9) / 2);
        assertThat(m.get("sharpe_daily_pnl_ann252").doubleValue())
                .isCloseTo(1.0 / 3 / pnlSd * Math.sqrt(252), within(1e-12));
    }
}
