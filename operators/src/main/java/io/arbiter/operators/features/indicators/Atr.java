package io.arbiter.operators.features.indicators;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * True range and average true range as TTR's {@code ATR(n)}: {@code tr = max(H, C[t-1]) - min(L,
 * C[t-1])}, smoothed by a Wilder EMA seeded with the mean of the first {@code n} ranges. TTR leaves
 * {@code tr} NaN on the first bar (no previous close) rather than using {@code H-L}, so the ATR is
 * first defined on bar {@code n+1}.
 */
public final class Atr {

    private final Ema average;
    private double previousClose;
    private double trueRange = Double.NaN;

    public Atr(int n) {
        this(Ema.wilder(n), Double.NaN);
    }

    private Atr(Ema average, double previousClose) {
        this.average = average;
        this.previousClose = previousClose;
    }

    /** Adds a bar and returns the ATR; {@link #trueRange()} then holds the bar's true range. */
    public double update(double high, double low, double close) {
        trueRange =
                Double.isNaN(previousClose)
                        ? Double.NaN
                        : Math.max(high, previousClose) - Math.min(low, previousClose);
        previousClose = close;
        return average.update(trueRange);
    }

    /** The last bar's true range; NaN on the first bar. */
    public double trueRange() {
        return trueRange;
    }

    public double value() {
        return average.value();
    }

    public void writeTo(DataOutput out) throws IOException {
        average.writeTo(out);
        StateIo.writeDouble(out, previousClose);
        StateIo.writeDouble(out, trueRange);
    }

    public static Atr readFrom(DataInput in) throws IOException {
        Atr atr = new Atr(Ema.readFrom(in), StateIo.readDouble(in));
        atr.trueRange = StateIo.readDouble(in);
        return atr;
    }
}
