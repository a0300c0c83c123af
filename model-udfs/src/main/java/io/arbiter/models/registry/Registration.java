package io.arbiter.models.registry;

import java.util.Optional;

/**
 * What {@link ModelRegistry#register} did: loaded the model (maybe replacing a version), or not.
 */
public sealed interface Registration permits Registration.Loaded, Registration.Failed {

    /**
     * The model is loaded and scoring.
     *
     * @param replacedVersion the version it replaced (now closed), if the id was loaded before
     */
    record Loaded(ScoringModel model, Optional<String> replacedVersion) implements Registration {}

    /** Nothing changed: the models loaded before are still the ones scoring. */
    record Failed(ModelLoadFailure failure) implements Registration {}
}
