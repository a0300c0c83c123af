package io.arbiter.training.output;

import io.arbiter.models.manifest.ModelManifest;
import io.arbiter.training.TrainingRun;
import io.arbiter.training.calibration.CalibratorFitter;
import io.arbiter.training.validation.FoldMetrics;
import io.arbiter.training.validation.WalkForward;

import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * {@code walk-forward.md}: the model's out-of-sample record for people, with every fold as it came
 * out (no fold is dropped or re-run), a constant-forecast baseline beside each Brier score, the
 * calibrator comparison and the ONNX check.
 */
public final class WalkForwardReport {

    private WalkForwardReport() {}

    public static String render(
            TrainingRun.Settings settings, TrainingRun.Result result, ModelManifest manifest) {
        StringBuilder md = new StringBuilder();
        WalkForward wf = result.walkForward();
        md.append(
                f(
                        "# %s %s (%s): walk-forward validation%n%n",
                        manifest.id(), manifest.version(), manifest.kind()));
        md.append(
                f(
                        "Trained on %d labelled rows of %d symbols, %s to %s; %.1f%% of rows are"
                                + " labelled 1.%n%n",
                        manifest.training().rows(),
                        manifest.training().symbols().size(),
                        manifest.training().from(),
                        manifest.training().to(),
                        100 * result.data().positiveShare()));
        md.append("**Label.** ").append(manifest.label().definition()).append(".\n\n");
        md.append(
                f(
                        "**Inputs.** %s, feature set `%s`, shape %s.%n%n",
                        String.join(", ", manifest.features()),
                        manifest.featureSet(),
                        manifest.inputShape()));
        md.append(
                f(
                        "**Folds.** %s training window, first %d bar times, then test windows of"
                                + " %d bar times (the last takes the remainder). Training rows end"
                                + " before the test window, and rows whose %d-bar label horizon"
                                + " reaches into it are purged.%n%n",
                        wf.mode().name().toLowerCase(Locale.ROOT),
                        wf.initialTrainTimes(),
                        wf.testTimes(),
                        settings.policy().labels().horizonBars()));

        md.append(
                "| fold | train from | train to | train rows | test from | test to | test rows |"
                        + " share 1 | ROC-AUC | Brier | Brier (constant) | ECE(10) | accuracy |\n");
        md.append("|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (TrainingRun.FoldResult fold : result.folds()) {
            FoldMetrics m = fold.metrics();
            md.append(
                    f(
                            "| %d | %s | %s | %d | %s | %s | %d | %.3f | %.4f | %.4f | %.4f | %.4f"
                                    + " | %.4f |%n",
                            fold.fold().number(),
                            day(fold.fold().trainFrom()),
                            day(fold.trainTo()),
                            fold.trainRows(),
                            day(fold.fold().testFrom()),
                            day(fold.fold().testTo()),
                            m.rows(),
                            m.positiveShare(),
                            m.auc(),
                            m.brier(),
                            fold.baselineBrier(),
                            m.ece(),
                            m.accuracy()));
        }
        List<TrainingRun.FoldResult> folds = result.folds();
        md.append(
                f(
                        "| mean [min, max] | | | | | | | | %s | %s | %s | %s | %s |%n",
                        summary(folds, r -> r.metrics().auc()),
                        summary(folds, r -> r.metrics().brier()),
                        summary(folds, TrainingRun.FoldResult::baselineBrier),
                        summary(folds, r -> r.metrics().ece()),
                        summary(folds, r -> r.metrics().accuracy())));
        FoldMetrics pooled = result.pooled();
        md.append(
                f(
                        "%nAll %d out-of-sample predictions pooled: ROC-AUC %.4f, Brier %.4f, ECE"
                                + " %.4f, accuracy %.4f (share labelled 1: %.3f).%n%n",
                        pooled.rows(),
                        pooled.auc(),
                        pooled.brier(),
                        pooled.ece(),
                        pooled.accuracy(),
                        pooled.positiveShare()));
        md.append(
                "Read honestly: the desk's aim is out-of-sample ROC-AUC > 0.70 and accuracy > 55–58%"
                        + " (DOMAIN.md §8). Accuracy at p ≥ 0.5 is close to the share of 0"
                        + " labels whenever the model rarely predicts above 0.5, so ROC-AUC and"
                        + " Brier against the constant forecast are the informative columns.\n\n");

        md.append("## Calibration per regime\n\n");
        md.append(
                "Fitted on the out-of-sample predictions of folds 1.."
                        + (folds.size() - 1)
                        + ", compared on the held-back fold "
                        + folds.size()
                        + "; the kept type is refitted on all out-of-sample rows of its regime.\n\n");
        md.append(
                "| regime | fitting rows | held-back rows | Brier raw | Brier isotonic | Brier Platt"
                        + " | kept | note |\n");
        md.append("|---|---|---|---|---|---|---|---|\n");
        for (CalibratorFitter.Choice choice : result.calibration().choices()) {
            md.append(
                    f(
                            "| %s | %d | %d | %.4f | %.4f | %.4f | %s | %s |%n",
                            choice.regime(),
                            choice.fittingRows(),
                            choice.heldBackRows(),
                            choice.rawBrier(),
                            choice.isotonicBrier(),
                            choice.plattBrier(),
                            choice.chosen(),
                            choice.note()));
        }

        md.append("\n## Shipped model\n\n");
        md.append(result.finalModel().describe()).append(".\n\n");
        md.append(
                f(
                        "Trained on all %d rows. `%s`: %d bytes, sha256 `%s`. ONNX Runtime was"
                                + " checked against the model's own predictions on all %d rows:"
                                + " max |difference| %.3g (limit %.0e).%n",
                        manifest.training().rows(),
                        manifest.onnxFile(),
                        result.onnx().bytes().length,
                        manifest.onnxSha256(),
                        result.onnx().rowsChecked(),
                        result.onnx().maxAbsDifference(),
                        io.arbiter.training.model.VerifiedOnnx.TOLERANCE));
        return md.toString();
    }

    private static String summary(
            List<TrainingRun.FoldResult> folds, ToDoubleFunction<TrainingRun.FoldResult> value) {
        double[] values = folds.stream().mapToDouble(value).toArray();
        double sum = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            sum += v;
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        return f("%.4f [%.4f, %.4f]", sum / values.length, min, max);
    }

    /** The date for daily bars (00:00 UTC), else date and time to the minute. */
    private static String day(long epochMillis) {
        String iso = ModelWriter.iso(epochMillis);
        return iso.contains("T00:00:00") ? iso.substring(0, 10) : iso.substring(0, 16);
    }

    private static String f(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }
}
