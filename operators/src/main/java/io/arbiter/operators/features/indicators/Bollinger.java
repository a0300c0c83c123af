package io.arbiter.operators.features.indicators;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * Bollinger bands as TTR's {@code BBands(n, sd=k)} on one price series: {@code mavg = SMA(n)},
 * bands {@code mavg ± k*sd} with the <em>population</em> standard deviation of the same {@code n}
 * values (TTR's {@code runSD(sample=FALSE)}), and {@code pctB = (x-dn)/(up-dn)}. First defined on
 * bar {@code n}. When the window is flat the bands collapse and {@code pctB} is NaN, where TTR's
 * {@code 0/0} can come out as NaN or, through the rounding of its running mean, as ±Inf.
 */
public final class Bollinger {

    private final RollingMoments moments;
    private final double k;
    private double lower = Double.NaN;
    private double middle = Double.NaN;
    private double upper = Double.NaN;
    private double percentB = Double.NaN;

    public Bollinger(int n, double k) {
        this(new RollingMoments(n), k);
    }

    private Bollinger(RollingMoments moments, double k) {
        this.moments = moments;
        this.k = k;
    }

    /** Adds a price; read the bands with the accessors. */
    public void update(double x) {
        moments.update(x);
        middle = moments.mean();
        double sd = Math.sqrt(moments.populationVariance());
        lower = middle - k * sd;
        upper = middle + k * sd;
        percentB = sd > 0 ? (x - lower) / (upper - lower) : Double.NaN;
    }

    public double lower() {
        return lower;
    }

    public double middle() {
        return middle;
    }

    public double upper() {
        return upper;
    }

    public double percentB() {
        return percentB;
    }

    public void writeTo(DataOutput out) throws IOException {
        moments.writeTo(out);
        StateIo.writeDouble(out, k);
        StateIo.writeDouble(out, lower);
        StateIo.writeDouble(out, middle);
        StateIo.writeDouble(out, upper);
        StateIo.writeDouble(out, percentB);
    }

    public static Bollinger readFrom(DataInput in) throws IOException {
        RollingMoments moments = RollingMoments.readFrom(in);
        Bollinger b = new Bollinger(moments, StateIo.readDouble(in));
        b.lower = StateIo.readDouble(in);
        b.middle = StateIo.readDouble(in);
        b.upper = StateIo.readDouble(in);
        b.percentB = StateIo.readDouble(in);
        return b;
    }
}
