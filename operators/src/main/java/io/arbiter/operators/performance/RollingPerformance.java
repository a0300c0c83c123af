package io.arbiter.operators.performance;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * One (book, model)'s results from its closed round trips: the rolling window figures of DOMAIN §1
 * (profit factor, win rate, expectancy, trades per day, Sharpe of daily returns), the same counts
 * since the start, and equity with its drawdowns. Plain Java; the stream keeps one per key.
 *
 * <p>Time is event time in buckets: the stream uses UTC days ({@link UtcDays}) and a window of the
 * policy's days; nothing here reads a clock. The model starts at the first bucket given (call
 * {@link #advanceTo} at allocation start so idle days before the first trade count). A day's return
 * is its net PnL over the equity when its first round trip arrived, which is the equity at the
 * start of that day.
 *
 * <pre>{@code
 * RollingPerformance perf = new RollingPerformance(30, 10_000, 252);
 * perf.record(UtcDays.of(trip.exitTime()), trip.netPnl());
 * PerformanceSnapshot now = perf.snapshot();
 * }</pre>
 *
 * <p>A round trip whose day already left the window (a very late one) only moves the since-start
 * figures and the equity. Every update is O(1) amortised.
 */
public final class RollingPerformance {

    private static final byte FORMAT = 1;

    private final double periodsPerYear;
    private final RollingPnl window;
    private final DrawdownTracker equity;
    private long trades;
    private long wins;
    private long losses;
    private double grossProfit;
    private double grossLoss;

    /**
     * @param windowDays the rolling window in buckets (the policy's 30 days)
     * @param capital the allocated capital, the starting equity (finite, ≥ 0)
     * @param periodsPerYear the Sharpe ratio's annualisation: buckets per year (252 for days)
     */
    public RollingPerformance(int windowDays, double capital, double periodsPerYear) {
        this(periodsPerYear, new RollingPnl(windowDays), new DrawdownTracker(windowDays, capital));
    }

    private RollingPerformance(double periodsPerYear, RollingPnl window, DrawdownTracker equity) {
        if (!(Double.isFinite(periodsPerYear) && periodsPerYear > 0)) {
            throw new IllegalArgumentException("periods per year must be > 0: " + periodsPerYear);
        }
        this.periodsPerYear = periodsPerYear;
        this.window = window;
        this.equity = equity;
    }

    /**
     * Moves time to bucket {@code day} (never back), e.g. on a timer: old days leave the window.
     */
    public void advanceTo(long day) {
        window.advanceTo(day);
        equity.advanceTo(Math.max(day, window.end()));
    }

    /**
     * Books one closed round trip's net PnL in bucket {@code day} (its exit's UTC day).
     *
     * @return false, booking nothing, when {@code netPnl} is not finite
     */
    public boolean record(long day, double netPnl) {
        if (!Double.isFinite(netPnl)) {
            return false;
        }
        window.add(day, netPnl, equity.equity());
        equity.addPnl(Math.max(day, window.end()), netPnl);
        trades++;
        if (netPnl > 0) {
            wins++;
            grossProfit += netPnl;
        } else if (netPnl < 0) {
            losses++;
            grossLoss += netPnl;
        }
        return true;
    }

    /**
     * A new allocated capital (from the allocation): equity and peak move by the change, see {@link
     * DrawdownTracker#setCapital}. False, changing nothing, unless finite and ≥ 0.
     */
    public boolean setCapital(double capital) {
        return equity.setCapital(capital);
    }

    /** The figures now; all NaN-safe. */
    public PerformanceSnapshot snapshot() {
        long day = window.end();
        long daysSinceStart = day == Long.MIN_VALUE ? 0 : day - window.first() + 1;
        return new PerformanceSnapshot(
                day,
                window.buckets(),
                window.coveredBuckets(),
                window.trades(),
                window.wins(),
                window.losses(),
                window.grossProfit(),
                window.grossLoss(),
                window.netPnl(),
                window.profitFactor(),
                window.winRate(),
                window.expectancy(),
                window.tradesPerBucket(),
                window.sharpe(periodsPerYear),
                trades,
                daysSinceStart,
                daysSinceStart == 0 ? Double.NaN : (double) trades / daysSinceStart,
                ProfitFactor.of(grossProfit, grossLoss, wins, losses),
                equity.capital(),
                equity.equity(),
                equity.peak(),
                equity.drawdown(),
                equity.maxDrawdown(),
                equity.maxDrawdownInWindow());
    }

    public void writeTo(DataOutput out) throws IOException {
        out.writeByte(FORMAT);
        StateIo.writeDouble(out, periodsPerYear);
        window.writeTo(out);
        equity.writeTo(out);
        out.writeLong(trades);
        out.writeLong(wins);
        out.writeLong(losses);
        StateIo.writeDouble(out, grossProfit);
        StateIo.writeDouble(out, grossLoss);
    }

    public static RollingPerformance readFrom(DataInput in) throws IOException {
        byte format = in.readByte();
        if (format != FORMAT) {
            throw new IOException("unknown RollingPerformance state format " + format);
        }
        double periodsPerYear = StateIo.readDouble(in);
        StateIo.check(
                Double.isFinite(periodsPerYear) && periodsPerYear > 0,
                "periods per year " + periodsPerYear);
        RollingPerformance p =
                new RollingPerformance(
                        periodsPerYear, RollingPnl.readFrom(in), DrawdownTracker.readFrom(in));
        p.trades = in.readLong();
        p.wins = in.readLong();
        p.losses = in.readLong();
        p.grossProfit = StateIo.readDouble(in);
        p.grossLoss = StateIo.readDouble(in);
        return p;
    }
}
