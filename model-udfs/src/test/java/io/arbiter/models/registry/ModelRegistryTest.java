package io.arbiter.models.registry;

import io.arbiter.models.manifest.ModelManifest;
import io.arbiter.models.scoring.ScoringDevice;
import io.arbiter.models.testing.ModelDirs;
import io.arbiter.models.testing.TestModels;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static io.arbiter.models.testing.TestModels.ROWS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class ModelRegistryTest {

    @TempDir Path models;

    private final ModelRegistry registry = new ModelRegistry(new ModelLoader(ScoringDevice.CPU));

    @AfterEach
    void closeRegistry() {
        registry.close();
    }

    @Test
    void loadsEveryModelDirectoryOfAFolder() {
        TestModels.writeTrees(models.resolve("gbdt-ttr"), "gbdt-ttr", "1");
        TestModels.writeMlp(models.resolve("mlp-ttr"), "mlp-ttr", "1");
        TestModels.writeLogistic(models.resolve("logit-ttr"), "logit-ttr", "1");

        assertThat(registry.loadAll(models)).isEmpty();
        assertThat(registry.models())
                .extracting(ScoringModel::id)
                .containsExactly("gbdt-ttr", "logit-ttr", "mlp-ttr");
    }

    @Test
    void reportsCorruptMissingAndMismatchedDirectoriesWhileTheOthersLoad() throws Exception {
        TestModels.writeMlp(models.resolve("a-good"), "good", "1");
        Path corrupt = TestModels.writeLogistic(models.resolve("b-corrupt"), "corrupt", "1");
        byte[] garbage = "garbage, not protobuf".getBytes();
        Files.write(corrupt.resolve(ModelDirs.ONNX_FILE), garbage);
        rewriteSha(corrupt, garbage); // the manifest vouches for it: ORT itself must refuse it
        Path missing = TestModels.writeLogistic(models.resolve("c-missing"), "missing", "1");
        Files.delete(missing.resolve(ModelDirs.ONNX_FILE));
        Path swapped = TestModels.writeTrees(models.resolve("d-swapped"), "swapped", "1");
        Files.write(swapped.resolve(ModelDirs.ONNX_FILE), TestModels.mlpOnnx());
        Path noManifest = Files.createDirectories(models.resolve("e-no-manifest"));
        Path badJson = Files.createDirectories(models.resolve("f-bad-json"));
        Files.writeString(badJson.resolve(ModelManifest.FILE_NAME), "{\"id\": ");
        Path invalid = TestModels.writeMlp(models.resolve("g-invalid"), "invalid", "1");
        Files.writeString(
                invalid.resolve(ModelManifest.FILE_NAME),
                Files.readString(invalid.resolve(ModelManifest.FILE_NAME))
                        .replace("\"mlp\"", "\"svm\""));
        Files.writeString(models.resolve("README.txt"), "not a model directory: ignored");

        List<ModelLoadFailure> failures = registry.loadAll(models);

        assertThat(registry.models()).extracting(ScoringModel::id).containsExactly("good");
        assertThat(failures)
                .extracting(ModelLoadFailure::modelDir)
                .containsExactly(corrupt, missing, swapped, noManifest, badJson, invalid);
        assertThat(failures.get(0).reason()).contains("ONNX Runtime cannot load model corrupt 1");
        assertThat(failures.get(1).reason()).contains("model.onnx is missing");
        assertThat(failures.get(2).reason()).contains("SHA-256").contains("refusing");
        assertThat(failures.get(3).reason()).contains("has no manifest.json");
        assertThat(failures.get(4).reason()).contains("cannot read");
        assertThat(failures.get(5).reason()).contains("kind: 'svm'");
        assertThat(registry.model("good").orElseThrow().scorer().score(ROWS)).hasSize(ROWS.length);
    }

    @Test
    void aMissingFolderIsOneFailureNotACrash() {
        assertThat(registry.loadAll(models.resolve("nowhere")))
                .singleElement()
                .satisfies(f -> assertThat(f.reason()).contains("cannot list"));
    }

    @Test
    void aSecondDirectoryWithTheSameIdIsReportedAndTheFirstKept() {
        Path first = TestModels.writeMlp(models.resolve("mlp-v1"), "mlp", "1");
        Path second = TestModels.writeMlp(models.resolve("mlp-v2"), "mlp", "2");

        List<ModelLoadFailure> failures = registry.loadAll(models);

        assertThat(registry.model("mlp").orElseThrow().directory()).isEqualTo(first);
        assertThat(failures).extracting(ModelLoadFailure::modelDir).containsExactly(second);
        assertThat(failures.get(0).reason()).contains("already loaded from " + first);
    }

    @Test
    void registeringANewVersionReplacesTheOldAndClosesItAfterTheNewOneOpened() throws Exception {
        Registration first =
                registry.register(TestModels.writeLogistic(models.resolve("v1"), "ttr", "1"));
        ScoringModel v1 = ((Registration.Loaded) first).model();
        assertThat(((Registration.Loaded) first).replacedVersion()).isEmpty();

        // Version 2 is another network under the same id.
        Registration second =
                registry.register(TestModels.writeMlp(models.resolve("v2"), "ttr", "2"));

        assertThat(second).isInstanceOf(Registration.Loaded.class);
        assertThat(((Registration.Loaded) second).replacedVersion()).contains("1");
        assertThat(v1.scorer().isClosed()).isTrue();
        ScoringModel v2 = registry.model("ttr").orElseThrow();
        assertThat(v2.version()).isEqualTo("2");
        assertThat(v2.scorer().score(ROWS[0])).isCloseTo(TestModels.mlp(ROWS[0]), within(1e-6));
        assertThat(registry.size()).isEqualTo(1);
    }

    @Test
    void aBadNewVersionLeavesTheOldOneScoring() throws Exception {
        registry.register(TestModels.writeLogistic(models.resolve("v1"), "ttr", "1"));
        Path bad = TestModels.writeLogistic(models.resolve("v2"), "ttr", "2");
        Files.write(bad.resolve(ModelDirs.ONNX_FILE), new byte[] {1, 2, 3});

        Registration result = registry.register(bad);

        assertThat(result).isInstanceOf(Registration.Failed.class);
        assertThat(((Registration.Failed) result).failure().modelDir()).isEqualTo(bad);
        ScoringModel still = registry.model("ttr").orElseThrow();
        assertThat(still.version()).isEqualTo("1");
        assertThat(still.scorer().score(ROWS[0]))
                .isCloseTo(TestModels.logistic(ROWS[0]), within(1e-6));
    }

    @Test
    void retiringClosesTheSessionAndForgetsTheModel() {
        registry.register(TestModels.writeTrees(models.resolve("gbdt"), "gbdt", "1"));
        ScoringModel model = registry.model("gbdt").orElseThrow();

        assertThat(registry.retire("gbdt")).containsSame(model);

        assertThat(registry.model("gbdt")).isEmpty();
        assertThat(registry.retire("gbdt")).isEmpty();
        assertThatThrownBy(() -> model.scorer().score(ROWS))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void closingTheRegistryClosesEverySession() {
        registry.register(TestModels.writeTrees(models.resolve("a"), "a", "1"));
        registry.register(TestModels.writeMlp(models.resolve("b"), "b", "1"));
        List<ScoringModel> loaded = List.copyOf(registry.models());

        registry.close();

        assertThat(loaded).allSatisfy(m -> assertThat(m.scorer().isClosed()).isTrue());
        assertThat(registry.size()).isZero();
    }

    private static void rewriteSha(Path dir, byte[] onnx) throws IOException {
        ModelManifest manifest = ModelManifest.read(dir);
        ModelDirs.write(
                dir,
                ModelDirs.manifest(
                        manifest.id(),
                        manifest.version(),
                        manifest.kind(),
                        manifest.features(),
                        manifest.inputShape(),
                        manifest.outputName(),
                        onnx),
                onnx);
    }
}
