package io.arbiter.operators.health;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Every calibration figure of one set of (probability, outcome) pairs, under the metric names of
 * the oracle's {@code calibration_metrics.csv} (without the set prefix), so the CLI, a report file
 * and the oracle test all use one list of names.
 *
 * <p>Platt fits that do not exist (perfectly separated classes; on the logit, any p of exactly 0 or
 * 1) are null.
 *
 * @param bins the number of reliability bins behind ECE and MCE
 * @param isotonicSumOfSquares Σ (isotonic fitted - y)² over the pairs
 * @param plattOnProbability Platt fitted on s = p
 * @param plattOnLogit Platt fitted on s = ln(p / (1-p))
 */
public record CalibrationReport(
        int n,
        int positives,
        int tiedProbabilities,
        int bins,
        double brier,
        double expectedCalibrationError,
        double maximumCalibrationError,
        double logLoss,
        double rocAuc,
        double isotonicSumOfSquares,
        int isotonicLevels,
        PlattScaling plattOnProbability,
        PlattScaling plattOnProbabilitySmoothed,
        PlattScaling plattOnLogit,
        PlattScaling plattOnLogitSmoothed) {

    /** ECE and MCE over ten bins, the oracle's. */
    public static final int DEFAULT_BINS = 10;

    /** All figures of {@code probabilities} (in [0, 1]) against {@code outcomes} (0 or 1). */
    public static CalibrationReport of(double[] probabilities, double[] outcomes, int bins) {
        Inputs.probabilitiesAndOutcomes(probabilities, outcomes);
        ReliabilityBins reliability = ReliabilityBins.of(probabilities, outcomes, bins);
        IsotonicRegression.Fit isotonic = IsotonicRegression.fit(probabilities, outcomes);
        double[] logits = logits(probabilities);
        return new CalibrationReport(
                probabilities.length,
                CalibrationMetrics.countPositives(outcomes),
                CalibrationMetrics.countTiedScores(probabilities),
                bins,
                CalibrationMetrics.brier(probabilities, outcomes),
                reliability.expectedCalibrationError(),
                reliability.maximumCalibrationError(),
                CalibrationMetrics.logLoss(probabilities, outcomes),
                CalibrationMetrics.rocAuc(probabilities, outcomes),
                isotonic.sumOfSquaredErrors(outcomes),
                isotonic.levels(),
                plattOrNull(probabilities, outcomes, false),
                plattOrNull(probabilities, outcomes, true),
                logits == null ? null : plattOrNull(logits, outcomes, false),
                logits == null ? null : plattOrNull(logits, outcomes, true));
    }

    /** Brier score of the isotonic fitted values. */
    public double isotonicBrier() {
        return isotonicSumOfSquares / n;
    }

    /**
     * The figures by oracle metric name, in the oracle's order: {@code n, n_pos, n_ties_in_p,
     * brier, ece10, mce10, logloss, auc, isotonic_sse, isotonic_n_levels, isotonic_brier,
     * platt_on_p.intercept, …}; {@code ece}/{@code mce} carry the bin count. Counts are Integers,
     * the rest Doubles; an absent Platt fit or an undefined AUC maps to null.
     */
    public Map<String, Number> byMetricName() {
        Map<String, Number> metrics = new LinkedHashMap<>();
        metrics.put("n", n);
        metrics.put("n_pos", positives);
        metrics.put("n_ties_in_p", tiedProbabilities);
        metrics.put("brier", brier);
        metrics.put("ece" + bins, expectedCalibrationError);
        metrics.put("mce" + bins, maximumCalibrationError);
        metrics.put("logloss", logLoss);
        metrics.put("auc", Double.isNaN(rocAuc) ? null : rocAuc);
        metrics.put("isotonic_sse", isotonicSumOfSquares);
        metrics.put("isotonic_n_levels", isotonicLevels);
        metrics.put("isotonic_brier", isotonicBrier());
        putPlatt(metrics, "platt_on_p", plattOnProbability, plattOnProbabilitySmoothed);
        putPlatt(metrics, "platt_on_logit", plattOnLogit, plattOnLogitSmoothed);
        return metrics;
    }

    private static void putPlatt(
            Map<String, Number> metrics, String prefix, PlattScaling plain, PlattScaling smoothed) {
        metrics.put(prefix + ".intercept", plain == null ? null : plain.intercept());
        metrics.put(prefix + ".slope", plain == null ? null : plain.slope());
        metrics.put(
                prefix + ".smoothed_targets_intercept",
                smoothed == null ? null : smoothed.intercept());
        metrics.put(prefix + ".smoothed_targets_slope", smoothed == null ? null : smoothed.slope());
    }

    private static PlattScaling plattOrNull(
            double[] scores, double[] outcomes, boolean smoothedTargets) {
        try {
            return smoothedTargets
                    ? PlattScaling.fitSmoothedTargets(scores, outcomes)
                    : PlattScaling.fit(scores, outcomes);
        } catch (LogisticRegression.FitFailedException e) {
            return null;
        }
    }

    /** {@code ln(p / (1-p))}, R's {@code qlogis}; null when some p is 0 or 1. */
    private static double[] logits(double[] probabilities) {
        double[] logits = new double[probabilities.length];
        for (int i = 0; i < probabilities.length; i++) {
            double p = probabilities[i];
            if (p <= 0 || p >= 1) {
                return null;
            }
            logits[i] = Math.log(p / (1 - p));
        }
        return logits;
    }
}
