package io.arbiter.operators.health;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * An isotonic (non-decreasing) calibration map from score to probability, fitted by pool adjacent
 * violators; a plain value that a model manifest can store.
 *
 * <p>The map is piecewise linear through the knots: each pooled block of the fit contributes its
 * lowest and highest score, both at the block's value, so a score inside a block maps to that
 * block's value, a score between two blocks is interpolated linearly between them, and a score
 * outside the fitted range takes the value of the nearest end (as scikit-learn's {@code
 * IsotonicRegression(out_of_bounds="clip")}).
 *
 * @param knotScores strictly increasing scores
 * @param knotValues non-decreasing values at those scores
 */
public record IsotonicRegression(double[] knotScores, double[] knotValues) {

    /**
     * The fitted values of the training pairs, in input order, with the map they define.
     *
     * @param fittedValues one per training pair, in input order
     * @param levels distinct fitted values (pooled blocks)
     */
    public record Fit(double[] fittedValues, int levels, IsotonicRegression calibrator) {

        public Fit {
            fittedValues = fittedValues.clone();
        }

        @Override
        public double[] fittedValues() {
            return fittedValues.clone();
        }

        /** Σ (fitted - y)²; divided by n this is the Brier score of the fitted values. */
        public double sumOfSquaredErrors(double[] outcomes) {
            double sum = 0;
            for (int i = 0; i < fittedValues.length; i++) {
                double error = fittedValues[i] - outcomes[i];
                sum += error * error;
            }
            return sum;
        }
    }

    public IsotonicRegression {
        if (knotScores.length != knotValues.length || knotScores.length == 0) {
            throw new IllegalArgumentException("an isotonic map needs as many values as scores");
        }
        knotScores = knotScores.clone();
        knotValues = knotValues.clone();
        for (int i = 1; i < knotScores.length; i++) {
            if (!(knotScores[i] > knotScores[i - 1]) || knotValues[i] < knotValues[i - 1]) {
                throw new IllegalArgumentException(
                        "knots must have increasing scores and non-decreasing values at " + i);
            }
        }
    }

    /**
     * Least-squares non-decreasing fit of {@code targets} on {@code scores}, as R's {@code
     * stats::isoreg(scores, targets)}: pairs ordered by {@code order(x, -y)} (ties in the score by
     * decreasing target, so tied scores always share one fitted value), then pool adjacent
     * violators.
     */
    public static Fit fit(double[] rawScores, double[] targets) {
        if (rawScores.length != targets.length || rawScores.length == 0) {
            throw new IllegalArgumentException(
                    rawScores.length + " scores and " + targets.length + " targets");
        }
        int n = rawScores.length;
        double[] scores = new double[n];
        for (int i = 0; i < n; i++) {
            if (!Double.isFinite(rawScores[i]) || !Double.isFinite(targets[i])) {
                throw new IllegalArgumentException("non-finite pair at index " + i);
            }
            scores[i] = rawScores[i] + 0.0; // -0.0 becomes 0.0: one tie group, as in R
        }
        int[] order =
                IntStream.range(0, n)
                        .boxed()
                        .sorted(
                                Comparator.<Integer>comparingDouble(i -> scores[i])
                                        .thenComparing(
                                                Comparator.<Integer>comparingDouble(i -> targets[i])
                                                        .reversed()))
                        .mapToInt(Integer::intValue)
                        .toArray();

        // Blocks on a stack: sum of targets, size and first sorted position of each.
        double[] blockSum = new double[n];
        int[] blockSize = new int[n];
        int[] blockStart = new int[n];
        int blocks = 0;
        for (int k = 0; k < n; k++) {
            blockSum[blocks] = targets[order[k]];
            blockSize[blocks] = 1;
            blockStart[blocks] = k;
            blocks++;
            // Pool while the previous block's mean is not below the newest one's; pooling equal
            // means too makes every block a distinct level.
            while (blocks > 1
                    && blockSum[blocks - 2] * blockSize[blocks - 1]
                            >= blockSum[blocks - 1] * blockSize[blocks - 2]) {
                blockSum[blocks - 2] += blockSum[blocks - 1];
                blockSize[blocks - 2] += blockSize[blocks - 1];
                blocks--;
            }
        }

        double[] fitted = new double[n];
        double[] knotScores = new double[2 * blocks];
        double[] knotValues = new double[2 * blocks];
        int knots = 0;
        for (int b = 0; b < blocks; b++) {
            double value = blockSum[b] / blockSize[b];
            int first = blockStart[b];
            int last = first + blockSize[b] - 1;
            for (int k = first; k <= last; k++) {
                fitted[order[k]] = value;
            }
            knotScores[knots] = scores[order[first]];
            knotValues[knots++] = value;
            if (scores[order[last]] > scores[order[first]]) {
                knotScores[knots] = scores[order[last]];
                knotValues[knots++] = value;
            }
        }
        IsotonicRegression calibrator =
                new IsotonicRegression(
                        Arrays.copyOf(knotScores, knots), Arrays.copyOf(knotValues, knots));
        return new Fit(fitted, blocks, calibrator);
    }

    @Override
    public double[] knotScores() {
        return knotScores.clone();
    }

    @Override
    public double[] knotValues() {
        return knotValues.clone();
    }

    /** The calibrated probability of {@code score}; see the class comment for the shape. */
    public double apply(double score) {
        if (Double.isNaN(score)) {
            return Double.NaN;
        }
        int last = knotScores.length - 1;
        if (score <= knotScores[0]) {
            return knotValues[0];
        }
        if (score >= knotScores[last]) {
            return knotValues[last];
        }
        int found = Arrays.binarySearch(knotScores, score);
        if (found >= 0) {
            return knotValues[found];
        }
        int right = -found - 1;
        int left = right - 1;
        double t = (score - knotScores[left]) / (knotScores[right] - knotScores[left]);
        return knotValues[left] + t * (knotValues[right] - knotValues[left]);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof IsotonicRegression that
                && Arrays.equals(knotScores, that.knotScores)
                && Arrays.equals(knotValues, that.knotValues);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(knotScores) + Arrays.hashCode(knotValues);
    }

    @Override
    public String toString() {
        return "IsotonicRegression[knotScores="
                + Arrays.toString(knotScores)
                + ", knotValues="
                + Arrays.toString(knotValues)
                + "]";
    }
}
