package io.arbiter.operators.correlation;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * Pearson correlation of the (x, y) pairs of the last {@code n} time buckets, in memory bounded by
 * {@code n} summaries whatever the number of pairs: each bucket keeps {@link CoMoments}, the
 * buckets before the newest are merged into one summary when the window moves (O(n) per bucket
 * advanced, not per pair), and the correlation merges that with the newest bucket's (O(1)). Adding
 * a pair is O(1). The window is {@code (end − n, end]}; buckets that leave it are forgotten.
 */
public final class BucketedCorrelation {

    private static final long NONE = Long.MIN_VALUE;

    private final int n;
    // Stored buckets, oldest first, in a ring: slot (front + i) % n holds the i-th.
    private final long[] bucket;
    private final CoMoments[] moments;
    private final CoMoments older = new CoMoments(); // every stored bucket but the newest
    private int front;
    private int size;
    private long end = NONE;

    public BucketedCorrelation(int n) {
        if (n < 1 || n > StateIo.MAX_WINDOW) {
            throw new IllegalArgumentException(
                    "window must be 1.." + StateIo.MAX_WINDOW + ": " + n);
        }
        this.n = n;
        this.bucket = new long[n];
        this.moments = new CoMoments[n];
        for (int i = 0; i < n; i++) {
            moments[i] = new CoMoments();
        }
    }

    /** Moves the window's end to {@code to} (never back); buckets that leave are forgotten. */
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
        mergeOlder();
    }

    /**
     * Adds a pair in bucket {@code at}, moving the window forward to it if needed.
     *
     * @return false, adding nothing, if x or y is not finite or bucket {@code at} left the window
     */
    public boolean add(long at, double x, double y) {
        if (!Double.isFinite(x) || !Double.isFinite(y)) {
            return false;
        }
        if (end == NONE || at > end) {
            advanceTo(at);
        }
        if (at <= end - n) {
            return false;
        }
        if (size > 0 && bucket[slot(size - 1)] == at) {
            moments[slot(size - 1)].add(x, y);
            return true;
        }
        if (size == 0 || bucket[slot(size - 1)] < at) {
            int slot = slot(size++);
            bucket[slot] = at;
            moments[slot].clear();
            moments[slot].add(x, y);
            mergeOlder();
            return true;
        }
        addLate(at, x, y);
        mergeOlder();
        return true;
    }

    /** A pair for a bucket older than the newest stored one: into it, or a new one in order. */
    private void addLate(long at, double x, double y) {
        int i = size - 1;
        while (i >= 0 && bucket[slot(i)] > at) {
            i--;
        }
        if (i < 0 || bucket[slot(i)] != at) {
            // Insert at i + 1, shifting the younger ones one slot back (reusing the spare summary).
            CoMoments spare = moments[slot(size)];
            for (int j = size; j > i + 1; j--) {
                bucket[slot(j)] = bucket[slot(j - 1)];
                moments[slot(j)] = moments[slot(j - 1)];
            }
            size++;
            i++;
            bucket[slot(i)] = at;
            moments[slot(i)] = spare;
            spare.clear();
        }
        moments[slot(i)].add(x, y);
    }

    private void mergeOlder() {
        older.clear();
        for (int i = 0; i < size - 1; i++) {
            older.merge(moments[slot(i)]);
        }
    }

    private int slot(int i) {
        int s = front + i;
        return s >= n ? s - n : s;
    }

    /** Pearson's r over the window's pairs; NaN with fewer than two or a series without spread. */
    public double correlation() {
        return size == 0 ? Double.NaN : older.correlationWith(moments[slot(size - 1)]);
    }

    /** Pairs in the window. */
    public long observations() {
        return size == 0 ? 0 : older.count() + moments[slot(size - 1)].count();
    }

    /** The newest bucket; {@link Long#MIN_VALUE} before any. */
    public long end() {
        return end;
    }

    /** The window length {@code n} in buckets. */
    public int buckets() {
        return n;
    }

    public void writeTo(DataOutput out) throws IOException {
        out.writeInt(n);
        out.writeLong(end);
        out.writeInt(size);
        for (int i = 0; i < size; i++) {
            out.writeLong(bucket[slot(i)]);
            moments[slot(i)].writeTo(out);
        }
    }

    public static BucketedCorrelation readFrom(DataInput in) throws IOException {
        BucketedCorrelation c = new BucketedCorrelation(StateIo.readWindow(in));
        c.end = in.readLong();
        c.size = StateIo.readCount(in, c.n, "stored buckets");
        for (int i = 0; i < c.size; i++) {
            c.bucket[i] = in.readLong();
            StateIo.check(
                    c.bucket[i] > c.end - c.n && c.bucket[i] <= c.end, "bucket outside window");
            StateIo.check(i == 0 || c.bucket[i] > c.bucket[i - 1], "buckets out of order");
            c.moments[i].copyFrom(CoMoments.readFrom(in));
        }
        c.mergeOlder();
        return c;
    }
}
