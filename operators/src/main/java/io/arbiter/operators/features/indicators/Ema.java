package io.arbiter.operators.features.indicators;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * Exponential moving average seeded as TTR's {@code EMA} is: the first value is the simple mean of
 * the first {@code n} non-NaN inputs, then {@code EMA[t] = alpha*x[t] + (1-alpha)*EMA[t-1]}. The
 * standard form has {@code alpha = 2/(n+1)}, Wilder's (TTR {@code wilder=TRUE}) {@code alpha =
 * 1/n}.
 *
 * <p>A NaN input is skipped: the average does not move and that bar's output is NaN. For leading
 * NaNs this is exactly TTR's rule (the seed is placed at row {@code k+n} after {@code k} leading
 * NaNs); TTR rejects NaNs later in a series, where we hold the average rather than lose it.
 */
public final class Ema {

    private final int n;
    private final double alpha;
    private final double oneMinusAlpha;
    private int seedCount;
    private double seedSum;
    private double value = Double.NaN;

    private Ema(int n, double alpha) {
        if (n < 1 || n > StateIo.MAX_WINDOW) {
            throw new IllegalArgumentException("EMA length must be in [1, 65536]: " + n);
        }
        this.n = n;
        this.alpha = alpha;
        this.oneMinusAlpha = 1 - alpha;
    }

    /** The standard EMA: {@code alpha = 2/(n+1)}. */
    public static Ema standard(int n) {
        return new Ema(n, 2.0 / (n + 1));
    }

    /** Wilder's smoothing: {@code alpha = 1/n} (RSI, ATR, ADX). */
    public static Ema wilder(int n) {
        return new Ema(n, 1.0 / n);
    }

    /** Adds {@code x} and returns the average, or NaN while seeding or when {@code x} is NaN. */
    public double update(double x) {
        if (Double.isNaN(x)) {
            return Double.NaN;
        }
        if (seedCount < n) {
            seedSum += x;
            if (++seedCount < n) {
                return Double.NaN;
            }
            value = seedSum / n;
            return value;
        }
        value = alpha * x + oneMinusAlpha * value;
        return value;
    }

    /** The current average; NaN until seeded. */
    public double value() {
        return value;
    }

    public void writeTo(DataOutput out) throws IOException {
        out.writeInt(n);
        StateIo.writeDouble(out, alpha);
        out.writeInt(seedCount);
        StateIo.writeDouble(out, seedSum);
        StateIo.writeDouble(out, value);
    }

    public static Ema readFrom(DataInput in) throws IOException {
        int n = StateIo.readWindow(in);
        Ema ema = new Ema(n, StateIo.readDouble(in));
        ema.seedCount = StateIo.readIndex(in, n, "EMA seed count");
        ema.seedSum = StateIo.readDouble(in);
        ema.value = StateIo.readDouble(in);
        return ema;
    }
}
