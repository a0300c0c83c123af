package io.arbiter.models.registry;

import io.arbiter.models.gating.RegimeCalibrators;
import io.arbiter.models.manifest.ModelManifest;
import io.arbiter.models.rows.FeatureRows;
import io.arbiter.models.scoring.OnnxScorer;

import java.nio.file.Path;

/**
 * A loaded model: what its manifest says, how to build its rows, its open session and its
 * calibrators. Closing it closes the session.
 *
 * @param directory the model directory it was loaded from
 */
public record ScoringModel(
        ModelManifest manifest,
        Path directory,
        FeatureRows rows,
        OnnxScorer scorer,
        RegimeCalibrators calibrators)
        implements AutoCloseable {

    public String id() {
        return manifest.id();
    }

    public String version() {
        return manifest.version();
    }

    @Override
    public void close() {
        scorer.close();
    }
}
