package io.arbiter.operators.health;

/** Argument checks shared by the metrics: one message per kind of bad input. */
final class Inputs {

    private Inputs() {}

    /** Probabilities in [0, 1] and outcomes 0 or 1, as many of each, at least one. */
    static void probabilitiesAndOutcomes(double[] probabilities, double[] outcomes) {
        scoresAndOutcomes(probabilities, outcomes);
        for (int i = 0; i < probabilities.length; i++) {
            if (!(probabilities[i] >= 0 && probabilities[i] <= 1)) {
                throw new IllegalArgumentException(
                        "probability "
                                + probabilities[i]
                                + " at index "
                                + i
                                + " is outside [0, 1]");
            }
        }
    }

    /** Finite scores and outcomes 0 or 1, as many of each, at least one. */
    static void scoresAndOutcomes(double[] scores, double[] outcomes) {
        if (scores.length != outcomes.length) {
            throw new IllegalArgumentException(
                    scores.length + " scores but " + outcomes.length + " outcomes");
        }
        if (scores.length == 0) {
            throw new IllegalArgumentException("no scores");
        }
        for (int i = 0; i < scores.length; i++) {
            if (!Double.isFinite(scores[i])) {
                throw new IllegalArgumentException("score " + scores[i] + " at index " + i);
            }
            if (outcomes[i] != 0 && outcomes[i] != 1) {
                throw new IllegalArgumentException(
                        "outcome " + outcomes[i] + " at index " + i + " is not 0 or 1");
            }
        }
    }

    /** At least one value, none NaN. */
    static void sample(String name, double[] values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("the " + name + " sample is empty");
        }
        for (double value : values) {
            if (Double.isNaN(value)) {
                throw new IllegalArgumentException("the " + name + " sample holds NaN");
            }
        }
    }
}
