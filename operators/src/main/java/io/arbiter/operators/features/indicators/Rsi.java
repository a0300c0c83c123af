package io.arbiter.operators.features.indicators;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * Relative strength index as TTR's {@code RSI(n)}: up/down moves of the close, each smoothed by a
 * Wilder EMA seeded with the mean of the first {@code n} moves (bars 2..n+1), and {@code RSI =
 * 100*avgUp/(avgUp+avgDn)}. First defined on bar {@code n+1}; NaN when both averages are 0.
 */
public final class Rsi {

    private final Ema up;
    private final Ema down;
    private double previousClose;

    public Rsi(int n) {
        this(Ema.wilder(n), Ema.wilder(n), Double.NaN);
    }

    private Rsi(Ema up, Ema down, double previousClose) {
        this.up = up;
        this.down = down;
        this.previousClose = previousClose;
    }

    public double update(double close) {
        // NaN on the first bar, which the EMAs skip: TTR's momentum is NaN at row 1.
        double change = close - previousClose;
        previousClose = close;
        double avgUp;
        double avgDown;
        if (Double.isNaN(change)) {
            avgUp = up.update(change);
            avgDown = down.update(change);
        } else {
            avgUp = up.update(Math.max(change, 0));
            avgDown = down.update(Math.max(-change, 0));
        }
        return 100 * avgUp / (avgUp + avgDown);
    }

    public void writeTo(DataOutput out) throws IOException {
        up.writeTo(out);
        down.writeTo(out);
        StateIo.writeDouble(out, previousClose);
    }

    public static Rsi readFrom(DataInput in) throws IOException {
        Ema up = Ema.readFrom(in);
        Ema down = Ema.readFrom(in);
        return new Rsi(up, down, StateIo.readDouble(in));
    }
}
