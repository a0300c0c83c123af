package io.arbiter.models.registry;

import io.arbiter.models.gating.RegimeCalibrators;
import io.arbiter.models.manifest.ModelManifest;
import io.arbiter.models.rows.FeatureRows;
import io.arbiter.models.scoring.ModelLoadException;
import io.arbiter.models.scoring.OnnxScorer;
import io.arbiter.models.scoring.ScoringDevice;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Turns a model directory (manifest.json beside its ONNX file) into a {@link ScoringModel}, or says
 * in one sentence why it cannot: everything cheap is checked before the session opens.
 */
public final class ModelLoader {

    private final ScoringDevice device;
    private final int intraOpThreads;

    public ModelLoader(ScoringDevice device, int intraOpThreads) {
        this.device = device;
        this.intraOpThreads = intraOpThreads;
    }

    public ModelLoader(ScoringDevice device) {
        this(device, OnnxScorer.DEFAULT_INTRA_OP_THREADS);
    }

    public ScoringDevice device() {
        return device;
    }

    public ScoringModel load(Path directory) throws ModelLoadException {
        if (!Files.isDirectory(directory)) {
            throw new ModelLoadException(directory + " is not a directory");
        }
        if (!Files.isRegularFile(directory.resolve(ModelManifest.FILE_NAME))) {
            throw new ModelLoadException(
                    directory + " has no " + ModelManifest.FILE_NAME + " (not a model directory?)");
        }
        ModelManifest manifest;
        try {
            manifest = ModelManifest.read(directory);
        } catch (IOException | RuntimeException e) {
            throw new ModelLoadException(
                    "cannot read "
                            + directory.resolve(ModelManifest.FILE_NAME)
                            + ": "
                            + e.getMessage(),
                    e);
        }
        if (manifest.isExternal()) {
            throw new ModelLoadException(
                    "model "
                            + manifest.id()
                            + " is scored outside the job (kind external): it has no ONNX file"
                            + " to load");
        }
        FeatureRows rows;
        RegimeCalibrators calibrators;
        try {
            rows = FeatureRows.of(manifest);
            calibrators = RegimeCalibrators.of(manifest.calibrators());
        } catch (IllegalArgumentException e) {
            throw new ModelLoadException(
                    "model " + manifest.id() + " " + manifest.version() + ": " + e.getMessage(), e);
        }
        OnnxScorer scorer = OnnxScorer.open(directory, manifest, device, intraOpThreads);
        return new ScoringModel(manifest, directory, rows, scorer, calibrators);
    }
}
