package io.arbiter.operators.features.indicators;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * Commodity channel index as TTR's {@code CCI(HLC, n, c=0.015)}: typical price {@code tp =
 * (H+L+C)/3}, {@code m = SMA(tp, n)}, mean deviation {@code MD} = mean of {@code |tp[i] - m[t]|}
 * over the window (TTR's {@code runMAD(center=m, stat="mean")}), {@code CCI = (tp - m)/(c*MD)}.
 * First defined on bar {@code n}.
 *
 * <p>The deviation is from the <em>current</em> mean, which changes every bar, so MD has no
 * incremental form: it costs O(n) per bar.
 */
public final class Cci {

    private final RollingWindow typical;
    private final double c;

    public Cci(int n, double c) {
        this(new RollingWindow(n), c);
    }

    private Cci(RollingWindow typical, double c) {
        this.typical = typical;
        this.c = c;
    }

    public double update(double high, double low, double close) {
        double tp = (high + low + close) / 3;
        typical.push(tp);
        if (!typical.isDefined()) {
            return Double.NaN;
        }
        int n = typical.capacity();
        double mean = typical.sum() / n;
        double deviation = 0;
        for (int i = 0; i < n; i++) {
            deviation += Math.abs(typical.get(i) - mean);
        }
        return (tp - mean) / (c * (deviation / n));
    }

    public void writeTo(DataOutput out) throws IOException {
        typical.writeTo(out);
        StateIo.writeDouble(out, c);
    }

    public static Cci readFrom(DataInput in) throws IOException {
        RollingWindow typical = RollingWindow.readFrom(in);
        return new Cci(typical, StateIo.readDouble(in));
    }
}
