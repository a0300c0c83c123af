package io.arbiter.operators.features.indicators;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * Linearly weighted moving average as TTR's {@code WMA} with default weights: weights {@code 1..n},
 * the newest value weighing {@code n}, divided by {@code n(n+1)/2}. The weighted sum is updated in
 * O(1): sliding the window takes one unweighted copy of the old window off and adds {@code n*x}.
 * Inputs must not be NaN.
 */
public final class Wma {

    private final RollingWindow window;
    private final double weightSum;
    private double weighted;

    public Wma(int n) {
        this(new RollingWindow(n), 0);
    }

    private Wma(RollingWindow window, double weighted) {
        this.window = window;
        int n = window.capacity();
        this.weightSum = n * (n + 1) / 2.0;
        this.weighted = weighted;
    }

    /** Adds {@code x} and returns the weighted average of the last {@code n} values. */
    public double update(double x) {
        int n = window.capacity();
        if (window.isFull()) {
            // sum_k k*x[t-n+k] = sum_k (k+1)*x[t-n-1+k] - sum_k x[t-n-1+k] + n*x[t]
            weighted = weighted - window.sum() + n * x;
        } else {
            // While filling, the i-th value arrives with weight i.
            weighted += (window.size() + 1) * x;
        }
        window.push(x);
        return window.isDefined() ? weighted / weightSum : Double.NaN;
    }

    public void writeTo(DataOutput out) throws IOException {
        window.writeTo(out);
        StateIo.writeDouble(out, weighted);
    }

    public static Wma readFrom(DataInput in) throws IOException {
        RollingWindow window = RollingWindow.readFrom(in);
        return new Wma(window, StateIo.readDouble(in));
    }
}
