package io.arbiter.operators.performance;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;

/**
 * A daily mark-to-market equity series: one row per day, in date order. Daily PnL and returns are
 * taken from the {@code daily_pnl} / {@code daily_return} columns when the file has them (they are
 * the accounting's own figures, rounding included) and otherwise derived from the equity: {@code
 * E[t] − E[t−1]} and {@code E[t] / E[t−1] − 1}. The first day has neither (NaN).
 */
public final class DailyEquity {

    private final LocalDate[] dates;
    private final double[] equity;
    private final double[] pnl;
    private final double[] returns;

    private DailyEquity(LocalDate[] dates, double[] equity, double[] pnl, double[] returns) {
        this.dates = dates;
        this.equity = equity;
        this.pnl = pnl;
        this.returns = returns;
    }

    /**
     * Reads a CSV with columns {@code Date} (or {@code date}) and {@code equity}, optionally {@code
     * daily_pnl} and {@code daily_return} (NaN allowed on the first row only); others are ignored.
     * Dates must increase.
     */
    public static DailyEquity read(Path file) throws IOException, PerformanceInputException {
        CsvTable csv = CsvTable.read(file);
        String dateColumn = csv.firstOf("Date", "date");
        csv.firstOf("equity");
        int n = csv.rowCount();
        if (n == 0) {
            throw new PerformanceInputException(file + ": no days after the header");
        }
        LocalDate[] dates = new LocalDate[n];
        double[] equity = new double[n];
        double[] pnl = new double[n];
        double[] returns = new double[n];
        for (int row = 0; row < n; row++) {
            dates[row] = csv.date(row, dateColumn);
            if (row > 0 && !dates[row].isAfter(dates[row - 1])) {
                throw csv.error(
                        row,
                        dateColumn,
                        dates[row].toString(),
                        "does not follow the previous date");
            }
            equity[row] = csv.finite(row, "equity");
            pnl[row] = derived(csv, row, "daily_pnl", equity, false);
            returns[row] = derived(csv, row, "daily_return", equity, true);
        }
        return new DailyEquity(dates, equity, pnl, returns);
    }

    private static double derived(
            CsvTable csv, int row, String column, double[] equity, boolean asReturn)
            throws PerformanceInputException {
        if (csv.has(column)) {
            return row == 0 ? csv.number(row, column) : csv.finite(row, column);
        }
        if (row == 0) {
            return Double.NaN;
        }
        if (!asReturn) {
            return equity[row] - equity[row - 1];
        }
        if (!(equity[row - 1] > 0)) {
            throw csv.error(
                    row - 1,
                    "equity",
                    Double.toString(equity[row - 1]),
                    "is not positive, so the next day's return is undefined");
        }
        return equity[row] / equity[row - 1] - 1;
    }

    /** A series from equity levels alone, one per day from {@code firstDay}. */
    public static DailyEquity ofEquity(LocalDate firstDay, double... equity) {
        int n = equity.length;
        LocalDate[] dates = new LocalDate[n];
        double[] pnl = new double[n];
        double[] returns = new double[n];
        for (int t = 0; t < n; t++) {
            dates[t] = firstDay.plusDays(t);
            pnl[t] = t == 0 ? Double.NaN : equity[t] - equity[t - 1];
            returns[t] = t == 0 ? Double.NaN : equity[t] / equity[t - 1] - 1;
        }
        return new DailyEquity(dates, equity.clone(), pnl, returns);
    }

    public int size() {
        return equity.length;
    }

    public LocalDate date(int t) {
        return dates[t];
    }

    public double equity(int t) {
        return equity[t];
    }

    /** E[t] − E[t−1] (or the file's figure); NaN on the first day. */
    public double pnl(int t) {
        return pnl[t];
    }

    /** E[t] / E[t−1] − 1 (or the file's figure); NaN on the first day. */
    public double dailyReturn(int t) {
        return returns[t];
    }
}
