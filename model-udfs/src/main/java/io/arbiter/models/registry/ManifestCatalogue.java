package io.arbiter.models.registry;

import io.arbiter.models.manifest.ModelManifest;
import io.arbiter.operators.book.ModelCatalogue;
import io.arbiter.operators.governance.Registration;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The books' model catalogue from manifests: every readable model directory of the models folder
 * (scored in the job or outside it) is one of each book's models from its first event on, with the
 * policy's default prior; a REGISTER_MODEL command's manifest adds or replaces one.
 */
public final class ManifestCatalogue implements ModelCatalogue {

    private static final long serialVersionUID = 1L;

    private final String modelsDirectory;

    /**
     * @param modelsDirectory the models folder; null for none
     */
    public ManifestCatalogue(String modelsDirectory) {
        this.modelsDirectory = modelsDirectory;
    }

    @Override
    public List<Registration> initialModels() {
        List<Registration> models = new ArrayList<>();
        if (modelsDirectory == null || !Files.isDirectory(Path.of(modelsDirectory))) {
            return models;
        }
        List<Path> directories;
        try (Stream<Path> entries = Files.list(Path.of(modelsDirectory))) {
            directories =
                    entries.filter(Files::isDirectory)
                            .filter(d -> !d.getFileName().toString().startsWith("."))
                            .sorted()
                            .toList();
        } catch (IOException e) {
            return models;
        }
        for (Path directory : directories) {
            try {
                ModelManifest manifest = ModelManifest.read(directory);
                if (models.stream().noneMatch(r -> r.model().equals(manifest.id()))) {
                    models.add(Registration.withDefaultPrior(manifest.id(), manifest.version()));
                }
            } catch (IOException | RuntimeException e) {
                // Unreadable: the scoring operator reports it as a MODEL_ERROR event.
            }
        }
        return models;
    }

    @Override
    public Registration resolve(String manifestPath, double priorAlpha, double priorBeta) {
        Path directory = ModelManifest.directoryOf(manifestPath);
        try {
            ModelManifest manifest = ModelManifest.read(directory);
            return new Registration(manifest.id(), manifest.version(), priorAlpha, priorBeta);
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException(
                    "cannot read the manifest in " + directory + ": " + e.getMessage(), e);
        }
    }
}
