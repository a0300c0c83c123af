package io.arbiter.operators.features.indicators;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * Rolling volume-weighted average price as TTR's {@code VWAP(price, volume, n)} (a WMA with volume
 * weights): {@code sum(P*V)/sum(V)} over the last {@code n} bars, both sums running. TTR's
 * convention is {@code P = close}. NaN until {@code n} bars and whenever the window traded no
 * volume (0/0).
 */
public final class Vwap {

    private final RollingWindow priceVolume;
    private final RollingWindow volume;

    public Vwap(int n) {
        this(new RollingWindow(n), new RollingWindow(n));
    }

    private Vwap(RollingWindow priceVolume, RollingWindow volume) {
        this.priceVolume = priceVolume;
        this.volume = volume;
    }

    public double update(double price, double volume) {
        priceVolume.push(price * volume);
        this.volume.push(volume);
        return this.volume.isDefined() && priceVolume.isDefined()
                ? priceVolume.sum() / this.volume.sum()
                : Double.NaN;
    }

    public void writeTo(DataOutput out) throws IOException {
        priceVolume.writeTo(out);
        volume.writeTo(out);
    }

    public static Vwap readFrom(DataInput in) throws IOException {
        RollingWindow priceVolume = RollingWindow.readFrom(in);
        return new Vwap(priceVolume, RollingWindow.readFrom(in));
    }
}
