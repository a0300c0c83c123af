package io.arbiter.operators.features.indicators;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * The last {@code n} values in a ring buffer with their running sum, updated incrementally as TTR's
 * {@code runSum} does ({@code S[i] = S[i-1] + x[i] - x[i-n]}), so an update is O(1).
 *
 * <p>A NaN may be pushed: it is left out of the sum and counted, and {@link #mean()} is NaN while
 * it is in the window. The window thus recovers once the NaN has slid out, where a plain running
 * sum would stay NaN forever.
 */
public final class RollingWindow {

    private final double[] values;
    private int head; // next slot to write; the oldest value once the window is full
    private int count;
    private int nanCount;
    private double sum;

    public RollingWindow(int n) {
        if (n < 1 || n > StateIo.MAX_WINDOW) {
            throw new IllegalArgumentException("window length must be in [1, 65536]: " + n);
        }
        this.values = new double[n];
    }

    /**
     * Appends {@code x}, evicting the oldest value once the window is full.
     *
     * @return the evicted value, or NaN if the window was not yet full
     */
    public double push(double x) {
        double evicted = Double.NaN;
        if (count == values.length) {
            evicted = values[head];
            if (Double.isNaN(evicted)) {
                nanCount--;
            }
        } else {
            count++;
        }
        values[head] = x;
        head = head + 1 == values.length ? 0 : head + 1;
        boolean xDefined = !Double.isNaN(x);
        boolean evictedDefined = !Double.isNaN(evicted);
        if (!xDefined) {
            nanCount++;
        }
        // Same order of operations as TTR's runSum: S[i-1] + x[i] - x[i-n].
        if (xDefined && evictedDefined) {
            sum = sum + x - evicted;
        } else if (xDefined) {
            sum = sum + x;
        } else if (evictedDefined) {
            sum = sum - evicted;
        }
        return evicted;
    }

    /** The window length {@code n}. */
    public int capacity() {
        return values.length;
    }

    /** How many values the window holds (at most {@code n}). */
    public int size() {
        return count;
    }

    public boolean isFull() {
        return count == values.length;
    }

    /** Whether the window is full and holds no NaN, i.e. statistics over it are defined. */
    public boolean isDefined() {
        return count == values.length && nanCount == 0;
    }

    /** Sum of the non-NaN values in the window. */
    public double sum() {
        return sum;
    }

    /** Mean of the last {@code n} values; NaN until the window is full or while it holds a NaN. */
    public double mean() {
        return isDefined() ? sum / values.length : Double.NaN;
    }

    /** The {@code i}-th value held, oldest first ({@code 0 <= i < size()}). */
    public double get(int i) {
        if (i < 0 || i >= count) {
            throw new IndexOutOfBoundsException(i);
        }
        int oldest = count == values.length ? head : 0;
        int slot = oldest + i;
        return values[slot >= values.length ? slot - values.length : slot];
    }

    /** The value pushed last; NaN if none was. */
    public double newest() {
        return count == 0 ? Double.NaN : values[head == 0 ? values.length - 1 : head - 1];
    }

    public void writeTo(DataOutput out) throws IOException {
        out.writeInt(values.length);
        out.writeInt(head);
        out.writeInt(count);
        out.writeInt(nanCount);
        StateIo.writeDouble(out, sum);
        for (double v : values) {
            StateIo.writeDouble(out, v);
        }
    }

    public static RollingWindow readFrom(DataInput in) throws IOException {
        RollingWindow w = new RollingWindow(StateIo.readWindow(in));
        int n = w.values.length;
        w.head = StateIo.readIndex(in, n - 1, "window head");
        w.count = StateIo.readIndex(in, n, "window count");
        w.nanCount = StateIo.readIndex(in, w.count, "window NaN count");
        StateIo.check(w.count == n || w.head == w.count, "window head and count disagree");
        w.sum = StateIo.readDouble(in);
        for (int i = 0; i < n; i++) {
            w.values[i] = StateIo.readDouble(in);
        }
        return w;
    }
}
