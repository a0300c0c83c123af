package io.arbiter.operators.health;

import java.util.Arrays;

/** Sample quantiles as R's {@code quantile(x, probs, type = 7)} computes them. */
public final class Quantiles {

    private Quantiles() {}

    /**
     * The type-7 quantiles of {@code values} (which are not modified) at each of {@code probs}.
     *
     * @throws IllegalArgumentException when {@code values} is empty or holds NaN, or a probability
     *     lies outside [0, 1]
     */
    public static double[] type7(double[] values, double... probs) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        if (sorted.length == 0 || Double.isNaN(sorted[sorted.length - 1])) {
            throw new IllegalArgumentException("quantiles need at least one value and no NaN");
        }
        double[] quantiles = new double[probs.length];
        for (int i = 0; i < probs.length; i++) {
            quantiles[i] = type7OfSorted(sorted, probs[i]);
        }
        return quantiles;
    }

    /**
     * The type-7 quantile of ascending {@code sorted} at {@code prob}. R (stats:::quantile.default,
     * type 7): {@code index = 1 + (n-1)·prob}, {@code lo = floor(index)}, {@code hi =
     * ceiling(index)}, {@code h = index - lo}, and {@code (1-h)·x[lo] + h·x[hi]} only where {@code
     * index > lo} and {@code x[hi] != x[lo]}; otherwise {@code x[lo]} itself. Keeping that guard
     * matters: a cut point that lands between equal values must be exactly that value, or the
     * right-closed PSI bins would count the ties on the other side.
     */
    public static double type7OfSorted(double[] sorted, double prob) {
        if (!(prob >= 0 && prob <= 1)) {
            throw new IllegalArgumentException("probability " + prob + " is outside [0, 1]");
        }
        double index = 1 + Math.max(sorted.length - 1, 0) * prob;
        int lo = (int) Math.floor(index);
        int hi = (int) Math.ceil(index);
        double low = sorted[lo - 1];
        double high = sorted[hi - 1];
        if (index > lo && high != low) {
            double h = index - lo;
            return (1 - h) * low + h * high;
        }
        return low;
    }
}
