package io.arbiter.models.registry;

import io.arbiter.models.manifest.ModelManifest;
import io.arbiter.models.scoring.ModelLoadException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The models a scoring operator serves, by id: loaded from a models folder at start, then
 * registered (a new id, or a new version replacing the old one) and retired by command. A model
 * that cannot load never throws out of here: it comes back as a {@link ModelLoadFailure} and the
 * models already loaded carry on.
 *
 * <pre>{@code
 * ModelRegistry registry = new ModelRegistry(new ModelLoader(ScoringDevice.parse("cpu")));
 * List<ModelLoadFailure> failures = registry.loadAll(Path.of("models"));
 * Registration r = registry.register(Path.of("models/gbdt-ttr-v2"));
 * registry.retire("mlp-window");
 * }</pre>
 *
 * <p>A replacement opens the new session before closing the old one, so a bad new version leaves
 * the old one scoring. A {@link ScoringModel} handed out earlier is closed by a replacement or a
 * retirement: look models up when a batch is scored, not when its rows arrive. Not thread-safe: one
 * registry per operator instance.
 */
public final class ModelRegistry implements AutoCloseable {

    private final ModelLoader loader;
    private final Map<String, ScoringModel> models = new TreeMap<>(); // by id: a stable order

    public ModelRegistry(ModelLoader loader) {
        this.loader = loader;
    }

    /**
     * Loads every sub-directory of {@code folder} (in name order; hidden ones and external models
     * skipped) as a model directory. Two directories with the same model id: the first loads, the
     * second is a failure.
     *
     * @return the directories that did not load, with why; empty when all did
     */
    public List<ModelLoadFailure> loadAll(Path folder) {
        List<Path> directories;
        try (Stream<Path> entries = Files.list(folder)) {
            directories =
                    entries.filter(Files::isDirectory)
                            .filter(d -> !d.getFileName().toString().startsWith("."))
                            // Scored outside the job: their calibrators serve the external gate.
                            .filter(d -> !ModelManifest.declaresExternal(d))
                            .sorted()
                            .toList();
        } catch (IOException e) {
            return List.of(
                    new ModelLoadFailure(
                            folder, "cannot list the models folder: " + e.getMessage()));
        }
        List<ModelLoadFailure> failures = new ArrayList<>();
        for (Path directory : directories) {
            ScoringModel model;
            try {
                model = loader.load(directory);
            } catch (ModelLoadException e) {
                failures.add(new ModelLoadFailure(directory, e.getMessage()));
                continue;
            }
            ScoringModel loaded = models.get(model.id());
            if (loaded != null) {
                model.close();
                failures.add(
                        new ModelLoadFailure(
                                directory,
                                "model id "
                                        + model.id()
                                        + " is already loaded from "
                                        + loaded.directory()
                                        + "; register one version explicitly to replace it"));
            } else {
                models.put(model.id(), model);
            }
        }
        return failures;
    }

    /**
     * Loads {@code directory} and serves it, replacing a loaded model of the same id (whatever its
     * version: the command decides) once the new one is open.
     */
    public Registration register(Path directory) {
        ScoringModel model;
        try {
            model = loader.load(directory);
        } catch (ModelLoadException e) {
            return new Registration.Failed(new ModelLoadFailure(directory, e.getMessage()));
        }
        ScoringModel replaced = models.put(model.id(), model);
        if (replaced != null) {
            replaced.close();
        }
        return new Registration.Loaded(
                model, Optional.ofNullable(replaced).map(ScoringModel::version));
    }

    /** Stops serving {@code id} and closes its session; empty when no such model is loaded. */
    public Optional<ScoringModel> retire(String id) {
        ScoringModel retired = models.remove(id);
        if (retired != null) {
            retired.close();
        }
        return Optional.ofNullable(retired);
    }

    public Optional<ScoringModel> model(String id) {
        return Optional.ofNullable(models.get(id));
    }

    /** The models being served, by id. */
    public Collection<ScoringModel> models() {
        return Collections.unmodifiableCollection(models.values());
    }

    public int size() {
        return models.size();
    }

    /** Closes every session. */
    @Override
    public void close() {
        models.values().forEach(ScoringModel::close);
        models.clear();
    }
}
