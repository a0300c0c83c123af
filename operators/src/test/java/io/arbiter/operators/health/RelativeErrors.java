package io.arbiter.operators.health;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Compares computed numbers with oracle numbers to a relative tolerance and remembers the worst
 * error, which the oracle tests print so that the achieved agreement is on record.
 */
final class RelativeErrors {

    private final String group;
    private final double tolerance;
    private double worst;
    private int compared;

    RelativeErrors(String group, double tolerance) {
        this.group = group;
        this.tolerance = tolerance;
    }

    /**
     * {@code |actual - expected| / |expected|} (the absolute error where expected is 0) must not
     * exceed the tolerance; NaN matches only NaN and infinities only themselves.
     */
    void check(String what, double actual, double expected) {
        compared++;
        if (Double.isNaN(expected)) {
            assertThat(actual).as(group + " " + what).isNaN();
            return;
        }
        if (Double.isInfinite(expected)) {
            assertThat(actual).as(group + " " + what).isEqualTo(expected);
            return;
        }
        double error =
                expected == 0 ? Math.abs(actual) : Math.abs(actual - expected) / Math.abs(expected);
        assertThat(error)
                .as("%s %s: %s vs oracle %s", group, what, actual, expected)
                .isLessThanOrEqualTo(tolerance);
        worst = Math.max(worst, error);
    }

    /** Prints and returns the worst relative error seen. */
    double report() {
        System.out.printf(
                "oracle agreement: %-40s %5d values, max relative error %.3g%n",
                group, compared, worst);
        return worst;
    }
}
