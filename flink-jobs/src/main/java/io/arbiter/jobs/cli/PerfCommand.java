package io.arbiter.jobs.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.arbiter.operators.performance.DailyEquity;
import io.arbiter.operators.performance.PerformanceInputException;
import io.arbiter.operators.performance.PerformanceReport;
import io.arbiter.operators.performance.RollingProfitFactors;
import io.arbiter.operators.performance.TradeList;
import io.arbiter.operators.policy.Policy;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * {@code arbiter perf --trades T.csv [--equity 10000] [--daily D.csv] [--rolling OUT.csv] [--window
 * 30] [--format text|json]}: performance of a closed-trade list with the stream's classes ({@link
 * PerformanceReport}, {@link RollingProfitFactors}).
 *
 * <p>The trade file needs columns {@code trade_id, entry_date, exit_date, pnl} (any order, others
 * ignored; {@code return} and {@code bars_held} add their averages). {@code --daily} is a daily
 * equity file ({@code Date, equity}, optionally {@code daily_pnl, daily_return}) that adds the
 * mark-to-market drawdown and the Sharpe ratios. {@code --rolling} writes the rolling profit
 * factors over the last {@code --window} days: one row per day of the daily file, or per calendar
 * day from the first entry to the last exit without one.
 *
 * <p>The JSON form is one object keyed by the metric names of the performance oracle ({@code
 * n_trades}, {@code profit_factor}, {@code max_drawdown_pct_closed_trades}, …; see {@link
 * PerformanceReport#byMetricName}), numbers at full double precision; an undefined figure is null
 * and an infinite one (a profit factor without losses) the string {@code "Infinity"}, since JSON
 * has no infinity.
 */
final class PerfCommand {

    static final Set<String> OPTIONS =
            Set.of("trades", "equity", "daily", "rolling", "window", "format", "policy");

    /** The starting equity of the oracle's strategy, when none is given. */
    static final double DEFAULT_STARTING_EQUITY = 10_000;

    private PerfCommand() {}

    static int run(CliArgs args) throws Exception {
        Path tradesFile = Path.of(args.required("trades"));
        double equity = startingEquity(args);
        Path dailyFile = args.path("daily", null);
        Path rollingFile = args.path("rolling", null);
        // The window and the Sharpe annualisation are the desk's (policy performance section).
        Path policyFile = PolicyOption.file(args);
        Policy policy = policyFile == null ? Policy.defaults() : Policy.load(policyFile);
        int window = args.integer("window", policy.performance().windowDays());
        if (window < 1) {
            throw new UsageException("perf: --window " + window + " must be at least 1");
        }
        OutputFormat format = OutputFormat.of("perf", args);

        TradeList trades;
        DailyEquity daily;
        RollingProfitFactors rolling = null;
        LocalDate[] days = null;
        try {
            trades = TradeList.read(tradesFile);
            daily = dailyFile == null ? null : DailyEquity.read(dailyFile);
            if (rollingFile != null) {
                days = days(trades, daily);
                rolling = rolling(trades, daily, days, window);
            }
        } catch (PerformanceInputException e) {
            System.err.println("arbiter perf: " + e.getMessage());
            return 1;
        } catch (IOException e) {
            System.err.println("arbiter perf: cannot read a file: " + e);
            return 1;
        }
        Map<String, Number> metrics =
                PerformanceReport.of(
                                trades, equity, daily, policy.performance().sharpeAnnualisation())
                        .byMetricName();
        if (rolling != null) {
            writeRolling(rollingFile, days, rolling, daily != null);
        }

        if (format == OutputFormat.JSON) {
            Map<String, Object> json = new LinkedHashMap<>();
            metrics.forEach((name, value) -> json.put(name, jsonValue(value)));
            System.out.println(new ObjectMapper().writeValueAsString(json));
        } else {
            System.out.printf(
                    "arbiter perf: %d trades from %s%s%n",
                    trades.size(),
                    tradesFile,
                    daily == null ? "" : ", " + daily.size() + " days from " + dailyFile);
            metrics.forEach(
                    (name, value) ->
                            System.out.printf(
                                    "  %-42s %s%n",
                                    name, Double.isNaN(value.doubleValue()) ? "n/a" : value));
            if (rolling != null) {
                System.out.println("  rolling profit factors written to " + rollingFile);
            }
        }
        return 0;
    }

    private static double startingEquity(CliArgs args) {
        String given = args.string("equity", null);
        if (given == null) {
            return DEFAULT_STARTING_EQUITY;
        }
        try {
            double equity = Double.parseDouble(given);
            if (Double.isFinite(equity) && equity > 0) {
                return equity;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException("perf: --equity '" + given + "' is not a positive number");
    }

    /** NaN → null, ±Infinity → "Infinity"/"-Infinity"; counts and finite numbers as they are. */
    private static Object jsonValue(Number value) {
        double d = value.doubleValue();
        if (Double.isNaN(d)) {
            return null;
        }
        if (Double.isInfinite(d)) {
            return Double.toString(d);
        }
        return value;
    }

    /** The rows of the rolling series: the daily file's days, or every calendar day traded. */
    private static LocalDate[] days(TradeList trades, DailyEquity daily) {
        if (daily != null) {
            LocalDate[] days = new LocalDate[daily.size()];
            for (int t = 0; t < days.length; t++) {
                days[t] = daily.date(t);
            }
            return days;
        }
        if (trades.size() == 0) {
            return new LocalDate[0];
        }
        LocalDate first = trades.entryDate(0);
        for (int i = 1; i < trades.size(); i++) {
            first = trades.entryDate(i).isBefore(first) ? trades.entryDate(i) : first;
        }
        LocalDate last = trades.exitDate(trades.size() - 1); // exit order
        LocalDate[] days = new LocalDate[(int) ChronoUnit.DAYS.between(first, last) + 1];
        for (int t = 0; t < days.length; t++) {
            days[t] = first.plusDays(t);
        }
        return days;
    }

    private static RollingProfitFactors rolling(
            TradeList trades, DailyEquity daily, LocalDate[] days, int window)
            throws PerformanceInputException {
        Map<LocalDate, Integer> rowOf = new HashMap<>();
        for (int t = 0; t < days.length; t++) {
            rowOf.put(days[t], t);
        }
        int[] exitRow = new int[trades.size()];
        double[] pnl = new double[trades.size()];
        for (int i = 0; i < trades.size(); i++) {
            Integer row = rowOf.get(trades.exitDate(i));
            if (row == null) {
                throw new PerformanceInputException(
                        "trade "
                                + trades.id(i)
                                + " exits on "
                                + trades.exitDate(i)
                                + ", which is not a day of the daily equity file");
            }
            exitRow[i] = row;
            pnl[i] = trades.pnl(i);
        }
        double[] dailyPnl = null;
        if (daily != null) {
            dailyPnl = new double[days.length];
            for (int t = 0; t < days.length; t++) {
                dailyPnl[t] = daily.pnl(t);
            }
        }
        return RollingProfitFactors.over(window, days.length, exitRow, pnl, dailyPnl);
    }

    /**
     * {@code Date, n_trades_exited_in_window, pf<W>_closed_trades[, pf<W>_daily_mtm]}: as the
     * oracle's rolling_pf30.csv, numbers as Java prints them ({@code NaN}, {@code Infinity}).
     */
    private static void writeRolling(
            Path file, LocalDate[] days, RollingProfitFactors rolling, boolean withDaily)
            throws IOException {
        String pf = "pf" + rolling.window();
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("Date,n_trades_exited_in_window," + pf + "_closed_trades");
            out.write(withDaily ? "," + pf + "_daily_mtm\n" : "\n");
            for (int t = 0; t < days.length; t++) {
                double count = rolling.tradesInWindow()[t];
                out.write(days[t].toString());
                out.write(',');
                out.write(Double.isNaN(count) ? "NaN" : Long.toString((long) count));
                out.write(',');
                out.write(Double.toString(rolling.closedTrades()[t]));
                if (withDaily) {
                    out.write(',');
                    out.write(Double.toString(rolling.dailyMtm()[t]));
                }
                out.write('\n');
            }
        }
    }
}
