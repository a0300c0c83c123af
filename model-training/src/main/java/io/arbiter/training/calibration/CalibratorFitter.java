package io.arbiter.training.calibration;

import io.arbiter.models.manifest.ModelManifest;
import io.arbiter.operators.health.CalibrationMetrics;
import io.arbiter.operators.health.IsotonicRegression;
import io.arbiter.operators.health.LogisticRegression;
import io.arbiter.operators.health.PlattScaling;
import io.arbiter.schemas.Regime;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Fits one calibrator per volatility regime on out-of-sample predictions (the walk-forward test
 * folds'), as DOMAIN.md §5 asks: isotonic (PAV) and Platt are both fitted on every fold but the
 * held-back one (the last), and the one with the lower Brier score on the held-back fold is kept,
 * Platt on a tie (fewer parameters). The kept type is then refitted on all out-of-sample rows of
 * the regime, so the shipped map uses every row; {@code heldBackBrier} is the held-back score of
 * the selection fit.
 *
 * <p>A regime with too few rows for that ({@value #MIN_ROWS} on each side, both outcomes among the
 * fitting rows) gets Platt fitted on all its rows, or the identity when even that is impossible,
 * and its {@code heldBackBrier} is then in-sample; {@link Choice#note()} says so.
 */
public final class CalibratorFitter {

    /** Fewest rows on each side of the selection split. */
    public static final int MIN_ROWS = 50;

    /** The regimes that get calibrators (an unknown regime never passes the gate). */
    public static final List<Regime> REGIMES =
            List.of(Regime.LOW_VOL, Regime.MED_VOL, Regime.HIGH_VOL);

    /**
     * One out-of-sample prediction.
     *
     * @param fold the walk-forward fold that predicted it (1-based)
     */
    public record Prediction(double p, int label, Regime regime, int fold) {}

    /**
     * What was compared for one regime.
     *
     * @param rawBrier Brier of the uncalibrated p on the held-back rows
     */
    public record Choice(
            String regime,
            int fittingRows,
            int heldBackRows,
            double rawBrier,
            double isotonicBrier,
            double plattBrier,
            String chosen,
            String note) {}

    /** The calibrators by regime name, and the comparison behind each. */
    public record Result(Map<String, ModelManifest.Calibrator> calibrators, List<Choice> choices) {}

    private CalibratorFitter() {}

    /** Regime names as the manifest and the policy write them: low_vol, med_vol, high_vol. */
    public static String name(Regime regime) {
        return regime.name().toLowerCase(Locale.ROOT);
    }

    public static Result fit(List<Prediction> predictions, int heldBackFold) {
        Map<String, ModelManifest.Calibrator> calibrators = new LinkedHashMap<>();
        List<Choice> choices = new ArrayList<>();
        for (Regime regime : REGIMES) {
            List<Prediction> fitting = new ArrayList<>();
            List<Prediction> heldBack = new ArrayList<>();
            for (Prediction prediction : predictions) {
                if (prediction.regime() == regime) {
                    (prediction.fold() == heldBackFold ? heldBack : fitting).add(prediction);
                }
            }
            fitRegime(name(regime), fitting, heldBack, calibrators, choices);
        }
        return new Result(calibrators, choices);
    }

    private static void fitRegime(
            String regime,
            List<Prediction> fitting,
            List<Prediction> heldBack,
            Map<String, ModelManifest.Calibrator> calibrators,
            List<Choice> choices) {
        double[] pFit = p(fitting);
        double[] yFit = y(fitting);
        double[] pHeld = p(heldBack);
        double[] yHeld = y(heldBack);
        List<Prediction> all = new ArrayList<>(fitting);
        all.addAll(heldBack);
        int positives = CalibrationMetrics.countPositives(yFit);
        if (fitting.size() < MIN_ROWS
                || heldBack.size() < MIN_ROWS
                || positives == 0
                || positives == fitting.size()) {
            ModelManifest.Calibrator fallback = fallback(p(all), y(all));
            calibrators.put(regime, fallback);
            choices.add(
                    new Choice(
                            regime,
                            fitting.size(),
                            heldBack.size(),
                            Double.NaN,
                            Double.NaN,
                            Double.NaN,
                            fallback.type(),
                            "too few rows to select on a held-back fold; fitted on all "
                                    + all.size()
                                    + " rows, Brier in-sample"));
            return;
        }
        IsotonicRegression isotonic = IsotonicRegression.fit(pFit, yFit).calibrator();
        double isotonicBrier = brier(isotonic::apply, pHeld, yHeld);
        double plattBrier = Double.POSITIVE_INFINITY;
        try {
            PlattScaling platt = PlattScaling.fit(pFit, yFit);
            plattBrier = brier(platt::apply, pHeld, yHeld);
        } catch (LogisticRegression.FitFailedException e) {
            // separated or constant scores: Platt has no estimate, isotonic stays
        }
        boolean chooseIsotonic = isotonicBrier < plattBrier;
        double[] pAll = p(all);
        double[] yAll = y(all);
        ModelManifest.Calibrator calibrator =
                chooseIsotonic
                        ? isotonic(IsotonicRegression.fit(pAll, yAll).calibrator(), isotonicBrier)
                        : platt(PlattScaling.fit(pAll, yAll), plattBrier);
        calibrators.put(regime, calibrator);
        choices.add(
                new Choice(
                        regime,
                        fitting.size(),
                        heldBack.size(),
                        CalibrationMetrics.brier(pHeld, yHeld),
                        isotonicBrier,
                        plattBrier,
                        calibrator.type(),
                        "refitted on all " + all.size() + " out-of-sample rows"));
    }

    private static ModelManifest.Calibrator fallback(double[] p, double[] y) {
        if (p.length >= 2) {
            try {
                PlattScaling platt = PlattScaling.fit(p, y);
                return platt(platt, brier(platt::apply, p, y));
            } catch (LogisticRegression.FitFailedException | IllegalArgumentException e) {
                // one outcome only, or constant scores: identity below
            }
        }
        IsotonicRegression identity =
                new IsotonicRegression(new double[] {0, 1}, new double[] {0, 1});
        return isotonic(identity, p.length == 0 ? Double.NaN : CalibrationMetrics.brier(p, y));
    }

    private static ModelManifest.Calibrator platt(PlattScaling platt, double heldBackBrier) {
        return new ModelManifest.Calibrator(
                "platt", platt.intercept(), platt.slope(), null, null, heldBackBrier);
    }

    private static ModelManifest.Calibrator isotonic(IsotonicRegression map, double heldBackBrier) {
        return new ModelManifest.Calibrator(
                "isotonic",
                null,
                null,
                Arrays.stream(map.knotScores()).boxed().toList(),
                Arrays.stream(map.knotValues()).boxed().toList(),
                heldBackBrier);
    }

    private static double brier(
            java.util.function.DoubleUnaryOperator calibrator, double[] p, double[] y) {
        double[] calibrated = new double[p.length];
        for (int i = 0; i < p.length; i++) {
            calibrated[i] = calibrator.applyAsDouble(p[i]);
        }
        return CalibrationMetrics.brier(calibrated, y);
    }

    private static double[] p(List<Prediction> predictions) {
        return predictions.stream().mapToDouble(Prediction::p).toArray();
    }

    private static double[] y(List<Prediction> predictions) {
        return predictions.stream().mapToDouble(Prediction::label).toArray();
    }
}
