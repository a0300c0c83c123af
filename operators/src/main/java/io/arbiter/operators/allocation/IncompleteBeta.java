package io.arbiter.operators.allocation;

/**
 * The regularised incomplete beta function I_x(a, b) = P(X ≤ x) for X ~ Beta(a, b), by its
 * continued fraction (Numerical Recipes §6.4) evaluated with the modified Lentz method.
 *
 * <p>The fraction converges fast for x below the mean-ish point (a + 1) / (a + b + 2); above it the
 * function is computed as 1 − I_(1−x)(b, a). The caller passes x and 1 − x separately, each with
 * full relative precision (on the logit scale both can be far below 1e-16), and their logarithms.
 */
final class IncompleteBeta {

    /** Stop when a step changes the fraction by less than this, relatively. */
    private static final double CONVERGED = 1e-16;

    /** Keeps the Lentz recurrences away from division by zero. */
    private static final double TINY = 1e-300;

    /**
     * A bound on iterations; the fraction needs about √(a + b) of them near the mean, so this is
     * only reached for posteriors of billions of trades, where it still stops with a close value.
     */
    private static final int MAX_ITERATIONS = 100_000;

    private IncompleteBeta() {}

    /** I_x(a, b) for x in [0, 1], with ln B(a, b) computed here. */
    static double regularized(double a, double b, double x) {
        if (!(x > 0)) {
            return 0.0;
        }
        if (!(x < 1)) {
            return 1.0;
        }
        double y = 1.0 - x;
        return regularized(a, b, LogBeta.of(a, b), x, y, StrictMath.log(x), StrictMath.log1p(-x));
    }

    /**
     * I_x(a, b) given x, y = 1 − x, ln x, ln y and ln B(a, b).
     *
     * @param x may underflow to 0 when ln x is very negative; the result is then 0 or the series
     *     front alone
     */
    static double regularized(
            double a, double b, double lnB, double x, double y, double lnX, double lnY) {
        if (x > (a + 1) / (a + b + 2)) {
            return 1.0 - lower(b, a, lnB, y, lnY, lnX);
        }
        return lower(a, b, lnB, x, lnX, lnY);
    }

    /** x^a (1 − x)^b / (a B(a, b)) times the continued fraction. */
    private static double lower(double a, double b, double lnB, double x, double lnX, double lnY) {
        double front = StrictMath.exp(a * lnX + b * lnY - lnB) / a;
        if (front == 0.0) {
            return 0.0;
        }
        return front * fraction(a, b, x);
    }

    /** The continued fraction 1 / (1 + d₁ / (1 + d₂ / (1 + …))) of NR's {@code betacf}. */
    private static double fraction(double a, double b, double x) {
        double sum = a + b;
        double c = 1.0;
        double d = nonZero(1.0 - sum * x / (a + 1.0));
        d = 1.0 / d;
        double h = d;
        for (int m = 1; m <= MAX_ITERATIONS; m++) {
            int m2 = 2 * m;
            double even = m * (b - m) * x / ((a - 1.0 + m2) * (a + m2));
            d = 1.0 / nonZero(1.0 + even * d);
            c = nonZero(1.0 + even / c);
            h *= d * c;
            double odd = -(a + m) * (sum + m) * x / ((a + m2) * (a + 1.0 + m2));
            d = 1.0 / nonZero(1.0 + odd * d);
            c = nonZero(1.0 + odd / c);
            double step = d * c;
            h *= step;
            if (Math.abs(step - 1.0) < CONVERGED) {
                break;
            }
        }
        return h;
    }

    private static double nonZero(double v) {
        return Math.abs(v) < TINY ? TINY : v;
    }
}
