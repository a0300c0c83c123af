package io.arbiter.operators.allocation;

/**
 * Beta(α, β) variates as X / (X + Y) with X ~ Gamma(α), Y ~ Gamma(β) (both from {@link
 * GammaSampler}, X first). When a parameter is below 1 the ratio is formed from the logarithms, 1 /
 * (1 + exp(ln Y − ln X)), so it never becomes 0/0.
 */
public final class BetaSampler {

    private final GammaSampler x;
    private final GammaSampler y;
    private final boolean direct;

    public BetaSampler(double alpha, double beta) {
        this.x = new GammaSampler(alpha);
        this.y = new GammaSampler(beta);
        this.direct = x.direct() && y.direct();
    }

    public double alpha() {
        return x.shape();
    }

    public double beta() {
        return y.shape();
    }

    public double sample(DrawStream stream) {
        if (direct) {
            double gx = x.sample(stream);
            double gy = y.sample(stream);
            return gx / (gx + gy);
        }
        double lx = x.logSample(stream);
        double ly = y.logSample(stream);
        return 1.0 / (1.0 + StrictMath.exp(ly - lx));
    }
}
