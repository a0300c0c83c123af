package io.arbiter.training;

import io.arbiter.operators.features.BatchFeatures;
import io.arbiter.operators.policy.Policy;
import io.arbiter.training.calibration.CalibratorFitter;
import io.arbiter.training.dataset.Dataset;
import io.arbiter.training.dataset.DatasetBuilder;
import io.arbiter.training.dataset.InputSpec;
import io.arbiter.training.dataset.LabelledRow;
import io.arbiter.training.model.TrainedModel;
import io.arbiter.training.model.Trainer;
import io.arbiter.training.model.VerifiedOnnx;
import io.arbiter.training.validation.FoldMetrics;
import io.arbiter.training.validation.WalkForward;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * One training run, start to end: dataset from bar files, walk-forward validation, calibrators per
 * regime from the out-of-sample predictions, then the final model on every row, exported to ONNX
 * and checked against the model's own predictions on every row.
 *
 * <pre>{@code
 * TrainingRun.Result result =
 *         TrainingRun.run(settings, List.of(Path.of("data/bars/dowjones30_daily.csv")), System.out::println);
 * ModelWriter.write(Path.of("models/gbdt-ttr28"), settings, result);
 * }</pre>
 */
public final class TrainingRun {

    /**
     * @param id model id
     * @param version model version
     * @param policy labels and feature settings
     * @param input what the model reads
     * @param trainer how it is fitted
     * @param folds how many walk-forward test folds
     * @param initialTrainShare share of the bar times in the first training window
     * @param mode expanding or rolling training window
     */
    public record Settings(
            String id,
            String version,
            Policy policy,
            InputSpec input,
            Trainer trainer,
            int folds,
            double initialTrainShare,
            WalkForward.Mode mode) {}

    /**
     * One walk-forward fold's outcome.
     *
     * @param trainRows rows trained on (after purging)
     * @param trainTo last training row's time (epoch ms)
     * @param baselineBrier Brier of always predicting the training rows' positive share
     */
    public record FoldResult(
            WalkForward.Fold fold,
            int trainRows,
            long trainTo,
            FoldMetrics metrics,
            double baselineBrier) {}

    /**
     * @param data the labelled rows
     * @param walkForward the fold layout used
     * @param folds per-fold results
     * @param pooled metrics over all out-of-sample predictions together
     * @param calibration calibrators per regime and how they were chosen
     * @param finalModel the model trained on every row (the one shipped)
     * @param onnx its checked ONNX export
     */
    public record Result(
            Dataset data,
            WalkForward walkForward,
            List<FoldResult> folds,
            FoldMetrics pooled,
            CalibratorFitter.Result calibration,
            TrainedModel finalModel,
            VerifiedOnnx onnx) {}

    private TrainingRun() {}

    public static Result run(Settings settings, List<Path> files, Consumer<String> progress)
            throws Exception {
        Dataset data = dataset(settings, files);
        if (data.size() == 0) {
            throw new IllegalArgumentException(
                    "no labelled rows in "
                            + files
                            + ": a symbol needs more than ATR's 14 warm-up bars plus the "
                            + settings.policy().labels().horizonBars()
                            + "-bar horizon");
        }
        progress.accept(
                String.format(
                        "dataset: %d rows, %d symbols, %.1f%% labelled 1 (%d bars unlabelled, %d"
                                + " dropped for NaN inputs)",
                        data.size(),
                        data.symbols().size(),
                        100 * data.positiveShare(),
                        data.unlabelled(),
                        data.droppedMissing()));
        WalkForward walkForward =
                WalkForward.ofFolds(
                        data.rows(),
                        settings.folds(),
                        settings.initialTrainShare(),
                        settings.mode());
        List<WalkForward.Fold> folds = walkForward.split(data.rows());
        List<FoldResult> results = new ArrayList<>();
        List<CalibratorFitter.Prediction> outOfSample = new ArrayList<>();
        for (WalkForward.Fold fold : folds) {
            List<LabelledRow> train = data.select(fold.train());
            List<LabelledRow> test = data.select(fold.test());
            if (train.isEmpty() || test.isEmpty()) {
                throw new IllegalArgumentException(
                        "walk-forward fold " + fold.number() + " has no training or test rows");
            }
            double[] p;
            try (TrainedModel model = settings.trainer().fit(train)) {
                p = model.predict(Dataset.inputs(test));
            }
            double[] y = Dataset.labels(test);
            FoldMetrics metrics = FoldMetrics.of(p, y);
            double trainShare = mean(Dataset.labels(train));
            double[] constant = new double[y.length];
            java.util.Arrays.fill(constant, trainShare);
            results.add(
                    new FoldResult(
                            fold,
                            train.size(),
                            train.get(train.size() - 1).time(),
                            metrics,
                            FoldMetrics.of(constant, y).brier()));
            for (int i = 0; i < test.size(); i++) {
                outOfSample.add(
                        new CalibratorFitter.Prediction(
                                p[i], test.get(i).label(), test.get(i).regime(), fold.number()));
            }
            progress.accept(
                    String.format(
                            "fold %d/%d: train %d rows, test %d rows: AUC %.4f, Brier %.4f, ECE"
                                    + " %.4f, accuracy %.4f",
                            fold.number(),
                            folds.size(),
                            train.size(),
                            test.size(),
                            metrics.auc(),
                            metrics.brier(),
                            metrics.ece(),
                            metrics.accuracy()));
        }
        FoldMetrics pooled =
                FoldMetrics.of(
                        outOfSample.stream().mapToDouble(CalibratorFitter.Prediction::p).toArray(),
                        outOfSample.stream()
                                .mapToDouble(CalibratorFitter.Prediction::label)
                                .toArray());
        CalibratorFitter.Result calibration = CalibratorFitter.fit(outOfSample, folds.size());
        TrainedModel finalModel = settings.trainer().fit(data.rows());
        progress.accept("final model: " + finalModel.describe());
        VerifiedOnnx onnx = finalModel.exportOnnx(data.input(), Dataset.inputs(data.rows()));
        progress.accept(
                String.format(
                        "ONNX: %d bytes; ONNX Runtime equals the model on all %d rows (max |diff|"
                                + " %.3g)",
                        onnx.bytes().length, onnx.rowsChecked(), onnx.maxAbsDifference()));
        return new Result(data, walkForward, results, pooled, calibration, finalModel, onnx);
    }

    private static Dataset dataset(Settings settings, List<Path> files)
            throws IOException, BatchFeatures.InvalidBarsException {
        return new DatasetBuilder(
                        settings.policy(), settings.input(), !settings.trainer().acceptsMissing())
                .build(files);
    }

    private static double mean(double[] values) {
        double sum = 0;
        for (double value : values) {
            sum += value;
        }
        return sum / values.length;
    }
}
