package io.arbiter.operators.allocation;

/**
 * Gamma(shape, 1) variates by Marsaglia and Tsang ("A Simple Method for Generating Gamma
 * Variables", ACM TOMS 26(3), 2000), with its constants computed once per shape. Exact for every
 * shape: below 1 by the boost Gamma(a) = Gamma(a + 1) · U^(1/a) from the same paper, returned as a
 * logarithm so a tiny shape never underflows to 0.
 *
 * <p>The accept test's squeeze {@code u < 1 − 0.0331 x⁴} decides almost every variate with
 * arithmetic alone; the logarithms of the full test use {@link StrictMath}, so the variates are the
 * same on every platform.
 */
public final class GammaSampler {

    private final double shape;
    private final double d; // (boosted) shape − 1/3
    private final double c; // 1 / sqrt(9d)
    private final boolean boosted;

    public GammaSampler(double shape) {
        if (!(shape > 0) || Double.isInfinite(shape)) {
            throw new IllegalArgumentException("Gamma shape must be positive and finite: " + shape);
        }
        this.shape = shape;
        this.boosted = shape < 1;
        this.d = (boosted ? shape + 1 : shape) - 1.0 / 3.0;
        this.c = 1.0 / Math.sqrt(9.0 * d);
    }

    public double shape() {
        return shape;
    }

    /** Whether {@link #sample} may be used: shape at least 1 (else use {@link #logSample}). */
    public boolean direct() {
        return !boosted;
    }

    /** A Gamma(shape, 1) variate; shape must be at least 1. */
    public double sample(DrawStream stream) {
        if (boosted) {
            throw new IllegalStateException("shape " + shape + " < 1: use logSample");
        }
        return marsagliaTsang(stream);
    }

    /** The logarithm of a Gamma(shape, 1) variate, for any shape. */
    public double logSample(DrawStream stream) {
        double g = marsagliaTsang(stream);
        if (!boosted) {
            return StrictMath.log(g);
        }
        return StrictMath.log(g) + StrictMath.log(stream.nextOpenUniform()) / shape;
    }

    private double marsagliaTsang(DrawStream stream) {
        while (true) {
            double x;
            double v;
            do {
                x = NormalZiggurat.sample(stream);
                v = 1.0 + c * x;
            } while (v <= 0);
            v = v * v * v;
            double u = stream.nextOpenUniform();
            double x2 = x * x;
            if (u < 1.0 - 0.0331 * x2 * x2) {
                return d * v;
            }
            if (StrictMath.log(u) < 0.5 * x2 + d * (1.0 - v + StrictMath.log(v))) {
                return d * v;
            }
        }
    }
}
