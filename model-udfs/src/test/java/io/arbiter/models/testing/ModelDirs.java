package io.arbiter.models.testing;

import io.arbiter.models.manifest.ModelManifest;
import io.arbiter.models.manifest.ModelManifest.Calibrator;
import io.arbiter.models.scoring.Sha256;
import io.arbiter.operators.features.SymbolFeatures;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Writes model directories (model.onnx + manifest.json) for tests. */
public final class ModelDirs {

    public static final String ONNX_FILE = "model.onnx";

    /** Platt calibrators sigmoid(-1 + 2p) for the three regimes. */
    public static final Map<String, Calibrator> PLATT_EVERYWHERE =
            Map.of(
                    "low_vol", platt(-1, 2),
                    "med_vol", platt(-1, 2),
                    "high_vol", platt(-1, 2));

    private ModelDirs() {}

    public static Calibrator platt(double intercept, double slope) {
        return new Calibrator(Calibrator.PLATT, intercept, slope, null, null, 0.2);
    }

    /** A manifest for {@code onnx} with the file's real SHA-256. */
    public static ModelManifest manifest(
            String id,
            String version,
            String kind,
            List<String> features,
            List<Long> inputShape,
            String outputName,
            byte[] onnx) {
        return new ModelManifest(
                id,
                version,
                kind,
                SymbolFeatures.FEATURE_SET,
                features,
                inputShape,
                ONNX_FILE,
                Sha256.hex(onnx),
                outputName,
                "P(take-profit before stop-loss within 10 bars)",
                new ModelManifest.Label(2, 1, 10, "first touch"),
                new ModelManifest.Training(List.of("AAPL"), "2020-01-01", "2023-12-31", 1000),
                List.of(),
                PLATT_EVERYWHERE,
                Map.of());
    }

    /** Writes {@code onnx} and {@code manifest} into {@code directory}; returns the directory. */
    public static Path write(Path directory, ModelManifest manifest, byte[] onnx) {
        try {
            Files.createDirectories(directory);
            Files.write(directory.resolve(manifest.onnxFile()), onnx);
            manifest.write(directory);
            return directory;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
