package io.arbiter.operators.allocation;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * A model's Beta posterior of winning a round trip: prior Beta(α₀, β₀) from its registration, plus
 * one success per closed round trip with net PnL above 0 and one failure otherwise.
 *
 * <p>With a discount γ < 1 the counts first decay toward the prior on each of the model's closed
 * trades, α ← α₀ + γ(α − α₀) (β likewise), so old outcomes weigh γ^age and the posterior follows a
 * model whose edge drifts; its effective memory is about 1 / (1 − γ) trades.
 */
public final class BetaPosterior {

    private final double priorAlpha;
    private final double priorBeta;
    private double alpha;
    private double beta;

    public BetaPosterior(double priorAlpha, double priorBeta) {
        this(priorAlpha, priorBeta, priorAlpha, priorBeta);
    }

    private BetaPosterior(double priorAlpha, double priorBeta, double alpha, double beta) {
        if (!(priorAlpha > 0 && priorBeta > 0)
                || Double.isInfinite(priorAlpha)
                || Double.isInfinite(priorBeta)) {
            throw new IllegalArgumentException(
                    "Beta prior must be positive and finite: " + priorAlpha + ", " + priorBeta);
        }
        this.priorAlpha = priorAlpha;
        this.priorBeta = priorBeta;
        this.alpha = alpha;
        this.beta = beta;
    }

    /**
     * Adds one closed round trip.
     *
     * @param netPnl its realised PnL net of fees; above 0 is a win, anything else (a loss, zero, or
     *     NaN) a failure
     * @param discount γ in (0, 1]; 1 keeps every outcome at full weight
     */
    public void record(double netPnl, double discount) {
        if (discount < 1.0) {
            alpha = priorAlpha + discount * (alpha - priorAlpha);
            beta = priorBeta + discount * (beta - priorBeta);
        }
        if (netPnl > 0) {
            alpha += 1.0;
        } else {
            beta += 1.0;
        }
    }

    public double alpha() {
        return alpha;
    }

    public double beta() {
        return beta;
    }

    public double priorAlpha() {
        return priorAlpha;
    }

    public double priorBeta() {
        return priorBeta;
    }

    /** Posterior mean α / (α + β). */
    public double mean() {
        return alpha / (alpha + beta);
    }

    public void writeTo(DataOutput out) throws IOException {
        out.writeLong(Double.doubleToRawLongBits(priorAlpha));
        out.writeLong(Double.doubleToRawLongBits(priorBeta));
        out.writeLong(Double.doubleToRawLongBits(alpha));
        out.writeLong(Double.doubleToRawLongBits(beta));
    }

    public static BetaPosterior readFrom(DataInput in) throws IOException {
        double pa = Double.longBitsToDouble(in.readLong());
        double pb = Double.longBitsToDouble(in.readLong());
        double a = Double.longBitsToDouble(in.readLong());
        double b = Double.longBitsToDouble(in.readLong());
        if (!(a >= pa && b >= pb && pa > 0 && pb > 0) || Double.isInfinite(a + b)) {
            throw new IOException(
                    "corrupt posterior state: " + pa + ", " + pb + ", " + a + ", " + b);
        }
        return new BetaPosterior(pa, pb, a, b);
    }

    @Override
    public String toString() {
        return "Beta(" + alpha + ", " + beta + ")";
    }
}
