package io.arbiter.training.validation;

import io.arbiter.operators.health.CalibrationMetrics;

/**
 * Out-of-sample scores of one fold's predictions, computed with the health classes the stream's
 * health checks use, so offline and online numbers mean the same.
 *
 * @param rows test rows
 * @param positiveShare share of test rows labelled 1 (the base rate a useless model predicts)
 * @param auc ROC-AUC (Mann–Whitney)
 * @param brier Brier score
 * @param ece expected calibration error over {@value #ECE_BINS} equal-width bins
 * @param accuracy share of rows where {@code p >= 0.5} matches the label
 */
public record FoldMetrics(
        int rows, double positiveShare, double auc, double brier, double ece, double accuracy) {

    /** Bins of the expected calibration error (DOMAIN.md §6: ECE over 10 bins). */
    public static final int ECE_BINS = 10;

    public static FoldMetrics of(double[] p, double[] y) {
        int correct = 0;
        for (int i = 0; i < p.length; i++) {
            if ((p[i] >= 0.5 ? 1 : 0) == y[i]) {
                correct++;
            }
        }
        return new FoldMetrics(
                p.length,
                (double) CalibrationMetrics.countPositives(y) / p.length,
                CalibrationMetrics.rocAuc(p, y),
                CalibrationMetrics.brier(p, y),
                CalibrationMetrics.expectedCalibrationError(p, y, ECE_BINS),
                (double) correct / p.length);
    }
}
