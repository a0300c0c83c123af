package io.arbiter.operators.performance;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * Equity (capital + cumulative net PnL), its running peak and drawdowns: the current one, the
 * largest since the start, and the largest over the last {@code n} buckets.
 *
 * <p>Drawdown is (peak − equity) / peak (DOMAIN §1), NaN while the peak is not positive (never a
 * division by zero). The peak starts at the capital. The windowed maximum uses a monotone deque of
 * (bucket, largest drawdown in that bucket): a value is dropped from the back as soon as a newer
 * one is at least as large, so each bucket enters and leaves once (O(1) amortised) and the front is
 * the maximum. When the window moves to a new bucket, the drawdown carried into it is recorded
 * there, so a model that sits in a drawdown without trading still shows it.
 *
 * <p>Changing the capital (a new allocation) moves equity and peak by the same amount: the absolute
 * drawdown is kept, and its share is now of the new peak.
 */
public final class DrawdownTracker {

    private static final long NONE = Long.MIN_VALUE;

    private final int n;
    private double capital;
    private double cumulativePnl;
    private double peak;
    private double maxDrawdown;
    private double maxDrawdownAbs;
    private long end = NONE;
    // Monotone deque, decreasing from the front, in a ring of n slots.
    private final long[] bucket;
    private final double[] drawdown;
    private int front;
    private int size;

    /**
     * @param n the window for {@link #maxDrawdownInWindow()}, in buckets
     * @param capital the starting equity, finite and ≥ 0
     */
    public DrawdownTracker(int n, double capital) {
        if (n < 1 || n > StateIo.MAX_WINDOW) {
            throw new IllegalArgumentException(
                    "window must be 1.." + StateIo.MAX_WINDOW + ": " + n);
        }
        requireCapital(capital);
        this.n = n;
        this.capital = capital;
        this.peak = capital;
        this.bucket = new long[n];
        this.drawdown = new double[n];
    }

    private static void requireCapital(double capital) {
        if (!(Double.isFinite(capital) && capital >= 0)) {
            throw new IllegalArgumentException("capital must be a number >= 0: " + capital);
        }
    }

    /** Moves the window's end to {@code to} (never back), carrying the current drawdown into it. */
    public void advanceTo(long to) {
        if (end != NONE && to <= end) {
            return;
        }
        end = to;
        long oldestKept = end - n + 1;
        while (size > 0 && bucket[front] < oldestKept) {
            front = front + 1 == n ? 0 : front + 1;
            size--;
        }
        record(drawdown());
    }

    /**
     * Adds {@code pnl} to the equity, in bucket {@code at} or, if {@code at} is older, in the
     * newest bucket (equity moves now whatever time the PnL carries). Non-finite PnL is ignored.
     */
    public void addPnl(long at, double pnl) {
        if (!Double.isFinite(pnl)) {
            return;
        }
        advanceTo(at);
        cumulativePnl += pnl;
        markEquity();
    }

    /**
     * Sets the equity to {@code equity} in bucket {@code at} (a mark-to-market series given as
     * levels). Non-finite levels are ignored.
     */
    public void markEquity(long at, double equity) {
        if (!Double.isFinite(equity)) {
            return;
        }
        advanceTo(at);
        cumulativePnl = equity - capital;
        markEquity();
    }

    /**
     * A new allocated capital: equity and peak move by the change. Rejected (false) unless finite
     * and ≥ 0.
     */
    public boolean setCapital(double newCapital) {
        if (!(Double.isFinite(newCapital) && newCapital >= 0)) {
            return false;
        }
        peak += newCapital - capital;
        capital = newCapital;
        markEquity();
        return true;
    }

    private void markEquity() {
        double equity = equity();
        if (equity > peak) {
            peak = equity;
        }
        double abs = peak - equity;
        if (abs > maxDrawdownAbs) {
            maxDrawdownAbs = abs;
        }
        double dd = drawdown();
        if (dd > maxDrawdown) {
            maxDrawdown = dd;
        }
        if (end != NONE) {
            record(dd);
        }
    }

    /** Puts {@code dd} into the newest bucket of the monotone deque. */
    private void record(double dd) {
        if (Double.isNaN(dd)) {
            return;
        }
        while (size > 0 && drawdown[slot(size - 1)] <= dd) {
            size--;
        }
        if (size > 0 && bucket[slot(size - 1)] == end) {
            return; // this bucket already holds a larger drawdown
        }
        int slot = slot(size++);
        bucket[slot] = end;
        drawdown[slot] = dd;
    }

    private int slot(int i) {
        int s = front + i;
        return s >= n ? s - n : s;
    }

    public double capital() {
        return capital;
    }

    /** Capital + cumulative net PnL. */
    public double equity() {
        return capital + cumulativePnl;
    }

    public double cumulativePnl() {
        return cumulativePnl;
    }

    /** The highest equity so far (at least the capital). */
    public double peak() {
        return peak;
    }

    /** (peak − equity) / peak now; NaN while the peak is not positive. */
    public double drawdown() {
        return peak > 0 ? (peak - equity()) / peak : Double.NaN;
    }

    /** Peak − equity now, in money. */
    public double drawdownAbs() {
        return peak - equity();
    }

    /** The largest {@link #drawdown()} since the start (0 if none). */
    public double maxDrawdown() {
        return maxDrawdown;
    }

    /** The largest {@link #drawdownAbs()} since the start (0 if none). */
    public double maxDrawdownAbs() {
        return maxDrawdownAbs;
    }

    /** The largest drawdown over the window's buckets; the current one before any bucket. */
    public double maxDrawdownInWindow() {
        return size == 0 ? drawdown() : drawdown[front];
    }

    public void writeTo(DataOutput out) throws IOException {
        out.writeInt(n);
        StateIo.writeDouble(out, capital);
        StateIo.writeDouble(out, cumulativePnl);
        StateIo.writeDouble(out, peak);
        StateIo.writeDouble(out, maxDrawdown);
        StateIo.writeDouble(out, maxDrawdownAbs);
        out.writeLong(end);
        out.writeInt(size);
        for (int i = 0; i < size; i++) {
            out.writeLong(bucket[slot(i)]);
            StateIo.writeDouble(out, drawdown[slot(i)]);
        }
    }

    public static DrawdownTracker readFrom(DataInput in) throws IOException {
        int n = StateIo.readWindow(in);
        double capital = StateIo.readDouble(in);
        StateIo.check(Double.isFinite(capital) && capital >= 0, "capital " + capital);
        DrawdownTracker t = new DrawdownTracker(n, capital);
        t.cumulativePnl = StateIo.readDouble(in);
        t.peak = StateIo.readDouble(in);
        t.maxDrawdown = StateIo.readDouble(in);
        t.maxDrawdownAbs = StateIo.readDouble(in);
        t.end = in.readLong();
        t.size = StateIo.readCount(in, n, "drawdown deque size");
        for (int i = 0; i < t.size; i++) {
            t.bucket[i] = in.readLong();
            t.drawdown[i] = StateIo.readDouble(in);
            StateIo.check(i == 0 || t.bucket[i] > t.bucket[i - 1], "deque out of order");
        }
        return t;
    }
}
