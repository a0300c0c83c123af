package io.arbiter.operators.performance;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The batch performance figures of a closed-trade list, and of its daily mark-to-market equity when
 * one is given, under the metric names of the oracle's {@code metrics.csv} so the CLI, a report
 * file and the oracle test share one list of names.
 *
 * <p>Definitions (the oracle's README): a win is PnL &gt; 0, a loss PnL &lt; 0, zero-PnL trades are
 * neither but count in n_trades; win_rate = wins / n_trades; profit factor with {@link
 * ProfitFactor}'s edge rules; closed-trade drawdown over the points start, start + cumsum(pnl);
 * daily drawdown over the equity levels with the peak starting at the starting equity; Sharpe =
 * mean / sample SD of the daily returns × √periodsPerYear (zeros included, no risk-free rate).
 */
public final class PerformanceReport {

    private final Map<String, Number> metrics;

    private PerformanceReport(Map<String, Number> metrics) {
        this.metrics = metrics;
    }

    /**
     * @param daily the daily equity series, or null for trade figures only
     * @param periodsPerYear the Sharpe annualisation (252 trading days in the oracle)
     */
    public static PerformanceReport of(
            TradeList trades, double startingEquity, DailyEquity daily, double periodsPerYear) {
        if (!Double.isFinite(startingEquity) || startingEquity < 0) {
            throw new IllegalArgumentException("starting equity must be >= 0: " + startingEquity);
        }
        Map<String, Number> m = new LinkedHashMap<>();
        m.put("starting_equity", startingEquity);
        putTrades(m, trades);
        m.put("final_equity", startingEquity + m.get("net_pnl").doubleValue());
        DrawdownTracker closed = new DrawdownTracker(1, startingEquity);
        for (int i = 0; i < trades.size(); i++) {
            closed.addPnl(i, trades.pnl(i));
        }
        if (daily != null) {
            DrawdownTracker marked = new DrawdownTracker(1, startingEquity);
            for (int t = 0; t < daily.size(); t++) {
                marked.markEquity(t, daily.equity(t));
            }
            m.put("max_drawdown_abs_daily_mtm", marked.maxDrawdownAbs());
            m.put("max_drawdown_pct_daily_mtm", marked.maxDrawdown());
        }
        m.put("max_drawdown_abs_closed_trades", closed.maxDrawdownAbs());
        m.put("max_drawdown_pct_closed_trades", closed.maxDrawdown());
        if (daily != null) {
            putDaily(m, daily, periodsPerYear);
        }
        return new PerformanceReport(m);
    }

    private static void putTrades(Map<String, Number> m, TradeList trades) {
        int n = trades.size();
        int wins = 0;
        int losses = 0;
        double profit = 0;
        double loss = 0;
        double net = 0;
        double largestWin = Double.NaN;
        double largestLoss = Double.NaN;
        for (int i = 0; i < n; i++) {
            double pnl = trades.pnl(i);
            net += pnl;
            if (pnl > 0) {
                wins++;
                profit += pnl;
                largestWin = wins == 1 ? pnl : Math.max(largestWin, pnl);
            } else if (pnl < 0) {
                losses++;
                loss += pnl;
                largestLoss = losses == 1 ? pnl : Math.min(largestLoss, pnl);
            }
        }
        double winRate = ratio(wins, n);
        double avgWin = wins == 0 ? Double.NaN : profit / wins;
        double avgLoss = losses == 0 ? Double.NaN : loss / losses;
        m.put("n_trades", n);
        m.put("n_wins", wins);
        m.put("n_losses", losses);
        m.put("n_zero_pnl", n - wins - losses);
        m.put("win_rate", winRate);
        m.put("gross_profit", profit);
        m.put("gross_loss", loss);
        m.put("profit_factor", ProfitFactor.of(profit, loss, wins, losses));
        m.put("net_pnl", net);
        m.put("expectancy_per_trade", n == 0 ? Double.NaN : net / n);
        m.put("avg_win", avgWin);
        m.put("avg_loss", avgLoss);
        m.put("largest_win", largestWin);
        m.put("largest_loss", largestLoss);
        // The same expectancy from its parts: P(win)·avg win + P(loss)·avg loss (zeros add 0).
        m.put(
                "expectancy_check_winrate_formula",
                n == 0
                        ? Double.NaN
                        : (wins == 0 ? 0 : winRate * avgWin)
                                + (losses == 0 ? 0 : ratio(losses, n) * avgLoss));
        if (trades.hasReturns()) {
            double sum = 0;
            double growth = 1;
            for (int i = 0; i < n; i++) {
                sum += trades.returnOf(i);
                growth *= 1 + trades.returnOf(i);
            }
            m.put("mean_trade_return", n == 0 ? Double.NaN : sum / n);
            m.put("sum_trade_return", sum);
            m.put("compounded_trade_return", growth - 1);
        }
        if (trades.hasBarsHeld()) {
            double bars = 0;
            for (int i = 0; i < n; i++) {
                bars += trades.barsHeld(i);
            }
            m.put("avg_bars_held", n == 0 ? Double.NaN : bars / n);
        }
    }

    private static void putDaily(Map<String, Number> m, DailyEquity daily, double periodsPerYear) {
        double[] returns = defined(daily, true);
        double[] pnl = defined(daily, false);
        String ann = "_ann" + periodsName(periodsPerYear);
        double mean = mean(returns);
        double sd = Math.sqrt(sampleVariance(returns, mean));
        m.put("n_daily_returns", returns.length);
        m.put("mean_daily_return", mean);
        m.put("sd_daily_return_sample", sd);
        m.put("sharpe_daily_returns" + ann, sharpe(mean, sd, periodsPerYear));
        double populationSd =
                returns.length == 0
                        ? Double.NaN
                        : sd * Math.sqrt((returns.length - 1.0) / returns.length);
        m.put("sharpe_daily_returns" + ann + "_popsd", sharpe(mean, populationSd, periodsPerYear));
        double pnlMean = mean(pnl);
        m.put(
                "sharpe_daily_pnl" + ann,
                sharpe(pnlMean, Math.sqrt(sampleVariance(pnl, pnlMean)), periodsPerYear));
    }

    /** The daily returns (or PnLs) that are defined, i.e. from the second day on. */
    private static double[] defined(DailyEquity daily, boolean returns) {
        double[] values = new double[daily.size()];
        int k = 0;
        for (int t = 0; t < daily.size(); t++) {
            double v = returns ? daily.dailyReturn(t) : daily.pnl(t);
            if (Double.isFinite(v)) {
                values[k++] = v;
            }
        }
        return java.util.Arrays.copyOf(values, k);
    }

    private static double mean(double[] x) {
        if (x.length == 0) {
            return Double.NaN;
        }
        double sum = 0;
        for (double v : x) {
            sum += v;
        }
        double mean = sum / x.length;
        // Second pass, as R's mean() does: adds back what the first sum rounded away.
        double residual = 0;
        for (double v : x) {
            residual += v - mean;
        }
        return mean + residual / x.length;
    }

    private static double sampleVariance(double[] x, double mean) {
        if (x.length < 2) {
            return Double.NaN;
        }
        double squares = 0;
        double sum = 0;
        for (double v : x) {
            double d = v - mean;
            squares += d * d;
            sum += d;
        }
        return (squares - sum * sum / x.length) / (x.length - 1);
    }

    private static double sharpe(double mean, double sd, double periodsPerYear) {
        return sd > 0 ? mean / sd * Math.sqrt(periodsPerYear) : Double.NaN;
    }

    private static double ratio(int count, int n) {
        return n == 0 ? Double.NaN : (double) count / n;
    }

    private static String periodsName(double periodsPerYear) {
        return periodsPerYear == Math.rint(periodsPerYear)
                ? Long.toString((long) periodsPerYear)
                : Double.toString(periodsPerYear);
    }

    /**
     * The figures by oracle metric name, in the oracle's order. Counts are Integers, the rest
     * Doubles; undefined figures are NaN (the CLI prints them as null), a profit factor without
     * losses is +Infinity. Daily keys appear only with a daily series; {@code mean_trade_return},
     * {@code sum_trade_return}, {@code compounded_trade_return} only with a {@code return} column,
     * {@code avg_bars_held} only with {@code bars_held}.
     */
    public Map<String, Number> byMetricName() {
        return java.util.Collections.unmodifiableMap(metrics);
    }
}
