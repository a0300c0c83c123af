package io.arbiter.operators.performance;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * The oracle's rolling profit factors over the last {@code window} rows (rows are days of a
 * series), computed with the stream's {@link RollingPnl} with bucket = row index:
 *
 * <ul>
 *   <li>{@code pf30_closed_trades}: over the trades whose exit row is in the window, defined once
 *       the window spans {@code window} rows from the first row;
 *   <li>{@code pf30_daily_mtm}: over the daily PnLs of the window's rows, defined once the window
 *       spans {@code window} rows of defined daily PnL (the first row has none);
 *   <li>{@code n_trades_exited_in_window}: the trade count behind the first, defined with it.
 * </ul>
 *
 * Undefined rows are NaN; see {@link ProfitFactor} for the edge rules.
 *
 * @param tradesInWindow per row, trades that exited in the window
 * @param closedTrades per row, the profit factor of those trades
 * @param dailyMtm per row, the profit factor of the window's daily PnLs (all NaN without them)
 */
public record RollingProfitFactors(
        int window, double[] tradesInWindow, double[] closedTrades, double[] dailyMtm) {

    /**
     * @param rows the rows of the series
     * @param exitRow each trade's exit row, 0-based, in {@code [0, rows)}
     * @param pnl each trade's PnL
     * @param dailyPnl each row's PnL (NaN until the first defined one), or null
     */
    public static RollingProfitFactors over(
            int window, int rows, int[] exitRow, double[] pnl, double[] dailyPnl) {
        if (exitRow.length != pnl.length || (dailyPnl != null && dailyPnl.length != rows)) {
            throw new IllegalArgumentException("columns differ in length");
        }
        for (int row : exitRow) {
            if (row < 0 || row >= rows) {
                throw new IllegalArgumentException(
                        "trade exit row " + row + " outside 0.." + (rows - 1));
            }
        }
        Integer[] order =
                IntStream.range(0, exitRow.length)
                        .boxed()
                        .sorted(Comparator.comparingInt(i -> exitRow[i]))
                        .toArray(Integer[]::new);
        double[] counts = nans(rows);
        double[] closed = nans(rows);
        double[] daily = nans(rows);
        RollingPnl trades = new RollingPnl(window);
        RollingPnl days = new RollingPnl(window);
        boolean daysStarted = false;
        int next = 0;
        for (int row = 0; row < rows; row++) {
            trades.advanceTo(row);
            while (next < order.length && exitRow[order[next]] <= row) {
                trades.add(row, pnl[order[next++]]);
            }
            if (trades.isComplete()) {
                counts[row] = trades.trades();
                closed[row] = trades.profitFactor();
            }
            if (dailyPnl != null) {
                daysStarted |= Double.isFinite(dailyPnl[row]);
                if (daysStarted) {
                    days.advanceTo(row);
                    days.add(row, dailyPnl[row]);
                    if (days.isComplete()) {
                        daily[row] = days.profitFactor();
                    }
                }
            }
        }
        return new RollingProfitFactors(window, counts, closed, daily);
    }

    private static double[] nans(int n) {
        double[] values = new double[n];
        Arrays.fill(values, Double.NaN);
        return values;
    }
}
