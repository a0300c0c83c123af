package io.arbiter.operators.features.indicators;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * Close-to-close volatility as TTR's {@code volatility(n, calc="close", N)}: the sample standard
 * deviation of the last {@code n-1} log returns (TTR's {@code runSD(r, n-1)}, not n of them) times
 * {@code sqrt(N)}; TTR's default {@code N} is 260. First defined on bar {@code n}.
 */
public final class Volatility {

    private final RollingMoments returns;
    private final double annualization;
    private final double sqrtAnnualization;

    public Volatility(int n, double annualization) {
        this(new RollingMoments(n - 1), annualization);
    }

    private Volatility(RollingMoments returns, double annualization) {
        this.returns = returns;
        this.annualization = annualization;
        this.sqrtAnnualization = Math.sqrt(annualization);
    }

    /**
     * Adds the bar's log return {@code ln C[t] - ln C[t-1]} (NaN on the first bar, which is
     * skipped) and returns the volatility.
     */
    public double update(double logReturn) {
        if (Double.isNaN(logReturn)) {
            return Double.NaN;
        }
        returns.update(logReturn);
        return sqrtAnnualization * Math.sqrt(returns.sampleVariance());
    }

    public void writeTo(DataOutput out) throws IOException {
        returns.writeTo(out);
        StateIo.writeDouble(out, annualization);
    }

    public static Volatility readFrom(DataInput in) throws IOException {
        RollingMoments returns = RollingMoments.readFrom(in);
        return new Volatility(returns, StateIo.readDouble(in));
    }
}
