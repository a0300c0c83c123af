package io.arbiter.operators.features.indicators;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * Stochastic oscillator as TTR's {@code stoch(HLC, nFastK, nFastD, nSlowD)} with SMAs, as
 * <em>fractions</em> 0..1 like TTR: {@code fastK = (C-LL)/(HH-LL)} over the last {@code nFastK}
 * highs and lows (bar included), {@code fastD = SMA(fastK, nFastD)}, {@code slowD = SMA(fastD,
 * nSlowD)}. The "slow stochastic" is (%K, %D) = (fastD, slowD).
 *
 * <p>When {@code HH == LL} the close equals both and fastK is {@code 0/0 = NaN}, as in TTR (its 0.5
 * rule catches only ±Inf). The NaN then makes fastD and slowD NaN only while it is inside their
 * windows.
 */
public final class Stochastic {

    private final RollingExtreme highest;
    private final RollingExtreme lowest;
    private final Sma fastD;
    private final Sma slowD;
    private double fastK = Double.NaN;

    public Stochastic(int nFastK, int nFastD, int nSlowD) {
        this(
                RollingExtreme.max(nFastK),
                RollingExtreme.min(nFastK),
                new Sma(nFastD),
                new Sma(nSlowD));
    }

    private Stochastic(RollingExtreme highest, RollingExtreme lowest, Sma fastD, Sma slowD) {
        this.highest = highest;
        this.lowest = lowest;
        this.fastD = fastD;
        this.slowD = slowD;
    }

    /** Adds a bar; read the lines with the accessors. */
    public void update(double high, double low, double close) {
        double hh = highest.update(high);
        double ll = lowest.update(low);
        fastK = (close - ll) / (hh - ll);
        slowD.update(fastD.update(fastK));
    }

    public double fastK() {
        return fastK;
    }

    public double fastD() {
        return fastD.value();
    }

    public double slowD() {
        return slowD.value();
    }

    public void writeTo(DataOutput out) throws IOException {
        highest.writeTo(out);
        lowest.writeTo(out);
        fastD.writeTo(out);
        slowD.writeTo(out);
        StateIo.writeDouble(out, fastK);
    }

    public static Stochastic readFrom(DataInput in) throws IOException {
        RollingExtreme highest = RollingExtreme.readFrom(in);
        RollingExtreme lowest = RollingExtreme.readFrom(in);
        Sma fastD = Sma.readFrom(in);
        Stochastic s = new Stochastic(highest, lowest, fastD, Sma.readFrom(in));
        s.fastK = StateIo.readDouble(in);
        return s;
    }
}
