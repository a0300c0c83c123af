package io.arbiter.operators.health;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static io.arbiter.operators.health.CalibrationOracle.SET_A;
import static io.arbiter.operators.health.CalibrationOracle.SET_C;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The fit against R's {@code isoreg} per row, and the calibration map it yields. */
class IsotonicRegressionTest {

    @ParameterizedTest
    @ValueSource(strings = {SET_A, SET_C})
    void fittedValuesMatchIsoregRowByRow(String set) {
        String pairs = CalibrationOracle.pairsFile(set);
        double[] p = CalibrationOracle.column(pairs, "p");
        double[] y = CalibrationOracle.column(pairs, "y");
        double[] expected = CalibrationOracle.column(pairs, "isotonic_fitted");

        IsotonicRegression.Fit fit = IsotonicRegression.fit(p, y);

        RelativeErrors errors = new RelativeErrors(set + " isotonic_fitted", 1e-9);
        double[] fitted = fit.fittedValues();
        for (int i = 0; i < p.length; i++) {
            errors.check("row " + (i + 1), fitted[i], expected[i]);
        }
        errors.report();
    }

    @ParameterizedTest
    @ValueSource(strings = {SET_A, SET_C})
    void theMapReproducesTheFittedValuesOnTheTrainingScores(String set) {
        String pairs = CalibrationOracle.pairsFile(set);
        double[] p = CalibrationOracle.column(pairs, "p");
        IsotonicRegression.Fit fit =
                IsotonicRegression.fit(p, CalibrationOracle.column(pairs, "y"));
        double[] fitted = fit.fittedValues();
        for (int i = 0; i < p.length; i++) {
            assertThat(fit.calibrator().apply(p[i])).as("row %d", i + 1).isEqualTo(fitted[i]);
        }
    }

    @Test
    void tiedScoresShareOneFittedValueWhateverTheirOrder() {
        // R orders ties by decreasing y (order(x, -y)), so the tie at 0.4 is pooled in any order.
        double[] p = {0.1, 0.4, 0.4, 0.4, 0.9};
        double[] fitted = IsotonicRegression.fit(p, new double[] {0, 0, 1, 1, 1}).fittedValues();
        assertThat(fitted).containsExactly(0, 2.0 / 3, 2.0 / 3, 2.0 / 3, 1);
        double[] reordered = IsotonicRegression.fit(p, new double[] {0, 1, 1, 0, 1}).fittedValues();
        assertThat(reordered).containsExactly(0, 2.0 / 3, 2.0 / 3, 2.0 / 3, 1);
    }

    @Test
    void betweenBlocksTheMapInterpolatesAndOutsideItClips() {
        // Blocks: {0.2, 0.3} -> 0, {0.5} -> 0.5 (pooled 1, 0), {0.8} -> 1.
        IsotonicRegression.Fit fit =
                IsotonicRegression.fit(
                        new double[] {0.2, 0.3, 0.5, 0.5, 0.8}, new double[] {0, 0, 1, 0, 1});
        IsotonicRegression map = fit.calibrator();

        assertThat(fit.levels()).isEqualTo(3);
        assertThat(map.knotScores()).containsExactly(0.2, 0.3, 0.5, 0.8);
        assertThat(map.knotValues()).containsExactly(0, 0, 0.5, 1);
        assertThat(map.apply(0.25)).isZero();
        assertThat(map.apply(0.4)).isCloseTo(0.25, org.assertj.core.data.Offset.offset(1e-15));
        assertThat(map.apply(0.65)).isCloseTo(0.75, org.assertj.core.data.Offset.offset(1e-15));
        assertThat(map.apply(0.0)).isZero();
        assertThat(map.apply(1.0)).isEqualTo(1);
        assertThat(map.apply(Double.NaN)).isNaN();
    }

    @Test
    void isAPlainValueWithItsKnotsPublic() {
        IsotonicRegression map =
                new IsotonicRegression(new double[] {0, 1}, new double[] {0.2, 0.7});
        assertThat(map)
                .isEqualTo(new IsotonicRegression(new double[] {0, 1}, new double[] {0.2, 0.7}));
        assertThat(map.apply(0.5)).isCloseTo(0.45, org.assertj.core.data.Offset.offset(1e-15));
        assertThatThrownBy(
                        () -> new IsotonicRegression(new double[] {0, 1}, new double[] {0.7, 0.2}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new IsotonicRegression(new double[] {1, 1}, new double[] {0, 1}))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
