package io.arbiter.operators.features.indicators;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * Directional movement as TTR's {@code ADX(n)}: DI+, DI-, DX and ADX. Directional moves {@code dH =
 * H[t]-H[t-1]}, {@code dL = L[t-1]-L[t]}; {@code +DM = dH} if {@code dH > dL} and {@code dH > 0}
 * else 0, {@code -DM} likewise (both 0 when {@code dH == dL}). {@code DI = 100*WS(DM)/WS(tr)} with
 * TTR's {@link WilderSum}, {@code DX = 100*|DI+ - DI-|/(DI+ + DI-)}, ADX = Wilder EMA of DX seeded
 * with the mean of the first {@code n} DX values. DI and DX are first defined on bar {@code n+1},
 * ADX on bar {@code 2n}.
 */
public final class Adx {

    private final WilderSum plusDm;
    private final WilderSum minusDm;
    private final WilderSum trueRange;
    private final Ema adx;
    private double previousHigh = Double.NaN;
    private double previousLow = Double.NaN;
    private double diPlus = Double.NaN;
    private double diMinus = Double.NaN;
    private double dx = Double.NaN;

    public Adx(int n) {
        this(new WilderSum(n), new WilderSum(n), new WilderSum(n), Ema.wilder(n));
    }

    private Adx(WilderSum plusDm, WilderSum minusDm, WilderSum trueRange, Ema adx) {
        this.plusDm = plusDm;
        this.minusDm = minusDm;
        this.trueRange = trueRange;
        this.adx = adx;
    }

    /**
     * Adds a bar and returns the ADX.
     *
     * @param trueRange the bar's true range as {@link Atr#trueRange()} gives it (TTR's ADX takes
     *     {@code ATR(HLC)[,"tr"]}), NaN on the first bar
     */
    public double update(double high, double low, double trueRange) {
        double dH = high - previousHigh;
        double dL = previousLow - low;
        previousHigh = high;
        previousLow = low;
        double pDm = Double.isNaN(dH) ? Double.NaN : dH > dL && dH > 0 ? dH : 0;
        double mDm = Double.isNaN(dL) ? Double.NaN : dL > dH && dL > 0 ? dL : 0;
        double trSum = this.trueRange.update(trueRange);
        diPlus = 100 * plusDm.update(pDm) / trSum;
        diMinus = 100 * minusDm.update(mDm) / trSum;
        dx = 100 * (Math.abs(diPlus - diMinus) / (diPlus + diMinus));
        return adx.update(dx);
    }

    public double diPlus() {
        return diPlus;
    }

    public double diMinus() {
        return diMinus;
    }

    public double dx() {
        return dx;
    }

    public void writeTo(DataOutput out) throws IOException {
        plusDm.writeTo(out);
        minusDm.writeTo(out);
        trueRange.writeTo(out);
        adx.writeTo(out);
        StateIo.writeDouble(out, previousHigh);
        StateIo.writeDouble(out, previousLow);
        StateIo.writeDouble(out, diPlus);
        StateIo.writeDouble(out, diMinus);
        StateIo.writeDouble(out, dx);
    }

    public static Adx readFrom(DataInput in) throws IOException {
        WilderSum plusDm = WilderSum.readFrom(in);
        WilderSum minusDm = WilderSum.readFrom(in);
        WilderSum trueRange = WilderSum.readFrom(in);
        Adx a = new Adx(plusDm, minusDm, trueRange, Ema.readFrom(in));
        a.previousHigh = StateIo.readDouble(in);
        a.previousLow = StateIo.readDouble(in);
        a.diPlus = StateIo.readDouble(in);
        a.diMinus = StateIo.readDouble(in);
        a.dx = StateIo.readDouble(in);
        return a;
    }
}
