package io.arbiter.operators.allocation;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;

/** Exact values about Beta posteriors with whole parameters, in exact arithmetic, for tests. */
final class BetaClosedForms {

    private static final MathContext DIGITS = new MathContext(60);

    private BetaClosedForms() {}

    /**
     * P(Beta(a1, b1) > Beta(a2, b2)) = Σ_{i<a1} B(a2 + i, b1 + b2) / ((b1 + i) B(1 + i, b1) B(a2,
     * b2)) (E. Miller, "Formulas for Bayesian A/B testing", 2015), with B(p, q) = (p − 1)! (q − 1)!
     * / (p + q − 1)!: a finite sum, evaluated to 60 digits and rounded once.
     */
    static double greater(int a1, int b1, int a2, int b2) {
        BigDecimal sum = BigDecimal.ZERO;
        for (int i = 0; i < a1; i++) {
            BigDecimal denominator =
                    BigDecimal.valueOf(b1 + i).multiply(beta(1 + i, b1)).multiply(beta(a2, b2));
            sum = sum.add(beta(a2 + i, b1 + b2).divide(denominator, DIGITS));
        }
        return sum.doubleValue();
    }

    private static BigDecimal beta(int p, int q) {
        return new BigDecimal(factorial(p - 1).multiply(factorial(q - 1)))
                .divide(new BigDecimal(factorial(p + q - 1)), DIGITS);
    }

    private static BigInteger factorial(int n) {
        BigInteger f = BigInteger.ONE;
        for (int k = 2; k <= n; k++) {
            f = f.multiply(BigInteger.valueOf(k));
        }
        return f;
    }
}
