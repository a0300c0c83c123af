package io.arbiter.operators.features.indicators;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * On-balance volume as TTR's {@code OBV(price, volume)}: starts at {@code +V[1]} (not 0), then adds
 * {@code +V} when the close rose, {@code -V} when it fell and nothing when it is unchanged, where
 * "unchanged" is TTR's test {@code |ln C[t] - ln C[t-1]| < sqrt(.Machine$double.eps)}.
 */
public final class Obv {

    /** R's {@code sqrt(.Machine$double.eps)}, i.e. 2^-26. */
    static final double UNCHANGED = Math.sqrt(Math.ulp(1.0));

    private boolean started;
    private double value = Double.NaN;

    /**
     * Adds a bar given its log return {@code ln C[t] - ln C[t-1]} (ignored on the first bar) and
     * volume, and returns the OBV.
     */
    public double update(double logReturn, double volume) {
        if (!started) {
            started = true;
            value = volume;
        } else if (Math.abs(logReturn) >= UNCHANGED) {
            value += logReturn > 0 ? volume : -volume;
        }
        return value;
    }

    public void writeTo(DataOutput out) throws IOException {
        out.writeBoolean(started);
        StateIo.writeDouble(out, value);
    }

    public static Obv readFrom(DataInput in) throws IOException {
        Obv obv = new Obv();
        obv.started = in.readBoolean();
        obv.value = StateIo.readDouble(in);
        return obv;
    }
}
