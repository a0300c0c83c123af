package io.arbiter.operators.governance;

/**
 * A model (or a new version of one) joining a book.
 *
 * @param priorAlpha Beta prior α; NaN for the policy's default ({@code allocation.prior-alpha})
 * @param priorBeta Beta prior β; NaN for the policy's default; a proven model may bring its
 *     history, e.g. Beta(36, 17)
 */
public record Registration(String model, String version, double priorAlpha, double priorBeta) {

    /** A registration with the policy's default prior. */
    public static Registration withDefaultPrior(String model, String version) {
        return new Registration(model, version, Double.NaN, Double.NaN);
    }
}
