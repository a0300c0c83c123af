package io.arbiter.operators.health;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Scores of probabilities p against 0/1 outcomes y: Brier, ECE, MCE, log loss and ROC AUC, as
 * defined in the shared oracle README ({@code oracles/calibration/}).
 */
public final class CalibrationMetrics {

    /** Log loss clips p to {@code [LOG_LOSS_CLIP, 1 - LOG_LOSS_CLIP]}. */
    public static final double LOG_LOSS_CLIP = 1e-15;

    private CalibrationMetrics() {}

    /** Brier score {@code mean((p - y)²)}. */
    public static double brier(double[] probabilities, double[] outcomes) {
        Inputs.probabilitiesAndOutcomes(probabilities, outcomes);
        double sum = 0;
        for (int i = 0; i < probabilities.length; i++) {
            double error = probabilities[i] - outcomes[i];
            sum += error * error;
        }
        return sum / probabilities.length;
    }

    /**
     * Expected calibration error over {@code bins} equal-width bins, see {@link ReliabilityBins}.
     */
    public static double expectedCalibrationError(
            double[] probabilities, double[] outcomes, int bins) {
        return ReliabilityBins.of(probabilities, outcomes, bins).expectedCalibrationError();
    }

    /**
     * Maximum calibration error over {@code bins} equal-width bins, see {@link ReliabilityBins}.
     */
    public static double maximumCalibrationError(
            double[] probabilities, double[] outcomes, int bins) {
        return ReliabilityBins.of(probabilities, outcomes, bins).maximumCalibrationError();
    }

    /**
     * Log loss {@code -mean(y·ln p + (1-y)·ln(1-p))} with p first clipped to {@code [1e-15,
     * 1-1e-15]}, so a confident miss costs about 34.5 rather than infinity.
     */
    public static double logLoss(double[] probabilities, double[] outcomes) {
        Inputs.probabilitiesAndOutcomes(probabilities, outcomes);
        double sum = 0;
        for (int i = 0; i < probabilities.length; i++) {
            double p = Math.min(Math.max(probabilities[i], LOG_LOSS_CLIP), 1 - LOG_LOSS_CLIP);
            sum += outcomes[i] == 1 ? Math.log(p) : Math.log(1 - p);
        }
        return -sum / probabilities.length;
    }

    /**
     * ROC AUC as the Mann–Whitney statistic: the share of (positive, negative) pairs in which the
     * positive scores higher, a tie counting ½. Computed from mid-ranks in O(n log n): {@code (Σ
     * ranks of positives - n₊(n₊+1)/2) / (n₊·n₋)}. NaN when one class is absent.
     */
    public static double rocAuc(double[] scores, double[] outcomes) {
        Inputs.scoresAndOutcomes(scores, outcomes);
        int n = scores.length;
        Integer[] order = IntStream.range(0, n).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble(i -> scores[i]));
        double positiveRankSum = 0;
        int start = 0;
        while (start < n) {
            int end = start;
            while (end + 1 < n && scores[order[end + 1]] == scores[order[start]]) {
                end++;
            }
            // Ranks start+1 .. end+1 (1-based) are tied: each gets their mean.
            double midRank = (start + end + 2) / 2.0;
            for (int k = start; k <= end; k++) {
                positiveRankSum += outcomes[order[k]] * midRank;
            }
            start = end + 1;
        }
        long positives = countPositives(outcomes);
        long negatives = n - positives;
        if (positives == 0 || negatives == 0) {
            return Double.NaN;
        }
        return (positiveRankSum - positives * (positives + 1) / 2.0)
                / ((double) positives * negatives);
    }

    /** Outcomes equal to 1. */
    public static int countPositives(double[] outcomes) {
        int positives = 0;
        for (double outcome : outcomes) {
            if (outcome == 1) {
                positives++;
            }
        }
        return positives;
    }

    /**
     * Scores equal to an earlier score, R's {@code sum(duplicated(p))}: n minus distinct values.
     */
    public static int countTiedScores(double[] scores) {
        double[] sorted = scores.clone();
        Arrays.sort(sorted);
        int tied = 0;
        for (int i = 1; i < sorted.length; i++) {
            if (sorted[i] == sorted[i - 1]) {
                tied++;
            }
        }
        return tied;
    }
}
