package io.arbiter.models.manifest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Everything the stream needs to know about a model, written as {@code manifest.json} beside its
 * ONNX file: identity, inputs, output, label, how it was validated, its calibrators per regime and
 * the reference distribution of every input (for drift).
 *
 * <pre>{@code
 * ModelManifest manifest = ModelManifest.read(Path.of("models/gbdt-ttr"));
 * Path onnx = manifest.onnxPath(Path.of("models/gbdt-ttr"));
 * }</pre>
 *
 * @param id model id, stable across versions
 * @param version this version (a new version replaces the old without a restart)
 * @param kind gbdt, mlp or logistic
 * @param featureSet the feature set the inputs come from (e.g. ttr28-norm8-v1)
 * @param features input names in order: indicator columns of the feature set, or {@code window} for
 *     the whole normalised window (then inputShape gives its size)
 * @param inputShape shape of the model's single float input, batch dimension as -1
 * @param onnxFile file name of the ONNX model, relative to the manifest
 * @param onnxSha256 lower-case hex SHA-256 of that file; a mismatch refuses the model
 * @param outputName the ONNX output that holds P(label = 1)
 * @param outputMeaning a sentence on what the output means
 * @param label how the training rows were labelled
 * @param training the data the model was trained on
 * @param folds walk-forward validation, one entry per test fold
 * @param calibrators per regime name (low_vol, med_vol, high_vol), how raw p becomes calibrated p
 * @param reference per input name, decile cut points and proportions of the training data
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ModelManifest(
        String id,
        String version,
        String kind,
        String featureSet,
        List<String> features,
        List<Long> inputShape,
        String onnxFile,
        String onnxSha256,
        String outputName,
        String outputMeaning,
        Label label,
        Training training,
        List<Fold> folds,
        Map<String, Calibrator> calibrators,
        Map<String, Reference> reference) {

    /** File name of the manifest inside a model directory. */
    public static final String FILE_NAME = "manifest.json";

    private static final ObjectMapper JSON =
            new ObjectMapper()
                    .enable(SerializationFeature.INDENT_OUTPUT)
                    .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /**
     * @param takeProfitAtr take-profit distance in ATRs
     * @param stopLossAtr stop-loss distance in ATRs
     * @param horizonBars bars within which one must be touched
     * @param definition the rule in words
     */
    public record Label(
            double takeProfitAtr, double stopLossAtr, int horizonBars, String definition) {}

    /**
     * @param symbols the symbols trained on
     * @param from first bar time (ISO-8601)
     * @param to last bar time (ISO-8601)
     * @param rows labelled rows used
     */
    public record Training(List<String> symbols, String from, String to, long rows) {}

    /** Out-of-sample metrics of one walk-forward fold (train on the past, test on what follows). */
    public record Fold(
            String trainFrom,
            String trainTo,
            String testFrom,
            String testTo,
            long testRows,
            double auc,
            double brier,
            double ece,
            double accuracy) {}

    /**
     * A calibrator of raw p: {@code platt} (intercept, slope: sigmoid(a + b·p)) or {@code isotonic}
     * (step function through knots x → y), chosen by Brier on a held-back fold.
     */
    public record Calibrator(
            String type,
            Double intercept,
            Double slope,
            List<Double> knotsX,
            List<Double> knotsY,
            double heldBackBrier) {}

    /** Decile cut points (9) and the training share in each of the 10 bins, for PSI. */
    public record Reference(List<Double> cuts, List<Double> proportions) {}

    public Path onnxPath(Path modelDirectory) {
        return modelDirectory.resolve(onnxFile);
    }

    /** Reads and checks a manifest; every problem is listed at once. */
    public static ModelManifest read(Path modelDirectory) throws IOException {
        Path file = modelDirectory.resolve(FILE_NAME);
        ModelManifest manifest = JSON.readValue(file.toFile(), ModelManifest.class);
        List<String> problems = manifest.problems();
        if (!problems.isEmpty()) {
            throw new IOException(
                    file + " is not a usable manifest:\n  - " + String.join("\n  - ", problems));
        }
        return manifest;
    }

    public void write(Path modelDirectory) throws IOException {
        Files.createDirectories(modelDirectory);
        JSON.writeValue(modelDirectory.resolve(FILE_NAME).toFile(), this);
    }

    /** What is missing or inconsistent; empty when the manifest is usable. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        require(id, "id", problems);
        require(version, "version", problems);
        require(kind, "kind", problems);
        require(featureSet, "featureSet", problems);
        require(onnxFile, "onnxFile", problems);
        require(outputName, "outputName", problems);
        if (onnxSha256 == null || !onnxSha256.matches("[0-9a-f]{64}")) {
            problems.add("onnxSha256: must be 64 lower-case hex digits");
        }
        if (features == null || features.isEmpty()) {
            problems.add("features: must name the inputs in order");
        }
        if (inputShape == null || inputShape.isEmpty()) {
            problems.add("inputShape: missing");
        }
        if (kind != null && !List.of("gbdt", "mlp", "logistic").contains(kind)) {
            problems.add("kind: '" + kind + "' is not gbdt, mlp or logistic");
        }
        return problems;
    }

    private static void require(String value, String name, List<String> problems) {
        if (value == null || value.isBlank()) {
            problems.add(name + ": missing");
        }
    }
}
