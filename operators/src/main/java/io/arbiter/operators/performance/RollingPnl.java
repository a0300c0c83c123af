package io.arbiter.operators.performance;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * PnL aggregates over the last {@code n} buckets: counts of wins, losses and trades, gross profit
 * and loss, and the moments of per-bucket returns for a Sharpe ratio. The stream's buckets are UTC
 * days; the batch tools use a row index, so the same class reproduces the oracle's "last 30 rows".
 *
 * <p>A bucket is {@code (first bucket seen) .. end}; the window is {@code (end - n, end]}. Only
 * buckets that received PnL are stored, oldest first, in a ring of {@code n} slots; moving the end
 * subtracts the buckets that leave from the window's sums (O(1) amortised: each bucket is added and
 * evicted once). Every {@code n} changes the sums are recomputed from the stored buckets (O(n)
 * every n, O(1) amortised), so add-and-subtract rounding never accumulates beyond one window, and a
 * sum whose count fell to zero is reset to exactly 0.
 *
 * <p>Each bucket's return is its net PnL over the equity at its start, given with the bucket's
 * first PnL. Buckets without PnL in the window count as return 0 once the window has started, so
 * the Sharpe ratio is over {@link #coveredBuckets()} returns. Return moments are plain power sums:
 * daily returns have |mean| well below their spread, so {@code Σr² − (Σr)²/k} loses few digits; the
 * periodic recompute bounds drift.
 */
public final class RollingPnl {

    private static final long NONE = Long.MIN_VALUE;

    private final int n;
    // Stored buckets, oldest first, in a ring: slot (front + i) % n holds the i-th.
    private final long[] bucket;
    private final int[] trades;
    private final int[] wins;
    private final int[] losses;
    private final double[] profit;
    private final double[] loss;
    private final double[] startEquity;
    private int front;
    private int size;
    private long first = NONE;
    private long end = NONE;

    private int windowTrades;
    private int windowWins;
    private int windowLosses;
    private double windowProfit;
    private double windowLoss;
    private double sumReturns;
    private double sumSquaredReturns;
    private int undefinedReturns;
    private int changesSinceRecompute;

    /** A window of {@code n} buckets (≥ 1). */
    public RollingPnl(int n) {
        if (n < 1 || n > StateIo.MAX_WINDOW) {
            throw new IllegalArgumentException(
                    "window must be 1.." + StateIo.MAX_WINDOW + ": " + n);
        }
        this.n = n;
        this.bucket = new long[n];
        this.trades = new int[n];
        this.wins = new int[n];
        this.losses = new int[n];
        this.profit = new double[n];
        this.loss = new double[n];
        this.startEquity = new double[n];
    }

    /**
     * Moves the window's end to {@code to} (never back). The first call, or the first {@link #add},
     * marks where the window starts counting empty buckets.
     */
    public void advanceTo(long to) {
        if (end == NONE) {
            first = to;
            end = to;
            return;
        }
        if (to <= end) {
            return;
        }
        end = to;
        long oldestKept = end - n + 1;
        while (size > 0 && bucket[front] < oldestKept) {
            evictFront();
        }
    }

    /** {@link #add(long, double, double)} without a return (batch series that need no Sharpe). */
    public boolean add(long at, double pnl) {
        return add(at, pnl, Double.NaN);
    }

    /**
     * Books one PnL (a round trip's net PnL, or a row's PnL) into bucket {@code at}, moving the
     * window's end forward to it if needed.
     *
     * @param equityBefore the equity before this PnL, taken as the bucket's start equity when this
     *     is its first PnL; the bucket's return is undefined (and so is the Sharpe ratio while it
     *     is in the window) when this is not a positive number
     * @return false, booking nothing, when {@code pnl} is not finite or bucket {@code at} has
     *     already left the window
     */
    public boolean add(long at, double pnl, double equityBefore) {
        if (!Double.isFinite(pnl)) {
            return false;
        }
        if (end == NONE || at > end) {
            advanceTo(at);
        }
        if (at <= end - n) {
            return false;
        }
        if (at < first) {
            first = at;
        }
        int slot = slotOf(at, equityBefore);
        double before = returnOf(slot);
        boolean wasDefined = isDefined(slot);
        trades[slot]++;
        windowTrades++;
        if (pnl > 0) {
            wins[slot]++;
            windowWins++;
            profit[slot] += pnl;
            windowProfit += pnl;
        } else if (pnl < 0) {
            losses[slot]++;
            windowLosses++;
            loss[slot] += pnl;
            windowLoss += pnl;
        }
        if (wasDefined) {
            sumReturns -= before;
            sumSquaredReturns -= before * before;
        } else if (trades[slot] > 1) {
            undefinedReturns--;
        }
        addReturnOf(slot);
        changed();
        return true;
    }

    /** The slot of bucket {@code at}, stored with {@code equity} as its start if new. */
    private int slotOf(long at, double equity) {
        // Usually the newest bucket or a new one after it.
        if (size > 0) {
            int back = slot(size - 1);
            if (bucket[back] == at) {
                return back;
            }
            if (bucket[back] > at) {
                return lateSlotOf(at, equity);
            }
        }
        int slot = slot(size++);
        clear(slot, at, equity);
        return slot;
    }

    /** A bucket older than the newest stored one: found, or inserted in order. */
    private int lateSlotOf(long at, double equity) {
        int i = size - 1;
        while (i >= 0 && bucket[slot(i)] > at) {
            i--;
        }
        if (i >= 0 && bucket[slot(i)] == at) {
            return slot(i);
        }
        // Insert at position i + 1: shift the younger ones one slot back.
        for (int j = size; j > i + 1; j--) {
            copy(slot(j - 1), slot(j));
        }
        size++;
        int slot = slot(i + 1);
        clear(slot, at, equity);
        return slot;
    }

    private void evictFront() {
        int slot = front;
        windowTrades -= trades[slot];
        windowWins -= wins[slot];
        windowLosses -= losses[slot];
        windowProfit -= profit[slot];
        windowLoss -= loss[slot];
        if (isDefined(slot)) {
            double r = returnOf(slot);
            sumReturns -= r;
            sumSquaredReturns -= r * r;
        } else if (trades[slot] > 0) {
            undefinedReturns--;
        }
        front = front + 1 == n ? 0 : front + 1;
        size--;
        changed();
    }

    private void changed() {
        if (++changesSinceRecompute >= n) {
            recompute();
        } else {
            resetEmptySums();
        }
    }

    /** The window's sums from its stored buckets, afresh. */
    private void recompute() {
        changesSinceRecompute = 0;
        windowTrades = 0;
        windowWins = 0;
        windowLosses = 0;
        windowProfit = 0;
        windowLoss = 0;
        sumReturns = 0;
        sumSquaredReturns = 0;
        undefinedReturns = 0;
        for (int i = 0; i < size; i++) {
            int slot = slot(i);
            windowTrades += trades[slot];
            windowWins += wins[slot];
            windowLosses += losses[slot];
            windowProfit += profit[slot];
            windowLoss += loss[slot];
            addReturnOf(slot);
        }
    }

    private void resetEmptySums() {
        if (windowWins == 0) {
            windowProfit = 0;
        }
        if (windowLosses == 0) {
            windowLoss = 0;
        }
        if (size == 0) {
            sumReturns = 0;
            sumSquaredReturns = 0;
        }
    }

    private void addReturnOf(int slot) {
        if (isDefined(slot)) {
            double r = returnOf(slot);
            sumReturns += r;
            sumSquaredReturns += r * r;
        } else if (trades[slot] > 0) {
            undefinedReturns++;
        }
    }

    private boolean isDefined(int slot) {
        return trades[slot] > 0 && startEquity[slot] > 0 && Double.isFinite(startEquity[slot]);
    }

    private double returnOf(int slot) {
        return (profit[slot] + loss[slot]) / startEquity[slot];
    }

    private void clear(int slot, long at, double equity) {
        bucket[slot] = at;
        trades[slot] = 0;
        wins[slot] = 0;
        losses[slot] = 0;
        profit[slot] = 0;
        loss[slot] = 0;
        startEquity[slot] = equity;
    }

    private void copy(int from, int to) {
        bucket[to] = bucket[from];
        trades[to] = trades[from];
        wins[to] = wins[from];
        losses[to] = losses[from];
        profit[to] = profit[from];
        loss[to] = loss[from];
        startEquity[to] = startEquity[from];
    }

    private int slot(int i) {
        int s = front + i;
        return s >= n ? s - n : s;
    }

    /** The window length {@code n} in buckets. */
    public int buckets() {
        return n;
    }

    /** The window's newest bucket; {@link Long#MIN_VALUE} before anything was seen. */
    public long end() {
        return end;
    }

    /** The first bucket seen; {@link Long#MIN_VALUE} before anything was seen. */
    public long first() {
        return first;
    }

    /** Buckets of the window since the first bucket seen: {@code min(n, end - first + 1)}. */
    public int coveredBuckets() {
        return end == NONE ? 0 : (int) Math.min(n, end - first + 1);
    }

    /** Whether the window spans {@code n} buckets since the first one seen. */
    public boolean isComplete() {
        return coveredBuckets() == n;
    }

    public int trades() {
        return windowTrades;
    }

    /** PnLs above zero. */
    public int wins() {
        return windowWins;
    }

    /** PnLs below zero. */
    public int losses() {
        return windowLosses;
    }

    /** PnLs of exactly zero: counted as trades, neither wins nor losses. */
    public int zeros() {
        return windowTrades - windowWins - windowLosses;
    }

    public double grossProfit() {
        return windowProfit;
    }

    /** Σ of the losses, ≤ 0. */
    public double grossLoss() {
        return windowLoss;
    }

    public double netPnl() {
        return windowProfit + windowLoss;
    }

    /** See {@link ProfitFactor#of}: NaN without non-zero PnL, +Infinity without losses. */
    public double profitFactor() {
        return ProfitFactor.of(windowProfit, windowLoss, windowWins, windowLosses);
    }

    /** Wins / trades; NaN without trades. */
    public double winRate() {
        return windowTrades == 0 ? Double.NaN : (double) windowWins / windowTrades;
    }

    /** Mean PnL per trade; NaN without trades. */
    public double expectancy() {
        return windowTrades == 0 ? Double.NaN : netPnl() / windowTrades;
    }

    /** Trades per bucket over the covered buckets; NaN before anything was seen. */
    public double tradesPerBucket() {
        int covered = coveredBuckets();
        return covered == 0 ? Double.NaN : (double) windowTrades / covered;
    }

    /**
     * Mean / sample SD of the covered buckets' returns (empty ones 0) × √{@code periodsPerYear}.
     * NaN with fewer than two buckets covered, with no spread, or while a bucket's return is
     * undefined.
     */
    public double sharpe(double periodsPerYear) {
        int k = coveredBuckets();
        if (k < 2 || undefinedReturns > 0) {
            return Double.NaN;
        }
        double mean = sumReturns / k;
        double variance = (sumSquaredReturns - sumReturns * mean) / (k - 1);
        if (!(variance > 0)) {
            return Double.NaN;
        }
        return mean / Math.sqrt(variance) * Math.sqrt(periodsPerYear);
    }

    public void writeTo(DataOutput out) throws IOException {
        out.writeInt(n);
        out.writeLong(first);
        out.writeLong(end);
        out.writeInt(size);
        for (int i = 0; i < size; i++) {
            int slot = slot(i);
            out.writeLong(bucket[slot]);
            out.writeInt(trades[slot]);
            out.writeInt(wins[slot]);
            out.writeInt(losses[slot]);
            StateIo.writeDouble(out, profit[slot]);
            StateIo.writeDouble(out, loss[slot]);
            StateIo.writeDouble(out, startEquity[slot]);
        }
        out.writeInt(windowTrades);
        out.writeInt(windowWins);
        out.writeInt(windowLosses);
        StateIo.writeDouble(out, windowProfit);
        StateIo.writeDouble(out, windowLoss);
        StateIo.writeDouble(out, sumReturns);
        StateIo.writeDouble(out, sumSquaredReturns);
        out.writeInt(undefinedReturns);
        out.writeInt(changesSinceRecompute);
    }

    public static RollingPnl readFrom(DataInput in) throws IOException {
        RollingPnl w = new RollingPnl(StateIo.readWindow(in));
        w.first = in.readLong();
        w.end = in.readLong();
        w.size = StateIo.readCount(in, w.n, "stored buckets");
        StateIo.check(w.size == 0 || w.end != NONE, "buckets stored before any was seen");
        for (int i = 0; i < w.size; i++) {
            w.bucket[i] = in.readLong();
            StateIo.check(
                    w.bucket[i] > w.end - w.n && w.bucket[i] <= w.end, "bucket outside window");
            StateIo.check(i == 0 || w.bucket[i] > w.bucket[i - 1], "buckets out of order");
            w.trades[i] = StateIo.readCount(in, Integer.MAX_VALUE, "bucket trades");
            w.wins[i] = StateIo.readCount(in, w.trades[i], "bucket wins");
            w.losses[i] = StateIo.readCount(in, w.trades[i] - w.wins[i], "bucket losses");
            w.profit[i] = StateIo.readDouble(in);
            w.loss[i] = StateIo.readDouble(in);
            w.startEquity[i] = StateIo.readDouble(in);
        }
        w.windowTrades = in.readInt();
        w.windowWins = in.readInt();
        w.windowLosses = in.readInt();
        w.windowProfit = StateIo.readDouble(in);
        w.windowLoss = StateIo.readDouble(in);
        w.sumReturns = StateIo.readDouble(in);
        w.sumSquaredReturns = StateIo.readDouble(in);
        w.undefinedReturns = in.readInt();
        w.changesSinceRecompute = StateIo.readCount(in, w.n - 1, "changes since recompute");
        return w;
    }
}
