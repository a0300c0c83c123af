package io.arbiter.operators.health;

import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static io.arbiter.operators.health.CalibrationOracle.SET_A;
import static io.arbiter.operators.health.CalibrationOracle.SET_C;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Platt scaling on p against the oracle's calibrated probabilities, and its edge cases. */
class PlattScalingTest {

    @ParameterizedTest
    @ValueSource(strings = {SET_A, SET_C})
    void calibratedProbabilitiesMatchGlmRowByRow(String set) {
        String pairs = CalibrationOracle.pairsFile(set);
        double[] p = CalibrationOracle.column(pairs, "p");
        double[] expected = CalibrationOracle.column(pairs, "platt_on_p_calibrated");

        PlattScaling platt = PlattScaling.fit(p, CalibrationOracle.column(pairs, "y"));

        RelativeErrors errors = new RelativeErrors(set + " platt_on_p_calibrated", 1e-6);
        for (int i = 0; i < p.length; i++) {
            errors.check("row " + (i + 1), platt.apply(p[i]), expected[i]);
        }
        errors.report();
    }

    @Test
    void slopeAndInterceptFollowGlmsSignConvention() {
        PlattScaling platt = new PlattScaling(-1.0, 2.0);
        assertThat(platt.apply(0.5)).isEqualTo(0.5);
        assertThat(platt.apply(3.0)).isCloseTo(1 / (1 + Math.exp(-5.0)), Offset.offset(1e-15));
    }

    @Test
    void smoothedTargetsPullTheMapAwayFromZeroAndOne() {
        double[] p = {0.1, 0.2, 0.3, 0.6, 0.4, 0.7, 0.8, 0.9};
        double[] y = {0, 0, 1, 0, 0, 1, 1, 1};
        PlattScaling plain = PlattScaling.fit(p, y);
        PlattScaling smoothed = PlattScaling.fitSmoothedTargets(p, y);
        assertThat(smoothed.apply(0.0)).isGreaterThan(plain.apply(0.0));
        assertThat(smoothed.apply(1.0)).isLessThan(plain.apply(1.0));
    }

    @Test
    void perfectlySeparatedClassesHaveNoFit() {
        double[] p = {0.1, 0.2, 0.3, 0.7, 0.8, 0.9};
        double[] y = {0, 0, 0, 1, 1, 1};
        assertThatThrownBy(() -> PlattScaling.fit(p, y))
                .isInstanceOf(LogisticRegression.FitFailedException.class);
        // Smoothed targets are never 0 or 1, so the fit exists.
        assertThat(PlattScaling.fitSmoothedTargets(p, y).slope()).isPositive();
    }

    @Test
    void rejectsOutcomesOtherThanZeroAndOne() {
        assertThatThrownBy(() -> PlattScaling.fit(new double[] {0.1, 0.2}, new double[] {0, 2}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("index 1");
    }
}
