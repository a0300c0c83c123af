package io.arbiter.operators.performance;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.arbiter.operators.performance.PerformanceOracle.DAILY;
import static io.arbiter.operators.performance.PerformanceOracle.STARTING_EQUITY;
import static io.arbiter.operators.performance.PerformanceOracle.TRADES;
import static io.arbiter.operators.performance.PerformanceOracle.TRADING_DAYS;
import static org.assertj.core.api.Assertions.assertThat;

/** The batch metrics of the SMA(20) crossover's trades on ttrc against R's metrics.csv. */
class PerformanceReportOracleTest {

    /** The keys the issue names, which the report must produce with a daily series. */
    private static final List<String> REQUIRED =
            List.of(
                    "n_trades",
                    "n_wins",
                    "n_losses",
                    "win_rate",
                    "gross_profit",
                    "gross_loss",
                    "profit_factor",
                    "expectancy_per_trade",
                    "net_pnl",
                    "max_drawdown_abs_closed_trades",
                    "max_drawdown_pct_closed_trades",
                    "max_drawdown_abs_daily_mtm",
                    "max_drawdown_pct_daily_mtm",
                    "sharpe_daily_returns_ann252");

    @Test
    void everyMetricProducedMatchesTheOracle() throws Exception {
        Map<String, Number> report =
                PerformanceReport.of(
                                TradeList.read(TRADES),
                                STARTING_EQUITY,
                                DailyEquity.read(DAILY),
                                TRADING_DAYS)
                        .byMetricName();
        Map<String, Double> oracle = PerformanceOracle.metrics();

        assertThat(report.keySet()).containsAll(REQUIRED);
        assertThat(oracle.keySet()).containsAll(report.keySet());
        for (Map.Entry<String, Number> metric : report.entrySet()) {
            PerformanceOracle.assertMatches(
                    metric.getKey(), metric.getValue().doubleValue(), oracle.get(metric.getKey()));
        }
        // 31 of the oracle's 41 keys: the others are the compounding variant (4), the exposure,
        // the exit-reason split (2) and R's cross-checks (3).
        assertThat(report).hasSize(31);
        assertThat(report.get("n_trades")).isInstanceOf(Integer.class);
    }

    @Test
    void withoutADailySeriesOnlyTradeMetricsAreProduced() throws Exception {
        Map<String, Number> report =
                PerformanceReport.of(TradeList.read(TRADES), STARTING_EQUITY, null, TRADING_DAYS)
                        .byMetricName();

        assertThat(report)
                .doesNotContainKeys("max_drawdown_abs_daily_mtm", "sharpe_daily_returns_ann252");
        Map<String, Double> oracle = PerformanceOracle.metrics();
        for (Map.Entry<String, Number> metric : report.entrySet()) {
            PerformanceOracle.assertMatches(
                    metric.getKey(), metric.getValue().doubleValue(), oracle.get(metric.getKey()));
        }
    }
}
