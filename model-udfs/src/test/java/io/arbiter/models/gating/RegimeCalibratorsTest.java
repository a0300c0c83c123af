package io.arbiter.models.gating;

import io.arbiter.models.manifest.ModelManifest.Calibrator;
import io.arbiter.operators.health.IsotonicRegression;
import io.arbiter.operators.health.PlattScaling;
import io.arbiter.schemas.Regime;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RegimeCalibratorsTest {

    private static final Calibrator PLATT = new Calibrator("platt", -0.4, 1.8, null, null, 0.21);
    private static final Calibrator ISOTONIC =
            new Calibrator(
                    "isotonic",
                    null,
                    null,
                    List.of(0.2, 0.4, 0.5, 0.8),
                    List.of(0.1, 0.3, 0.3, 0.9),
                    0.20);

    private final RegimeCalibrators calibrators =
            RegimeCalibrators.of(Map.of("low_vol", PLATT, "high_vol", ISOTONIC));

    @Test
    void plattIsTheSigmoidOfInterceptPlusSlopeTimesP() {
        PlattScaling platt = new PlattScaling(-0.4, 1.8);
        for (double p : new double[] {0, 0.25, 0.6, 1}) {
            assertThat(calibrators.calibrate(Regime.LOW_VOL, p)).isEqualTo(platt.apply(p));
        }
        assertThat(calibrators.calibrate(Regime.LOW_VOL, 0.5))
                .isEqualTo(1 / (1 + Math.exp(-(-0.4 + 1.8 * 0.5))));
    }

    @Test
    void isotonicReadsItsKnotsAsTheFittingClassDoes() {
        IsotonicRegression isotonic =
                new IsotonicRegression(
                        new double[] {0.2, 0.4, 0.5, 0.8}, new double[] {0.1, 0.3, 0.3, 0.9});

        assertThat(calibrators.calibrate(Regime.HIGH_VOL, 0.1)).isEqualTo(0.1); // clipped below
        assertThat(calibrators.calibrate(Regime.HIGH_VOL, 0.3)).isEqualTo(0.2, within()); // linear
        assertThat(calibrators.calibrate(Regime.HIGH_VOL, 0.45)).isEqualTo(0.3); // inside a block
        assertThat(calibrators.calibrate(Regime.HIGH_VOL, 0.95)).isEqualTo(0.9); // clipped above
        for (double p = 0; p <= 1; p += 0.05) {
            assertThat(calibrators.calibrate(Regime.HIGH_VOL, p)).isEqualTo(isotonic.apply(p));
        }
    }

    @Test
    void aRegimeWithoutCalibratorGivesNaN() {
        assertThat(calibrators.calibrate(Regime.MED_VOL, 0.7)).isNaN();
        assertThat(calibrators.calibrate(Regime.UNKNOWN, 0.7)).isNaN();
        assertThat(calibrators.has(Regime.MED_VOL)).isFalse();
        assertThat(calibrators.regimes()).containsExactly(Regime.LOW_VOL, Regime.HIGH_VOL);
        assertThat(RegimeCalibrators.of(null).calibrate(Regime.LOW_VOL, 0.7)).isNaN();
    }

    @Test
    void refusesUnknownRegimesAndUnusableCalibrators() {
        assertThatThrownBy(() -> RegimeCalibrators.of(Map.of("extreme_vol", PLATT)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("calibrators.extreme_vol: not a regime");
        assertThatThrownBy(
                        () ->
                                RegimeCalibrators.of(
                                        Map.of(
                                                "low_vol",
                                                new Calibrator("beta", 0.0, 1.0, null, null, 0))))
                .hasMessageContaining("type 'beta' is not platt or isotonic");
        assertThatThrownBy(
                        () ->
                                RegimeCalibrators.of(
                                        Map.of(
                                                "low_vol",
                                                new Calibrator(
                                                        "isotonic",
                                                        null,
                                                        null,
                                                        List.of(0.5, 0.4),
                                                        List.of(0.1, 0.2),
                                                        0))))
                .hasMessageContaining("calibrators.low_vol");
    }

    private static org.assertj.core.data.Offset<Double> within() {
        return org.assertj.core.data.Offset.offset(1e-12);
    }
}
