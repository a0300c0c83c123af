package io.arbiter.models.manifest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.arbiter.schemas.Regime;

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
 * @param outputColumn when that output is a [n, k] probability tensor, the column of P(label = 1);
 *     null means 1 when k ≥ 2 (class labels 0, 1) and 0 when k = 1
 * @param outputMeaning a sentence on what the output means
 * @param label how the training rows were labelled
 * @param training the data the model was trained on
 * @param folds walk-forward validation, one entry per test fold
 * @param calibrators per regime name (low_vol, med_vol, high_vol), how raw p becomes calibrated p;
 *     a regime without one gets no signals through the gate
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
        Integer outputColumn,
        String outputMeaning,
        Label label,
        Training training,
        List<Fold> folds,
        Map<String, Calibrator> calibrators,
        Map<String, Reference> reference) {

    /** File name of the manifest inside a model directory. */
    public static final String FILE_NAME = "manifest.json";

    /** The kinds of model; only trees take missing (NaN) inputs. */
    public static final List<String> KINDS = List.of("gbdt", "mlp", "logistic", "external");

    /**
     * A model scored outside the job (an LLM, an RL agent): its signals arrive on signals.external,
     * and its manifest carries only identity and calibrators.
     */
    public static final String EXTERNAL = "external";

    /** The manifest name of each regime that can have a calibrator. */
    public static final Map<String, Regime> REGIME_NAMES =
            Map.of(
                    "low_vol", Regime.LOW_VOL,
                    "med_vol", Regime.MED_VOL,
                    "high_vol", Regime.HIGH_VOL);

    private static final ObjectMapper JSON =
            new ObjectMapper()
                    .enable(SerializationFeature.INDENT_OUTPUT)
                    .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** A manifest without {@code outputColumn} (the output's default column holds P(label = 1)). */
    public ModelManifest(
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
        this(
                id,
                version,
                kind,
                featureSet,
                features,
                inputShape,
                onnxFile,
                onnxSha256,
                outputName,
                null,
                outputMeaning,
                label,
                training,
                folds,
                calibrators,
                reference);
    }

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
     * A calibrator of raw p: {@code platt} (intercept, slope: sigmoid(a + b·p), as {@link
     * io.arbiter.operators.health.PlattScaling}) or {@code isotonic} (knots x → y, read as {@link
     * io.arbiter.operators.health.IsotonicRegression}: flat inside a pooled block, linear between
     * blocks, clipped outside), chosen by Brier on a held-back fold.
     */
    public record Calibrator(
            String type,
            Double intercept,
            Double slope,
            List<Double> knotsX,
            List<Double> knotsY,
            double heldBackBrier) {

        public static final String PLATT = "platt";
        public static final String ISOTONIC = "isotonic";

        /** What makes this calibrator unusable, each line prefixed with {@code where}. */
        List<String> problems(String where) {
            List<String> problems = new ArrayList<>();
            if (PLATT.equals(type)) {
                if (!finite(intercept) || !finite(slope)) {
                    problems.add(where + ": platt needs a finite intercept and slope");
                }
            } else if (ISOTONIC.equals(type)) {
                if (knotsX == null || knotsY == null || knotsX.isEmpty()) {
                    problems.add(where + ": isotonic needs knotsX and knotsY");
                } else if (knotsX.size() != knotsY.size()) {
                    problems.add(
                            where
                                    + ": "
                                    + knotsX.size()
                                    + " knotsX but "
                                    + knotsY.size()
                                    + " knotsY");
                } else {
                    for (int i = 0; i < knotsX.size(); i++) {
                        if (!finite(knotsX.get(i)) || !finite(knotsY.get(i))) {
                            problems.add(where + ": knot " + i + " is not finite");
                            break;
                        }
                        if (i > 0
                                && (!(knotsX.get(i) > knotsX.get(i - 1))
                                        || knotsY.get(i) < knotsY.get(i - 1))) {
                            problems.add(
                                    where
                                            + ": knots need increasing x and non-decreasing y (at "
                                            + i
                                            + ")");
                            break;
                        }
                    }
                }
            } else {
                problems.add(where + ": type '" + type + "' is not platt or isotonic");
            }
            return problems;
        }

        private static boolean finite(Double value) {
            return value != null && Double.isFinite(value);
        }
    }

    /** Decile cut points (9) and the training share in each of the 10 bins, for PSI. */
    public record Reference(List<Double> cuts, List<Double> proportions) {}

    /** True for a model scored outside the job, whose manifest names no ONNX file. */
    public boolean isExternal() {
        return EXTERNAL.equals(kind);
    }

    /** True for trees, which route a missing (NaN) input down a learnt branch. */
    public boolean acceptsMissingValues() {
        return "gbdt".equals(kind);
    }

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

    /** The model directory a path names: itself, or the folder of a {@code manifest.json}. */
    public static Path directoryOf(String manifestOrDirectory) {
        Path path = Path.of(manifestOrDirectory);
        return path.getFileName() != null && path.getFileName().toString().equals(FILE_NAME)
                ? path.toAbsolutePath().getParent()
                : path;
    }

    /**
     * True when {@code modelDirectory} holds a manifest of kind external. Unreadable or missing
     * manifests answer false: loading them as scored models then reports why.
     */
    public static boolean declaresExternal(Path modelDirectory) {
        Path file = modelDirectory.resolve(FILE_NAME);
        if (!Files.isRegularFile(file)) {
            return false;
        }
        try {
            return EXTERNAL.equals(JSON.readTree(file.toFile()).path("kind").asText());
        } catch (IOException e) {
            return false;
        }
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
        if (kind != null && !KINDS.contains(kind)) {
            problems.add("kind: '" + kind + "' is not gbdt, mlp, logistic or external");
        }
        if (!isExternal()) {
            problems.addAll(scoringProblems());
        }
        if (calibrators != null) {
            calibrators.forEach(
                    (regime, calibrator) -> {
                        String where = "calibrators." + regime;
                        if (!REGIME_NAMES.containsKey(regime)) {
                            problems.add(where + ": not a regime (low_vol, med_vol, high_vol)");
                        } else if (calibrator == null) {
                            problems.add(where + ": empty");
                        } else {
                            problems.addAll(calibrator.problems(where));
                        }
                    });
        }
        return problems;
    }

    /** What a model scored in the job needs besides identity: its ONNX file, inputs and output. */
    private List<String> scoringProblems() {
        List<String> problems = new ArrayList<>();
        require(featureSet, "featureSet", problems);
        require(onnxFile, "onnxFile", problems);
        require(outputName, "outputName", problems);
        if (onnxSha256 == null || !onnxSha256.matches("[0-9a-f]{64}")) {
            problems.add("onnxSha256: must be 64 lower-case hex digits");
        }
        if (features == null || features.isEmpty()) {
            problems.add("features: must name the inputs in order");
        }
        if (inputShape == null || inputShape.size() < 2) {
            problems.add("inputShape: missing (batch dimension -1, then the row's dimensions)");
        } else if (inputShape.get(0) == null
                || inputShape.get(0) != -1
                || inputShape.subList(1, inputShape.size()).stream()
                        .anyMatch(d -> d == null || d <= 0)) {
            problems.add(
                    "inputShape: " + inputShape + " must be -1 then positive sizes, e.g. [-1, 28]");
        }
        if (outputColumn != null && outputColumn < 0) {
            problems.add("outputColumn: " + outputColumn + " is negative");
        }
        return problems;
    }

    private static void require(String value, String name, List<String> problems) {
        if (value == null || value.isBlank()) {
            problems.add(name + ": missing");
        }
    }
}
