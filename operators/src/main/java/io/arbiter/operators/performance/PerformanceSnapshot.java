package io.arbiter.operators.performance;

/**
 * One model's performance at a moment, as the governance rules read it. Window figures cover the
 * last {@code windowDays} days up to {@code day} (fewer, {@code daysCovered}, while the model is
 * younger); NaN means undefined (see {@link ProfitFactor} and {@link RollingPnl#sharpe}).
 *
 * @param day the newest UTC day (days since 1970-01-01) the figures include
 * @param windowDays the window length
 * @param daysCovered days of the window since the model started: min(windowDays, day − start + 1)
 * @param trades round trips closed in the window
 * @param wins round trips with net PnL above 0 in the window
 * @param losses round trips with net PnL below 0 in the window (the rest are exactly 0)
 * @param grossProfit Σ positive net PnL in the window
 * @param grossLoss Σ negative net PnL in the window, ≤ 0
 * @param netPnl Σ net PnL in the window
 * @param profitFactor grossProfit / |grossLoss|: NaN without non-zero PnL, +Infinity without losses
 * @param winRate wins / trades (NaN without trades)
 * @param expectancy mean net PnL per trade (NaN without trades)
 * @param tradesPerDay trades / daysCovered
 * @param sharpe mean / sample SD of daily returns over the covered days (days without trades count
 *     as 0) × √periodsPerYear; NaN with fewer than 2 days or no spread
 * @param tradesSinceStart round trips since the model started
 * @param daysSinceStart day − start + 1
 * @param tradesPerDaySinceStart tradesSinceStart / daysSinceStart
 * @param profitFactorSinceStart as profitFactor, over every round trip since the start
 * @param capital the allocated capital
 * @param equity capital + cumulative net PnL since the start
 * @param peakEquity the highest equity since the start
 * @param drawdown (peakEquity − equity) / peakEquity now; NaN while the peak is not positive
 * @param maxDrawdown the largest drawdown since the start
 * @param maxDrawdownInWindow the largest drawdown over the window's days
 */
public record PerformanceSnapshot(
        long day,
        int windowDays,
        int daysCovered,
        int trades,
        int wins,
        int losses,
        double grossProfit,
        double grossLoss,
        double netPnl,
        double profitFactor,
        double winRate,
        double expectancy,
        double tradesPerDay,
        double sharpe,
        long tradesSinceStart,
        long daysSinceStart,
        double tradesPerDaySinceStart,
        double profitFactorSinceStart,
        double capital,
        double equity,
        double peakEquity,
        double drawdown,
        double maxDrawdown,
        double maxDrawdownInWindow) {}
