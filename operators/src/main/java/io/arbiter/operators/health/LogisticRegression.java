package io.arbiter.operators.health;

import java.util.Arrays;

/**
 * A logistic regression {@code P(y=1) = sigmoid(b0 + b1·x1 + … + bk·xk)} fitted by maximum
 * likelihood with Newton's method (IRLS), the model R's {@code glm(y ~ x1 + … + xk, family =
 * binomial)} fits.
 *
 * <p>R stops when the deviance changes by less than 1e-8 relative; this fit goes on until a Newton
 * step moves no coefficient by more than {@value #STEP_TOLERANCE} relative (Newton converges
 * quadratically, so that costs one or two more steps), so it agrees with R to about R's tolerance.
 * Targets may be fractions in [0, 1] (Platt's smoothed targets); the likelihood is the same
 * Bernoulli form.
 *
 * @param coefficients the intercept first, then one per predictor
 * @param iterations Newton steps taken
 */
public record LogisticRegression(double[] coefficients, int iterations) {

    /** A Newton step smaller than this (relative to {@code 1 + |b|}) ends the fit. */
    public static final double STEP_TOLERANCE = 1e-12;

    /** Steps before giving up: complete separation makes the coefficients grow forever. */
    public static final int MAX_ITERATIONS = 100;

    /** No maximum-likelihood estimate: the classes are separated or a predictor is constant. */
    public static final class FitFailedException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        FitFailedException(String message) {
            super(message);
        }
    }

    public LogisticRegression {
        coefficients = coefficients.clone();
    }

    @Override
    public double[] coefficients() {
        return coefficients.clone();
    }

    /**
     * Fits {@code targets} (each in [0, 1]) on the {@code predictors} columns (each as long as
     * {@code targets}) with an intercept.
     *
     * @throws FitFailedException when Newton's method does not converge
     */
    public static LogisticRegression fit(double[] targets, double[]... predictors) {
        int n = targets.length;
        int k = predictors.length + 1;
        double[][] design = new double[k][];
        design[0] = new double[n];
        Arrays.fill(design[0], 1.0);
        for (int j = 1; j < k; j++) {
            if (predictors[j - 1].length != n) {
                throw new IllegalArgumentException(
                        "predictor " + j + " has " + predictors[j - 1].length + " rows, not " + n);
            }
            design[j] = predictors[j - 1];
        }
        if (n == 0) {
            throw new IllegalArgumentException("no rows");
        }
        for (int i = 0; i < n; i++) {
            if (!(targets[i] >= 0 && targets[i] <= 1)) {
                throw new IllegalArgumentException(
                        "target " + targets[i] + " at row " + i + " is outside [0, 1]");
            }
            for (int j = 1; j < k; j++) {
                if (!Double.isFinite(design[j][i])) {
                    throw new IllegalArgumentException(
                            "predictor " + j + " is " + design[j][i] + " at row " + i);
                }
            }
        }

        double[] beta = new double[k];
        double deviance = deviance(design, targets, beta);
        for (int iteration = 1; iteration <= MAX_ITERATIONS; iteration++) {
            double[] step = newtonStep(design, targets, beta);
            double[] next = add(beta, step, 1.0);
            double nextDeviance = deviance(design, targets, next);
            // Step halving, as glm.fit does when the deviance diverges; the slack keeps rounding
            // noise near the optimum from triggering it.
            double scale = 1.0;
            while (!(nextDeviance <= deviance + 1e-10 * (1 + deviance)) && scale > 1e-10) {
                scale /= 2;
                next = add(beta, step, scale);
                nextDeviance = deviance(design, targets, next);
            }
            if (!(nextDeviance <= deviance + 1e-10 * (1 + deviance))) {
                throw new FitFailedException(
                        "logistic regression: no Newton step lowers the deviance");
            }
            boolean converged = true;
            for (int j = 0; j < k; j++) {
                if (Math.abs(next[j] - beta[j]) > STEP_TOLERANCE * (1 + Math.abs(next[j]))) {
                    converged = false;
                }
            }
            beta = next;
            deviance = nextDeviance;
            if (converged) {
                return new LogisticRegression(beta, iteration);
            }
        }
        throw new FitFailedException(
                "logistic regression did not converge in "
                        + MAX_ITERATIONS
                        + " Newton steps (are the classes perfectly separated?)");
    }

    /** {@code sigmoid(b0 + Σ bj·xj)} for one row of predictor values. */
    public double predict(double... predictorValues) {
        if (predictorValues.length != coefficients.length - 1) {
            throw new IllegalArgumentException(
                    "expected " + (coefficients.length - 1) + " predictor values");
        }
        double eta = coefficients[0];
        for (int j = 1; j < coefficients.length; j++) {
            eta += coefficients[j] * predictorValues[j - 1];
        }
        return sigmoid(eta);
    }

    /** {@code 1 / (1 + e^-eta)}, computed without overflow for large |eta|. */
    public static double sigmoid(double eta) {
        if (eta >= 0) {
            return 1 / (1 + Math.exp(-eta));
        }
        double e = Math.exp(eta);
        return e / (1 + e);
    }

    /** Solves {@code (XᵀWX)·step = Xᵀ(t - mu)} with w = mu(1-mu), by Cholesky. */
    private static double[] newtonStep(double[][] design, double[] targets, double[] beta) {
        int k = design.length;
        int n = targets.length;
        double[][] information = new double[k][k];
        double[] score = new double[k];
        for (int i = 0; i < n; i++) {
            double mu = sigmoid(linearPredictor(design, beta, i));
            double weight = mu * (1 - mu);
            double residual = targets[i] - mu;
            for (int a = 0; a < k; a++) {
                double xa = design[a][i];
                score[a] += xa * residual;
                for (int b = 0; b <= a; b++) {
                    information[a][b] += weight * xa * design[b][i];
                }
            }
        }
        return solveSymmetricPositiveDefinite(information, score);
    }

    /** Solves {@code A·x = b} for symmetric positive definite A given by its lower triangle. */
    private static double[] solveSymmetricPositiveDefinite(double[][] a, double[] b) {
        int k = b.length;
        double[][] lower = new double[k][k];
        for (int i = 0; i < k; i++) {
            for (int j = 0; j <= i; j++) {
                double sum = a[i][j];
                for (int m = 0; m < j; m++) {
                    sum -= lower[i][m] * lower[j][m];
                }
                if (i == j) {
                    if (!(sum > 1e-14 * Math.abs(a[i][i]))) {
                        throw new FitFailedException(
                                "logistic regression: the information matrix is singular (a"
                                        + " constant predictor, or fitted probabilities of 0"
                                        + " or 1)");
                    }
                    lower[i][i] = Math.sqrt(sum);
                } else {
                    lower[i][j] = sum / lower[j][j];
                }
            }
        }
        double[] y = new double[k];
        for (int i = 0; i < k; i++) {
            double sum = b[i];
            for (int m = 0; m < i; m++) {
                sum -= lower[i][m] * y[m];
            }
            y[i] = sum / lower[i][i];
        }
        double[] x = new double[k];
        for (int i = k - 1; i >= 0; i--) {
            double sum = y[i];
            for (int m = i + 1; m < k; m++) {
                sum -= lower[m][i] * x[m];
            }
            x[i] = sum / lower[i][i];
        }
        return x;
    }

    /** Binomial deviance {@code 2·Σ [t·ln(1+e^-eta) + (1-t)·ln(1+e^eta)]} (up to a constant). */
    private static double deviance(double[][] design, double[] targets, double[] beta) {
        double sum = 0;
        for (int i = 0; i < targets.length; i++) {
            double eta = linearPredictor(design, beta, i);
            sum += targets[i] * log1pExp(-eta) + (1 - targets[i]) * log1pExp(eta);
        }
        return 2 * sum;
    }

    private static double log1pExp(double x) {
        return x > 0 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x));
    }

    private static double linearPredictor(double[][] design, double[] beta, int row) {
        double eta = 0;
        for (int j = 0; j < beta.length; j++) {
            eta += beta[j] * design[j][row];
        }
        return eta;
    }

    private static double[] add(double[] base, double[] step, double scale) {
        double[] sum = new double[base.length];
        for (int j = 0; j < base.length; j++) {
            sum[j] = base[j] + scale * step[j];
        }
        return sum;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof LogisticRegression that
                && iterations == that.iterations
                && Arrays.equals(coefficients, that.coefficients);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(coefficients) + iterations;
    }

    @Override
    public String toString() {
        return "LogisticRegression[coefficients="
                + Arrays.toString(coefficients)
                + ", iterations="
                + iterations
                + "]";
    }
}
