package io.arbiter.models.gating;

import io.arbiter.models.manifest.ModelManifest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The models scored outside the job (manifests of kind external): their identity and calibrators,
 * which is all the gate needs for their signals. Reading a manifest never throws out of here; a bad
 * one comes back as a reason.
 */
public final class ExternalModels {

    /** One external model: its manifest and the calibrators built from it. */
    public record ExternalModel(ModelManifest manifest, RegimeCalibrators calibrators) {}

    /** A manifest that could not serve, and why. */
    public record Problem(Path directory, String reason) {}

    private final Map<String, ExternalModel> byId = new HashMap<>();
    private final List<Problem> problems = new ArrayList<>();

    /** Every external model directory under {@code folder} (others are not this class's). */
    public static ExternalModels loadAll(Path folder) {
        ExternalModels models = new ExternalModels();
        if (folder == null || !Files.isDirectory(folder)) {
            return models;
        }
        try (Stream<Path> entries = Files.list(folder)) {
            entries.filter(Files::isDirectory)
                    .filter(ModelManifest::declaresExternal)
                    .sorted()
                    .forEach(
                            directory -> {
                                try {
                                    ExternalModel model = load(directory);
                                    models.byId.putIfAbsent(model.manifest().id(), model);
                                } catch (IllegalArgumentException e) {
                                    models.problems.add(new Problem(directory, e.getMessage()));
                                }
                            });
        } catch (IOException e) {
            models.problems.add(new Problem(folder, "cannot list: " + e.getMessage()));
        }
        return models;
    }

    /**
     * Reads one external model directory.
     *
     * @throws IllegalArgumentException when it is unreadable, not external, or its calibrators are
     *     unusable
     */
    public static ExternalModel load(Path directory) {
        ModelManifest manifest;
        try {
            manifest = ModelManifest.read(directory);
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException(
                    "cannot read the manifest in " + directory + ": " + e.getMessage(), e);
        }
        if (!manifest.isExternal()) {
            throw new IllegalArgumentException(
                    "model " + manifest.id() + " in " + directory + " is not of kind external");
        }
        return new ExternalModel(
                manifest,
                manifest.calibrators() == null
                        ? RegimeCalibrators.none()
                        : RegimeCalibrators.of(manifest.calibrators()));
    }

    public Optional<ExternalModel> model(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** Directories that declared kind external but could not be read. */
    public List<Problem> problems() {
        return List.copyOf(problems);
    }
}
