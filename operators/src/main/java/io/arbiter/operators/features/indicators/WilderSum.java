package io.arbiter.operators.features.indicators;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * Wilder's running sum {@code WS[t] = x[t] + WS[t-1]*(n-1)/n}, seeded as TTR's {@code wilderSum} is
 * (not as the textbook's plain sum of the first {@code n} values): with {@code f} the first non-NaN
 * input, {@code WS[f+n-1] = x[f+n-1] + (x[f]+...+x[f+n-2])*(n-1)/n}. TTR's ADX is built on it, and
 * the textbook seed moves early ADX values by points, not rounding.
 *
 * <p>NaN inputs are skipped like in {@link Ema}.
 */
public final class WilderSum {

    private final int n;
    private int seedCount;
    private double value = Double.NaN;
    private double seedSum;

    public WilderSum(int n) {
        if (n < 1 || n > StateIo.MAX_WINDOW) {
            throw new IllegalArgumentException("length must be in [1, 65536]: " + n);
        }
        this.n = n;
    }

    /** Adds {@code x} and returns the sum, NaN until {@code n} non-NaN inputs have arrived. */
    public double update(double x) {
        if (Double.isNaN(x)) {
            return Double.NaN;
        }
        if (seedCount < n - 1) {
            seedSum += x;
            seedCount++;
            return Double.NaN;
        }
        if (seedCount == n - 1) {
            seedCount++;
            value = x + seedSum * (n - 1) / n;
            return value;
        }
        value = x + value * (n - 1) / n;
        return value;
    }

    public double value() {
        return value;
    }

    public void writeTo(DataOutput out) throws IOException {
        out.writeInt(n);
        out.writeInt(seedCount);
        StateIo.writeDouble(out, seedSum);
        StateIo.writeDouble(out, value);
    }

    public static WilderSum readFrom(DataInput in) throws IOException {
        int n = StateIo.readWindow(in);
        WilderSum ws = new WilderSum(n);
        ws.seedCount = StateIo.readIndex(in, n, "Wilder sum seed count");
        ws.seedSum = StateIo.readDouble(in);
        ws.value = StateIo.readDouble(in);
        return ws;
    }
}
