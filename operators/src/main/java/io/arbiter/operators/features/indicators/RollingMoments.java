package io.arbiter.operators.features.indicators;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * Mean and variance of the last {@code n} values in O(1) per update. The mean is the TTR-style
 * running sum over {@code n}; the variance comes from the sum of squared deviations {@code M2},
 * slid with the Welford-type update {@code M2 += (x-y)(x - mean' + y - mean)} when {@code x}
 * replaces {@code y}.
 *
 * <p>Two things keep {@code M2} accurate where prices sit far above their spread. The slide works
 * on values shifted by a reference {@code K} near the mean, with its own running sum: a rounding
 * bias in a running sum of raw prices (1e-11 at a price of 1e4) enters every update times {@code
 * x-y}, and after a volatile stretch that alone swamps the tiny variance of a calm one. And every
 * {@code n} updates {@code K} moves to the current mean and {@code M2} is recomputed from the
 * window (O(n) every n bars, O(1) amortised), so rounding never accumulates for longer than one
 * window. A window of equal values has variance exactly 0, tracked by the length of the current run
 * of equal values. Inputs must be finite.
 */
public final class RollingMoments {

    private final RollingWindow window;
    private double shift;
    private double shiftedSum;
    private double m2;
    private int equalRun;
    private int sinceRecompute;

    public RollingMoments(int n) {
        this(new RollingWindow(n));
    }

    private RollingMoments(RollingWindow window) {
        this.window = window;
    }

    /** Adds {@code x}, which must be finite. */
    public void update(double x) {
        if (!Double.isFinite(x)) {
            throw new IllegalArgumentException("not finite: " + x);
        }
        int n = window.capacity();
        int k = window.size();
        if (k == 0) {
            shift = x;
        }
        equalRun = k > 0 && window.newest() == x ? Math.min(equalRun + 1, n) : 1;
        double y = window.push(x);
        double dx = x - shift;
        if (k < n) {
            double oldMean = k == 0 ? 0 : shiftedSum / k;
            shiftedSum += dx;
            m2 += (dx - oldMean) * (dx - shiftedSum / (k + 1));
        } else {
            double dy = y - shift;
            double oldMean = shiftedSum / n;
            shiftedSum += dx - dy;
            m2 += (dx - dy) * (dx - shiftedSum / n + dy - oldMean);
        }
        if (++sinceRecompute >= n) {
            sinceRecompute = 0;
            recompute();
        }
    }

    private void recompute() {
        int size = window.size();
        double sum = 0;
        for (int i = 0; i < size; i++) {
            sum += window.get(i);
        }
        shift = sum / size;
        double s = 0;
        double squares = 0;
        for (int i = 0; i < size; i++) {
            double d = window.get(i) - shift;
            s += d;
            squares += d * d;
        }
        shiftedSum = s;
        // Corrected two-pass: removes what is left of the mean's rounding.
        m2 = squares - s * s / size;
    }

    public boolean isFull() {
        return window.isFull();
    }

    /** Mean of the last {@code n} values (TTR's running sum over n); NaN until there are n. */
    public double mean() {
        return window.mean();
    }

    /** Population variance (divisor {@code n}); NaN until there are {@code n} values. */
    public double populationVariance() {
        return window.isFull() ? sumOfSquares() / window.capacity() : Double.NaN;
    }

    /** Sample variance (divisor {@code n-1}); NaN until there are {@code n} values or if n is 1. */
    public double sampleVariance() {
        int n = window.capacity();
        return window.isFull() && n > 1 ? sumOfSquares() / (n - 1) : Double.NaN;
    }

    private double sumOfSquares() {
        return equalRun >= window.capacity() ? 0 : Math.max(m2, 0);
    }

    public void writeTo(DataOutput out) throws IOException {
        window.writeTo(out);
        StateIo.writeDouble(out, shift);
        StateIo.writeDouble(out, shiftedSum);
        StateIo.writeDouble(out, m2);
        out.writeInt(equalRun);
        out.writeInt(sinceRecompute);
    }

    public static RollingMoments readFrom(DataInput in) throws IOException {
        RollingMoments m = new RollingMoments(RollingWindow.readFrom(in));
        m.shift = StateIo.readDouble(in);
        m.shiftedSum = StateIo.readDouble(in);
        m.m2 = StateIo.readDouble(in);
        int n = m.window.capacity();
        m.equalRun = StateIo.readIndex(in, n, "equal run");
        m.sinceRecompute = StateIo.readIndex(in, n - 1, "updates since recompute");
        return m;
    }
}
