package io.arbiter.training.calibration;

import io.arbiter.models.manifest.ModelManifest;
import io.arbiter.operators.health.CalibrationMetrics;
import io.arbiter.operators.health.IsotonicRegression;
import io.arbiter.operators.health.PlattScaling;
import io.arbiter.schemas.Regime;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

class CalibratorFitterTest {

    private static final int HELD_BACK_FOLD = 4;

    /** Raw p = q² for a true probability q: monotone, badly calibrated. */
    private static List<CalibratorFitter.Prediction> miscalibrated(
            Regime regime, int perFold, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<CalibratorFitter.Prediction> predictions = new ArrayList<>();
        for (int fold = 1; fold <= HELD_BACK_FOLD; fold++) {
            for (int i = 0; i < perFold; i++) {
                double q = 0.1 + 0.8 * random.nextDouble();
                int y = random.nextDouble() < q ? 1 : 0;
                predictions.add(new CalibratorFitter.Prediction(q * q, y, regime, fold));
            }
        }
        return predictions;
    }

    @Test
    void keepsTheCalibratorWithTheLowerHeldBackBrierPerRegime() {
        List<CalibratorFitter.Prediction> predictions = new ArrayList<>();
        predictions.addAll(miscalibrated(Regime.LOW_VOL, 500, 1));
        predictions.addAll(miscalibrated(Regime.MED_VOL, 500, 2));
        predictions.addAll(miscalibrated(Regime.HIGH_VOL, 500, 3));

        CalibratorFitter.Result result = CalibratorFitter.fit(predictions, HELD_BACK_FOLD);

        assertThat(result.calibrators()).containsOnlyKeys("low_vol", "med_vol", "high_vol");
        for (CalibratorFitter.Choice choice : result.choices()) {
            assertThat(choice.fittingRows()).isEqualTo(1500);
            assertThat(choice.heldBackRows()).isEqualTo(500);
            ModelManifest.Calibrator kept = result.calibrators().get(choice.regime());
            double best = Math.min(choice.isotonicBrier(), choice.plattBrier());
            assertThat(kept.heldBackBrier()).isEqualTo(best);
            assertThat(kept.type())
                    .isEqualTo(choice.isotonicBrier() < choice.plattBrier() ? "isotonic" : "platt");
            assertThat(best).isLessThan(choice.rawBrier());
        }
    }

    @Test
    void theKeptCalibratorIsRefittedOnEveryOutOfSampleRowOfItsRegime() {
        List<CalibratorFitter.Prediction> predictions = miscalibrated(Regime.MED_VOL, 400, 7);
        ModelManifest.Calibrator kept =
                CalibratorFitter.fit(predictions, HELD_BACK_FOLD).calibrators().get("med_vol");
        double[] p = predictions.stream().mapToDouble(CalibratorFitter.Prediction::p).toArray();
        double[] y = predictions.stream().mapToDouble(CalibratorFitter.Prediction::label).toArray();
        if (kept.type().equals("platt")) {
            PlattScaling all = PlattScaling.fit(p, y);
            assertThat(kept.intercept()).isEqualTo(all.intercept());
            assertThat(kept.slope()).isEqualTo(all.slope());
        } else {
            IsotonicRegression all = IsotonicRegression.fit(p, y).calibrator();
            assertThat(kept.knotsX()).hasSize(all.knotScores().length);
        }
        assertThat(CalibrationMetrics.brier(p, y)).isGreaterThan(kept.heldBackBrier() - 0.05);
    }

    @Test
    void aRegimeWithTooFewRowsIsFittedOnAllAndSaysSo() {
        List<CalibratorFitter.Prediction> predictions = miscalibrated(Regime.HIGH_VOL, 20, 5);

        CalibratorFitter.Result result = CalibratorFitter.fit(predictions, HELD_BACK_FOLD);

        assertThat(result.calibrators().get("high_vol").type()).isEqualTo("platt");
        assertThat(result.choices().get(2).note()).contains("too few rows");
        // No rows at all: the identity, so the regime still has a calibrator.
        ModelManifest.Calibrator none = result.calibrators().get("low_vol");
        assertThat(none.type()).isEqualTo("isotonic");
        assertThat(none.knotsX()).containsExactly(0.0, 1.0);
        assertThat(none.knotsY()).containsExactly(0.0, 1.0);
    }
}
