package io.arbiter.models.registry;

import java.nio.file.Path;

/**
 * A model directory that was not loaded, and why in one sentence; the stream turns it into a
 * GovernanceEvent (kind MODEL_ERROR) instead of failing the job.
 *
 * @param modelDir the directory that was asked for
 * @param reason what is missing, corrupt or inconsistent
 */
public record ModelLoadFailure(Path modelDir, String reason) {}
