package io.arbiter.operators.performance;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Closed trades for the batch metrics, in exit order (a stable sort by exit date; ties keep the
 * file's order). PnL is per trade, net, in money or price units; {@code returns} and {@code
 * barsHeld} are optional columns ({@code null} when absent).
 */
public final class TradeList {

    private final String[] ids;
    private final LocalDate[] entryDates;
    private final LocalDate[] exitDates;
    private final double[] pnl;
    private final double[] returns;
    private final double[] barsHeld;

    private TradeList(
            String[] ids,
            LocalDate[] entryDates,
            LocalDate[] exitDates,
            double[] pnl,
            double[] returns,
            double[] barsHeld) {
        this.ids = ids;
        this.entryDates = entryDates;
        this.exitDates = exitDates;
        this.pnl = pnl;
        this.returns = returns;
        this.barsHeld = barsHeld;
    }

    /**
     * Reads a CSV with columns {@code trade_id, entry_date, exit_date, pnl} (any order, others
     * ignored) and, when present, {@code return} and {@code bars_held}. Dates are ISO dates or
     * date-times; every number must be finite.
     */
    public static TradeList read(Path file) throws IOException, PerformanceInputException {
        CsvTable csv = CsvTable.read(file);
        int n = csv.rowCount();
        for (String required : new String[] {"trade_id", "entry_date", "exit_date", "pnl"}) {
            csv.firstOf(required);
        }
        boolean hasReturns = csv.has("return");
        boolean hasBars = csv.has("bars_held");
        String[] ids = new String[n];
        LocalDate[] entries = new LocalDate[n];
        LocalDate[] exits = new LocalDate[n];
        double[] pnl = new double[n];
        double[] returns = hasReturns ? new double[n] : null;
        double[] bars = hasBars ? new double[n] : null;
        for (int row = 0; row < n; row++) {
            ids[row] = csv.text(row, "trade_id");
            entries[row] = csv.date(row, "entry_date");
            exits[row] = csv.date(row, "exit_date");
            if (exits[row].isBefore(entries[row])) {
                throw csv.error(
                        row, "exit_date", exits[row].toString(), "is before the entry date");
            }
            pnl[row] = csv.finite(row, "pnl");
            if (hasReturns) {
                returns[row] = csv.finite(row, "return");
            }
            if (hasBars) {
                bars[row] = csv.finite(row, "bars_held");
            }
        }
        return of(ids, entries, exits, pnl, returns, bars);
    }

    /** Trades from arrays of equal length, put in exit order; returns and barsHeld may be null. */
    public static TradeList of(
            String[] ids,
            LocalDate[] entryDates,
            LocalDate[] exitDates,
            double[] pnl,
            double[] returns,
            double[] barsHeld) {
        int n = pnl.length;
        if (ids.length != n
                || entryDates.length != n
                || exitDates.length != n
                || (returns != null && returns.length != n)
                || (barsHeld != null && barsHeld.length != n)) {
            throw new IllegalArgumentException("trade columns differ in length");
        }
        int[] order =
                IntStream.range(0, n)
                        .boxed()
                        .sorted(Comparator.comparing(i -> exitDates[i]))
                        .mapToInt(Integer::intValue)
                        .toArray();
        return new TradeList(
                permute(ids, order, new String[n]),
                permute(entryDates, order, new LocalDate[n]),
                permute(exitDates, order, new LocalDate[n]),
                permute(pnl, order),
                returns == null ? null : permute(returns, order),
                barsHeld == null ? null : permute(barsHeld, order));
    }

    /** Trades with PnL only (no dates: all on 1970-01-01), in the given order. */
    public static TradeList ofPnl(double... pnl) {
        LocalDate[] dates = new LocalDate[pnl.length];
        Arrays.fill(dates, LocalDate.EPOCH);
        String[] ids =
                IntStream.range(0, pnl.length).mapToObj(i -> "t" + (i + 1)).toArray(String[]::new);
        return of(ids, dates, dates.clone(), pnl.clone(), null, null);
    }

    private static <T> T[] permute(T[] values, int[] order, T[] into) {
        for (int i = 0; i < order.length; i++) {
            into[i] = values[order[i]];
        }
        return into;
    }

    private static double[] permute(double[] values, int[] order) {
        double[] into = new double[order.length];
        for (int i = 0; i < order.length; i++) {
            into[i] = values[order[i]];
        }
        return into;
    }

    public int size() {
        return pnl.length;
    }

    public String id(int i) {
        return ids[i];
    }

    public LocalDate entryDate(int i) {
        return entryDates[i];
    }

    public LocalDate exitDate(int i) {
        return exitDates[i];
    }

    public double pnl(int i) {
        return pnl[i];
    }

    public boolean hasReturns() {
        return returns != null;
    }

    /** The {@code return} column; only when {@link #hasReturns()}. */
    public double returnOf(int i) {
        return returns[i];
    }

    public boolean hasBarsHeld() {
        return barsHeld != null;
    }

    /** The {@code bars_held} column; only when {@link #hasBarsHeld()}. */
    public double barsHeld(int i) {
        return barsHeld[i];
    }
}
