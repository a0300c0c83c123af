package io.arbiter.training.output;

import io.arbiter.models.manifest.ModelManifest;
import io.arbiter.operators.features.SymbolFeatures;
import io.arbiter.operators.policy.LabelPolicy;
import io.arbiter.training.TrainingRun;
import io.arbiter.training.dataset.Dataset;
import io.arbiter.training.dataset.LabelledRow;
import io.arbiter.training.model.VerifiedOnnx;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Writes a trained model's directory: {@code model.onnx}, {@code manifest.json} (everything the
 * stream needs, {@link ModelManifest}) and {@code walk-forward.md} (the validation, for people).
 * The manifest is read back and its sha256 compared with the file on disk before returning.
 */
public final class ModelWriter {

    /** File name of the ONNX model inside a model directory. */
    public static final String ONNX_FILE = "model.onnx";

    /** File name of the human-readable validation report. */
    public static final String REPORT_FILE = "walk-forward.md";

    private ModelWriter() {}

    public static ModelManifest write(
            Path directory, TrainingRun.Settings settings, TrainingRun.Result result)
            throws IOException {
        Files.createDirectories(directory);
        byte[] onnx = result.onnx().bytes();
        Files.write(directory.resolve(ONNX_FILE), onnx);
        ModelManifest manifest = manifest(settings, result, sha256(onnx));
        manifest.write(directory);
        Files.writeString(
                directory.resolve(REPORT_FILE),
                WalkForwardReport.render(settings, result, manifest),
                StandardCharsets.UTF_8);

        ModelManifest readBack = ModelManifest.read(directory);
        String onDisk = sha256(Files.readAllBytes(readBack.onnxPath(directory)));
        if (!onDisk.equals(readBack.onnxSha256())) {
            throw new IOException(
                    directory
                            + ": the written model's sha256 "
                            + onDisk
                            + " is not the manifest's");
        }
        return readBack;
    }

    static ModelManifest manifest(
            TrainingRun.Settings settings, TrainingRun.Result result, String sha256) {
        Dataset data = result.data();
        List<LabelledRow> rows = data.rows();
        List<ModelManifest.Fold> folds = new ArrayList<>();
        for (TrainingRun.FoldResult fold : result.folds()) {
            folds.add(
                    new ModelManifest.Fold(
                            iso(fold.fold().trainFrom()),
                            iso(fold.trainTo()),
                            iso(fold.fold().testFrom()),
                            iso(fold.fold().testTo()),
                            fold.metrics().rows(),
                            fold.metrics().auc(),
                            fold.metrics().brier(),
                            fold.metrics().ece(),
                            fold.metrics().accuracy()));
        }
        LabelPolicy labels = settings.policy().labels();
        return new ModelManifest(
                settings.id(),
                settings.version(),
                settings.trainer().kind(),
                SymbolFeatures.FEATURE_SET,
                settings.input().manifestFeatures(),
                List.of(-1L, (long) settings.input().width()),
                ONNX_FILE,
                sha256,
                VerifiedOnnx.OUTPUT_NAME,
                "P(label = 1), uncalibrated: float32 [N, 1] for input "
                        + settings.input().inputName()
                        + " [N, "
                        + settings.input().width()
                        + "]; apply the regime's calibrator before gating",
                new ModelManifest.Label(
                        labels.takeProfitAtr(),
                        labels.stopLossAtr(),
                        labels.horizonBars(),
                        labelDefinition(labels)),
                new ModelManifest.Training(
                        data.symbols(),
                        iso(rows.get(0).time()),
                        iso(rows.get(rows.size() - 1).time()),
                        rows.size()),
                folds,
                result.calibration().calibrators(),
                ReferenceDeciles.of(settings.input(), rows));
    }

    static String labelDefinition(LabelPolicy labels) {
        return String.format(
                "first touch: 1 when, entering at the bar's close, a later bar's high reaches close"
                        + " + %s x ATR(14) before any bar's low reaches close - %s x ATR(14), within"
                        + " %d bars; a bar touching both counts as the stop; 0 otherwise (stop"
                        + " first or neither); bars whose horizon runs past the data are not"
                        + " labelled",
                labels.takeProfitAtr(), labels.stopLossAtr(), labels.horizonBars());
    }

    static String iso(long epochMillis) {
        return Instant.ofEpochMilli(epochMillis).toString();
    }

    /** Lower-case hex SHA-256, as the manifest stores it. */
    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
