package io.arbiter.operators.health;

/**
 * Platt scaling: the calibration map {@code p = sigmoid(intercept + slope·s)} from a score s to a
 * probability, fitted by logistic regression of the outcome on the score; a plain value that a
 * model manifest can store.
 *
 * <p>Sign convention as R's {@code glm(y ~ s, binomial)}: Platt's paper writes {@code 1/(1 +
 * exp(A·s + B))}, so {@code A = -slope} and {@code B = -intercept}.
 */
public record PlattScaling(double intercept, double slope) {

    /** Maximum-likelihood fit on the 0/1 outcomes themselves, as {@code glm(y ~ s, binomial)}. */
    public static PlattScaling fit(double[] scores, double[] outcomes) {
        Inputs.scoresAndOutcomes(scores, outcomes);
        return of(LogisticRegression.fit(outcomes, scores));
    }

    /**
     * Platt's (1999) variant that fits smoothed targets instead of 0/1, to keep an overfit score
     * from driving the map to 0 or 1: a positive's target is {@code (N₊+1)/(N₊+2)}, a negative's
     * {@code 1/(N₋+2)}.
     */
    public static PlattScaling fitSmoothedTargets(double[] scores, double[] outcomes) {
        Inputs.scoresAndOutcomes(scores, outcomes);
        int positives = CalibrationMetrics.countPositives(outcomes);
        int negatives = outcomes.length - positives;
        double positiveTarget = (positives + 1.0) / (positives + 2.0);
        double negativeTarget = 1.0 / (negatives + 2.0);
        double[] targets = new double[outcomes.length];
        for (int i = 0; i < outcomes.length; i++) {
            targets[i] = outcomes[i] == 1 ? positiveTarget : negativeTarget;
        }
        return of(LogisticRegression.fit(targets, scores));
    }

    private static PlattScaling of(LogisticRegression regression) {
        double[] coefficients = regression.coefficients();
        return new PlattScaling(coefficients[0], coefficients[1]);
    }

    /** The calibrated probability {@code sigmoid(intercept + slope·score)}. */
    public double apply(double score) {
        return LogisticRegression.sigmoid(intercept + slope * score);
    }
}
