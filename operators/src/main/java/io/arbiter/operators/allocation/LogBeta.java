package io.arbiter.operators.allocation;

/**
 * ln B(a, b) = ln Γ(a) + ln Γ(b) − ln Γ(a + b), the normalising constant of a Beta density, to
 * within a few units of 1e-16 absolute even for posteriors of thousands of trades.
 *
 * <p>Adding three log-gammas directly would not do: for Beta(300, 200) they are near 1,400 each,
 * and their rounding (1e-13) would scale every density, and so every P(best), by as much. Instead
 * the large Stirling terms are combined analytically first (as in Algorithm 708 of DiDonato and
 * Morris, ACM TOMS 18(3), 1992), leaving only small numbers to add:
 *
 * <ul>
 *   <li>both a, b ≥ 10: ln B = ½ ln 2π − ½ ln(a + b) + (a − ½) ln(a / (a + b)) + (b − ½) ln(b / (a
 *       + b)) + δ(a) + δ(b) − δ(a + b), with δ the Stirling series' remainder;
 *   <li>only the larger ≥ 10: ln Γ(p) − p ln q + p − (p + q − ½) ln(1 + p / q) + δ(q) − δ(p + q);
 *   <li>both below 10: the three log-gammas, each small.
 * </ul>
 */
final class LogBeta {

    /** Below this the Stirling series is not yet accurate to 1e-16; arguments are shifted up. */
    private static final double STIRLING_FROM = 10.0;

    private static final double HALF_LN_2PI = 0.9189385332046728;

    private LogBeta() {}

    /** ln B(a, b) for a, b > 0. */
    static double of(double a, double b) {
        double p = Math.min(a, b);
        double q = Math.max(a, b);
        if (p >= STIRLING_FROM) {
            double s = p + q;
            return HALF_LN_2PI
                    - 0.5 * StrictMath.log(s)
                    - (p - 0.5) * StrictMath.log1p(q / p)
                    - (q - 0.5) * StrictMath.log1p(p / q)
                    + stirlingRemainder(p)
                    + stirlingRemainder(q)
                    - stirlingRemainder(s);
        }
        if (q >= STIRLING_FROM) {
            return logGamma(p)
                    - p * StrictMath.log(q)
                    + p
                    - (p + q - 0.5) * StrictMath.log1p(p / q)
                    + stirlingRemainder(q)
                    - stirlingRemainder(p + q);
        }
        return logGamma(p) + logGamma(q) - logGamma(p + q);
    }

    /** ln Γ(x) for x > 0: Stirling's series, after shifting x up to at least 10. */
    static double logGamma(double x) {
        double shifted = x;
        double product = 1.0;
        while (shifted < STIRLING_FROM) {
            product *= shifted;
            shifted += 1.0;
        }
        return (shifted - 0.5) * StrictMath.log(shifted)
                - shifted
                + HALF_LN_2PI
                + stirlingRemainder(shifted)
                - StrictMath.log(product);
    }

    /**
     * δ(x) = ln Γ(x) − [(x − ½) ln x − x + ½ ln 2π] for x ≥ 10, by the asymptotic series Σ B₂ₖ /
     * (2k (2k − 1) x^(2k − 1)) to k = 8: at x = 10 the next term is below 1e-17.
     */
    static double stirlingRemainder(double x) {
        double r = 1.0 / x;
        double r2 = r * r;
        double high =
                1.0 / 1188 + r2 * (-691.0 / 360360 + r2 * (1.0 / 156 - r2 * (3617.0 / 122400)));
        return r
                * (1.0 / 12
                        + r2 * (-1.0 / 360 + r2 * (1.0 / 1260 + r2 * (-1.0 / 1680 + r2 * high))));
    }
}
