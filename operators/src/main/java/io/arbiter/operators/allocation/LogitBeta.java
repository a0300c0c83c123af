package io.arbiter.operators.allocation;

/**
 * A Beta(a, b) posterior on the logit scale z = ln(x / (1 − x)), where {@link ProbabilityBest}
 * integrates: there its density is h(z) = x^a (1 − x)^b / B(a, b), smooth and log-concave for every
 * a, b > 0. The U- and J-shaped densities of a, b < 1, infinite at 0 or 1 on the x scale, become
 * plain bumps with exponential tails (rates a to the left, b to the right), so one kind of
 * quadrature panel fits every posterior the desk can hold.
 *
 * <p>Two facts about h drive the grid: its local scale, 1 / √((a + b) x (1 − x)) (the inverse
 * square root of −(ln h)''), and its log-slope, a (1 − x) − b x. And because h is log-concave, its
 * tails are bounded by the density itself: below the mode P(Z ≤ z) ≤ h(z) / (ln h)'(z), which gives
 * {@link #lower} and {@link #upper}, the range outside which the posterior's mass is below e^lnTail
 * on each side.
 */
final class LogitBeta {

    final double a;
    final double b;
    final double lnB;

    /** z below which P(Z ≤ z) ≤ e^lnTail. */
    final double lower;

    /** z above which P(Z > z) ≤ e^lnTail. */
    final double upper;

    LogitBeta(double a, double b, double lnTail, LogitPoint scratch) {
        if (!(a > 0 && b > 0) || Double.isInfinite(a) || Double.isInfinite(b)) {
            throw new IllegalArgumentException("Beta parameters must be positive: " + a + ", " + b);
        }
        this.a = a;
        this.b = b;
        this.lnB = LogBeta.of(a, b);
        this.lower = lowerTail(a, b, lnB, lnTail, scratch);
        // Z ~ logit Beta(a, b) means −Z ~ logit Beta(b, a).
        this.upper = -lowerTail(b, a, lnB, lnTail, scratch);
    }

    /** ln h at a point. */
    double logDensity(LogitPoint p) {
        return a * p.lnX + b * p.lnY - lnB;
    }

    /** The log-slope (ln h)'(z) = a (1 − x) − b x. */
    double slope(LogitPoint p) {
        return a * p.y - b * p.x;
    }

    /** The local scale 1 / √(−(ln h)''(z)): about the standard deviation near the mode. */
    double scale(LogitPoint p) {
        return 1.0 / Math.sqrt((a + b) * (p.x * p.y));
    }

    /**
     * ln of the bound h(z) / (ln h)'(z) on P(Z ≤ z), for z below the mode; 0 (the trivial bound 1)
     * at or above it.
     */
    double logLowerTailBound(LogitPoint p) {
        double slope = slope(p);
        return slope > 0 ? Math.min(0.0, logDensity(p) - PlainMath.log(slope)) : 0.0;
    }

    /** d/dz of {@link #logLowerTailBound} where it is below 0: slope + (a + b) x y / slope. */
    double logLowerTailBoundSlope(LogitPoint p) {
        double slope = slope(p);
        return slope + (a + b) * (p.x * p.y) / slope;
    }

    /**
     * A z at which P(Z ≤ z) ≤ e^lnTail for Z the logit of Beta(a, b): Newton's method on the
     * log-concave bound, from the normal approximation's point, stopping on the safe side.
     */
    private static double lowerTail(double a, double b, double lnB, double lnTail, LogitPoint p) {
        double mode = PlainMath.log(a / b);
        double sd = Math.sqrt(1.0 / a + 1.0 / b);
        double z = mode - Math.sqrt(-2.0 * lnTail) * sd;
        for (int iteration = 0; iteration < 60; iteration++) {
            p.at(z);
            double slope = a * p.y - b * p.x;
            double excess = a * p.lnX + b * p.lnY - lnB - PlainMath.log(slope) - lnTail;
            if (excess <= 0 && excess > -1) {
                return z; // within a factor e of the tail: tight enough, and safe
            }
            double step = excess / (slope + (a + b) * (p.x * p.y) / slope);
            // Never step to or past the mode, where the bound stops holding.
            z = Math.min(z - step, z + (mode - z) / 2);
        }
        return z; // only for absurd parameters; still a valid (if loose) point when excess <= 0
    }
}
