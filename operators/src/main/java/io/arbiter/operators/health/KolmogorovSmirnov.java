package io.arbiter.operators.health;

import java.util.Arrays;

/**
 * The two-sample Kolmogorov–Smirnov statistic {@code D = sup_x |F_ref(x) - F_act(x)|} of two
 * samples of one feature, with its asymptotic p-value.
 *
 * @param statistic D, in [0, 1]
 * @param referenceSize values in the reference sample
 * @param actualSize values in the current sample
 */
public record KolmogorovSmirnov(double statistic, int referenceSize, int actualSize) {

    private static final double HALF_PI = Math.PI / 2;
    private static final double QUARTER_PI = Math.PI / 4;

    /**
     * D of two samples, ties handled as R's {@code ks.test}: the empirical distribution functions
     * are compared only after all values equal to x have been counted on both sides.
     *
     * @throws IllegalArgumentException when a sample is empty or holds NaN
     */
    public static KolmogorovSmirnov of(double[] reference, double[] actual) {
        Inputs.sample("reference", reference);
        Inputs.sample("current", actual);
        double[] x = reference.clone();
        double[] y = actual.clone();
        Arrays.sort(x);
        Arrays.sort(y);
        int i = 0;
        int j = 0;
        double d = 0;
        while (i < x.length && j < y.length) {
            double value = Math.min(x[i], y[j]);
            while (i < x.length && x[i] == value) {
                i++;
            }
            while (j < y.length && y[j] == value) {
                j++;
            }
            d = Math.max(d, Math.abs((double) i / x.length - (double) j / y.length));
        }
        // Past the end of one sample the gap only shrinks towards 0: no larger D there.
        return new KolmogorovSmirnov(d, x.length, y.length);
    }

    /**
     * {@code P(D_asymptotic > D)}: {@code 1 - K(sqrt(m·n/(m+n))·D)} with K the Kolmogorov
     * distribution, evaluated as R's {@code ks.test} does for large or tied samples (C routine
     * {@code pkstwo}, tolerance 1e-6): for x < 1 the series {@code sqrt(2π)/x·Σ_{k odd}
     * exp(-k²π²/(8x²))}, else {@code 1 - 2·Σ (-1)^(k-1)·exp(-2k²x²)} until a term changes it by at
     * most 1e-6; the result clamped to [0, 1].
     */
    public double asymptoticPValue() {
        double m = referenceSize;
        double n = actualSize;
        double x = Math.sqrt(m * n / (m + n)) * statistic;
        return Math.min(1.0, Math.max(0.0, 1 - kolmogorovCdf(x, 1e-6)));
    }

    private static double kolmogorovCdf(double x, double tolerance) {
        if (x <= 0) {
            return 0;
        }
        if (x < 1) {
            int kMax = (int) Math.sqrt(2 - Math.log(tolerance));
            double z = -(HALF_PI * QUARTER_PI) / (x * x);
            double w = Math.log(x);
            double sum = 0;
            for (int k = 1; k < kMax; k += 2) {
                sum += Math.exp(k * k * z - w);
            }
            return sum * Math.sqrt(2 * Math.PI);
        }
        double z = -2 * x * x;
        double sign = -1;
        double previous = 0;
        double current = 1;
        for (int k = 1; Math.abs(previous - current) > tolerance; k++) {
            previous = current;
            current += 2 * sign * Math.exp(z * k * k);
            sign = -sign;
        }
        return current;
    }
}
