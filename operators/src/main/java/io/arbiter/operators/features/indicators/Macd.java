package io.arbiter.operators.features.indicators;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * MACD as TTR's {@code MACD(fast, slow, signal)} with EMAs, in both of TTR's forms: absolute
 * ({@code percent=FALSE}: {@code EMAfast - EMAslow}) and percent (TTR's default: {@code
 * 100*(EMAfast/EMAslow - 1)}). Each signal line is an EMA of its MACD seeded with the mean of the
 * first {@code signal} MACD values, so MACD is first defined on bar {@code slow} and the signal on
 * bar {@code slow+signal-1}.
 */
public final class Macd {

    private final Ema fast;
    private final Ema slow;
    private final Ema signal;
    private final Ema signalPercent;
    private double macd = Double.NaN;
    private double macdPercent = Double.NaN;

    public Macd(int fast, int slow, int signal) {
        this(Ema.standard(fast), Ema.standard(slow), Ema.standard(signal), Ema.standard(signal));
    }

    private Macd(Ema fast, Ema slow, Ema signal, Ema signalPercent) {
        this.fast = fast;
        this.slow = slow;
        this.signal = signal;
        this.signalPercent = signalPercent;
    }

    /** Adds a close; read the lines with the accessors. */
    public void update(double close) {
        double f = fast.update(close);
        double s = slow.update(close);
        macd = f - s;
        macdPercent = 100 * (f / s - 1);
        signal.update(macd);
        signalPercent.update(macdPercent);
    }

    public double macd() {
        return macd;
    }

    public double signal() {
        return signal.value();
    }

    public double macdPercent() {
        return macdPercent;
    }

    public double signalPercent() {
        return signalPercent.value();
    }

    public void writeTo(DataOutput out) throws IOException {
        fast.writeTo(out);
        slow.writeTo(out);
        signal.writeTo(out);
        signalPercent.writeTo(out);
        StateIo.writeDouble(out, macd);
        StateIo.writeDouble(out, macdPercent);
    }

    public static Macd readFrom(DataInput in) throws IOException {
        Ema fast = Ema.readFrom(in);
        Ema slow = Ema.readFrom(in);
        Ema signal = Ema.readFrom(in);
        Macd m = new Macd(fast, slow, signal, Ema.readFrom(in));
        m.macd = StateIo.readDouble(in);
        m.macdPercent = StateIo.readDouble(in);
        return m;
    }
}
