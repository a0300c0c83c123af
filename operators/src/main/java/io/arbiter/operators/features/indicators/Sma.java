package io.arbiter.operators.features.indicators;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * Simple moving average over the last {@code n} values, as TTR's {@code SMA} ({@code runSum/n}).
 * NaN until {@code n} values have arrived and while a NaN input is inside the window.
 */
public final class Sma {

    private final RollingWindow window;

    public Sma(int n) {
        this(new RollingWindow(n));
    }

    private Sma(RollingWindow window) {
        this.window = window;
    }

    /** Adds {@code x} and returns the average of the last {@code n} values. */
    public double update(double x) {
        window.push(x);
        return window.mean();
    }

    public double value() {
        return window.mean();
    }

    public void writeTo(DataOutput out) throws IOException {
        window.writeTo(out);
    }

    public static Sma readFrom(DataInput in) throws IOException {
        return new Sma(RollingWindow.readFrom(in));
    }
}
