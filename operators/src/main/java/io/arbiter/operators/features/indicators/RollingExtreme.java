package io.arbiter.operators.features.indicators;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * Maximum or minimum of the last {@code n} values (TTR's {@code runMax}/{@code runMin}) in O(1)
 * amortised per update: a monotonic deque keeps only the values that can still become the extreme,
 * with the index at which each arrived so it leaves the window on time. The deque is a ring of two
 * primitive arrays of length {@code n}, so its state is explicit and bounded. Inputs must not be
 * NaN.
 */
public final class RollingExtreme {

    private final boolean max;
    private final double[] values;
    private final long[] arrivals;
    private int front;
    private int size;
    private long pushes;

    private RollingExtreme(int n, boolean max) {
        if (n < 1 || n > StateIo.MAX_WINDOW) {
            throw new IllegalArgumentException("window length must be in [1, 65536]: " + n);
        }
        this.max = max;
        this.values = new double[n];
        this.arrivals = new long[n];
    }

    /** Highest of the last {@code n} values. */
    public static RollingExtreme max(int n) {
        return new RollingExtreme(n, true);
    }

    /** Lowest of the last {@code n} values. */
    public static RollingExtreme min(int n) {
        return new RollingExtreme(n, false);
    }

    /**
     * Adds {@code x} and returns the extreme of the last {@code n} values, NaN until there are n.
     */
    public double update(double x) {
        int n = values.length;
        long now = pushes++;
        if (size > 0 && arrivals[front] <= now - n) {
            front = front + 1 == n ? 0 : front + 1;
            size--;
        }
        // Drop from the back every value x dominates: it can never be the extreme again.
        while (size > 0) {
            int back = slot(size - 1);
            if (max ? values[back] > x : values[back] < x) {
                break;
            }
            size--;
        }
        int slot = slot(size);
        values[slot] = x;
        arrivals[slot] = now;
        size++;
        return value();
    }

    /** The extreme of the last {@code n} values; NaN until {@code n} have arrived. */
    public double value() {
        return pushes >= values.length ? values[front] : Double.NaN;
    }

    private int slot(int i) {
        int s = front + i;
        return s >= values.length ? s - values.length : s;
    }

    public void writeTo(DataOutput out) throws IOException {
        out.writeInt(values.length);
        out.writeBoolean(max);
        out.writeLong(pushes);
        out.writeInt(size);
        // Live entries only, front first, so the reader need not know the ring's offset.
        for (int i = 0; i < size; i++) {
            int s = slot(i);
            StateIo.writeDouble(out, values[s]);
            out.writeLong(arrivals[s]);
        }
    }

    public static RollingExtreme readFrom(DataInput in) throws IOException {
        int n = StateIo.readWindow(in);
        RollingExtreme e = new RollingExtreme(n, in.readBoolean());
        e.pushes = in.readLong();
        e.size = StateIo.readIndex(in, n, "deque size");
        StateIo.check(e.pushes >= e.size, "deque holds more values than it was given");
        for (int i = 0; i < e.size; i++) {
            e.values[i] = StateIo.readDouble(in);
            e.arrivals[i] = in.readLong();
        }
        return e;
    }
}
