package io.arbiter.operators.correlation;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * Pearson correlation of the last {@code n} (x, y) pairs in O(1) amortised per pair: the pair that
 * leaves is removed from the {@link CoMoments} and the new one added. Every {@code n} pairs the
 * moments are recomputed from the window with a corrected two pass (O(n) every n), so the rounding
 * of add-and-remove never lives longer than one window; a window whose x (or y) values are all
 * equal has no spread exactly, tracked by the length of the current run of equal values.
 *
 * <p>A pair with a non-finite value is a gap: it takes its place in the window and the correlation
 * is NaN until it has slid out, like TTR's {@code runCor} on a series with a missing value. The
 * correlation is NaN until {@code n} pairs have arrived.
 */
public final class RollingCorrelation {

    /** A moment below this fraction of its peak since the last recompute is recomputed. */
    private static final double CANCELLATION = 1e-3;

    private final double[] xs;
    private final double[] ys;
    private final CoMoments moments = new CoMoments();
    private int head; // next slot to write; the oldest pair once the window is full
    private int count;
    private int gaps;
    private int equalRunX;
    private int equalRunY;
    private int sinceRecompute;
    // Largest Mxx and Myy since the last recompute: a fall far below them means cancellation.
    private double peakMxx;
    private double peakMyy;

    public RollingCorrelation(int n) {
        if (n < 2 || n > StateIo.MAX_WINDOW) {
            throw new IllegalArgumentException(
                    "window must be 2.." + StateIo.MAX_WINDOW + ": " + n);
        }
        this.xs = new double[n];
        this.ys = new double[n];
    }

    /** Adds a pair, evicting the oldest once the window is full, and returns the correlation. */
    public double add(double x, double y) {
        int n = xs.length;
        boolean full = count == n;
        if (full) {
            double oldX = xs[head];
            double oldY = ys[head];
            if (isGap(oldX, oldY)) {
                gaps--;
            } else {
                moments.remove(oldX, oldY);
            }
        } else {
            count++;
        }
        int newest = head == 0 ? n - 1 : head - 1;
        boolean hadPrevious = count > 1;
        equalRunX = hadPrevious && xs[newest] == x ? Math.min(equalRunX + 1, n) : 1;
        equalRunY = hadPrevious && ys[newest] == y ? Math.min(equalRunY + 1, n) : 1;
        xs[head] = x;
        ys[head] = y;
        head = head + 1 == n ? 0 : head + 1;
        if (isGap(x, y)) {
            gaps++;
        } else {
            moments.add(x, y);
        }
        peakMxx = Math.max(peakMxx, moments.mxx());
        peakMyy = Math.max(peakMyy, moments.myy());
        if (++sinceRecompute >= n || hasCancelled()) {
            sinceRecompute = 0;
            recompute();
        }
        return correlation();
    }

    /**
     * Whether removals have shrunk a moment to a small fraction of what it was since the last
     * recompute (a calm stretch after a volatile one): what is left is mostly rounding of the large
     * values removed, so the window is recomputed now rather than at the next period. This is rare,
     * and costs O(n) when it happens.
     */
    private boolean hasCancelled() {
        return moments.mxx() < CANCELLATION * peakMxx || moments.myy() < CANCELLATION * peakMyy;
    }

    private static boolean isGap(double x, double y) {
        return !Double.isFinite(x) || !Double.isFinite(y);
    }

    /** Moments of the window's finite pairs afresh: two passes, the second corrected. */
    private void recompute() {
        int n = xs.length;
        int oldest = count == n ? head : 0;
        double sumX = 0;
        double sumY = 0;
        int k = 0;
        for (int i = 0; i < count; i++) {
            int s = (oldest + i) % n;
            if (!isGap(xs[s], ys[s])) {
                sumX += xs[s];
                sumY += ys[s];
                k++;
            }
        }
        if (k == 0) {
            moments.clear();
            peakMxx = 0;
            peakMyy = 0;
            return;
        }
        double meanX = sumX / k;
        double meanY = sumY / k;
        double dxSum = 0;
        double dySum = 0;
        double cxy = 0;
        double mxx = 0;
        double myy = 0;
        for (int i = 0; i < count; i++) {
            int s = (oldest + i) % n;
            if (!isGap(xs[s], ys[s])) {
                double dx = xs[s] - meanX;
                double dy = ys[s] - meanY;
                dxSum += dx;
                dySum += dy;
                cxy += dx * dy;
                mxx += dx * dx;
                myy += dy * dy;
            }
        }
        moments.setMeans(meanX + dxSum / k, meanY + dySum / k);
        moments.setMoments(
                cxy - dxSum * dySum / k, mxx - dxSum * dxSum / k, myy - dySum * dySum / k);
    }

    /**
     * Pearson's r of the last {@code n} pairs; NaN until there are n, while a gap is among them, or
     * when a series is constant.
     */
    public double correlation() {
        int n = xs.length;
        if (count < n || gaps > 0 || equalRunX >= n || equalRunY >= n) {
            return Double.NaN;
        }
        return moments.correlation();
    }

    /** The window length {@code n}. */
    public int capacity() {
        return xs.length;
    }

    public int size() {
        return count;
    }

    public void writeTo(DataOutput out) throws IOException {
        int n = xs.length;
        out.writeInt(n);
        out.writeInt(head);
        out.writeInt(count);
        out.writeInt(gaps);
        out.writeInt(equalRunX);
        out.writeInt(equalRunY);
        out.writeInt(sinceRecompute);
        StateIo.writeDouble(out, peakMxx);
        StateIo.writeDouble(out, peakMyy);
        moments.writeTo(out);
        for (int i = 0; i < n; i++) {
            StateIo.writeDouble(out, xs[i]);
            StateIo.writeDouble(out, ys[i]);
        }
    }

    public static RollingCorrelation readFrom(DataInput in) throws IOException {
        int n = StateIo.readWindow(in);
        StateIo.check(n >= 2, "window length " + n);
        RollingCorrelation c = new RollingCorrelation(n);
        c.head = StateIo.readCount(in, n - 1, "head");
        c.count = StateIo.readCount(in, n, "count");
        StateIo.check(c.count == n || c.head == c.count, "head and count disagree");
        c.gaps = StateIo.readCount(in, c.count, "gaps");
        c.equalRunX = StateIo.readCount(in, n, "equal run of x");
        c.equalRunY = StateIo.readCount(in, n, "equal run of y");
        c.sinceRecompute = StateIo.readCount(in, n - 1, "pairs since recompute");
        c.peakMxx = StateIo.readDouble(in);
        c.peakMyy = StateIo.readDouble(in);
        c.moments.copyFrom(CoMoments.readFrom(in));
        for (int i = 0; i < n; i++) {
            c.xs[i] = StateIo.readDouble(in);
            c.ys[i] = StateIo.readDouble(in);
        }
        return c;
    }
}
