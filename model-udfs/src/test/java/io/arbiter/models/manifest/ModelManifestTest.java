package io.arbiter.models.manifest;

import io.arbiter.models.manifest.ModelManifest.Calibrator;
import io.arbiter.models.testing.ModelDirs;
import io.arbiter.models.testing.TestModels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ModelManifestTest {

    @TempDir Path dir;

    @Test
    void writesAndReadsBackEveryField() throws Exception {
        byte[] onnx = TestModels.treesOnnx();
        ModelManifest written =
                new ModelManifest(
                        "gbdt-ttr",
                        "3",
                        "gbdt",
                        "ttr28-norm8-v1",
                        TestModels.FEATURES,
                        TestModels.SHAPE,
                        "model.onnx",
                        ModelDirs.manifest(
                                        "x",
                                        "1",
                                        "gbdt",
                                        List.of("rsi14"),
                                        TestModels.SHAPE,
                                        "o",
                                        onnx)
                                .onnxSha256(),
                        "probabilities",
                        1,
                        "P(take-profit first)",
                        new ModelManifest.Label(2, 1, 10, "first touch"),
                        new ModelManifest.Training(
                                List.of("AAPL"), "2020-01-01", "2023-12-31", 900),
                        List.of(
                                new ModelManifest.Fold(
                                        "2020-01-01",
                                        "2021-12-31",
                                        "2022-01-01",
                                        "2022-06-30",
                                        120,
                                        0.61,
                                        0.23,
                                        0.04,
                                        0.57)),
                        Map.of(
                                "low_vol",
                                ModelDirs.platt(-0.5, 1.5),
                                "high_vol",
                                new Calibrator(
                                        "isotonic",
                                        null,
                                        null,
                                        List.of(0.1, 0.9),
                                        List.of(0.2, 0.8),
                                        0.19)),
                        Map.of(
                                "rsi14",
                                new ModelManifest.Reference(
                                        List.of(
                                                30.0, 40.0, 45.0, 50.0, 55.0, 60.0, 65.0, 70.0,
                                                80.0),
                                        List.of(
                                                0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1,
                                                0.1))));

        written.write(dir);

        assertThat(ModelManifest.read(dir)).isEqualTo(written);
        assertThat(Files.readString(dir.resolve(ModelManifest.FILE_NAME)))
                .contains("\"outputColumn\" : 1", "\"knotsX\"", "\"onnxSha256\"");
    }

    @Test
    void aManifestWithoutOutputColumnStillReads() throws Exception {
        byte[] onnx = TestModels.mlpOnnx();
        ModelManifest manifest =
                ModelDirs.manifest(
                        "mlp", "1", "mlp", TestModels.FEATURES, TestModels.SHAPE, "output", onnx);
        manifest.write(dir);

        assertThat(Files.readString(dir.resolve(ModelManifest.FILE_NAME)))
                .doesNotContain("outputColumn");
        assertThat(ModelManifest.read(dir).outputColumn()).isNull();
        assertThat(ModelManifest.read(dir)).isEqualTo(manifest);
    }

    @Test
    void listsEveryProblemAtOnce() {
        ModelManifest bad =
                new ModelManifest(
                        "m",
                        "1",
                        "gbdt",
                        "ttr28-norm8-v1",
                        List.of("rsi14"),
                        List.of(1L, 1L),
                        "model.onnx",
                        "ABC",
                        "probabilities",
                        -1,
                        null,
                        null,
                        null,
                        null,
                        Map.of(
                                "extreme_vol", ModelDirs.platt(0, 1),
                                "low_vol", new Calibrator("platt", null, 1.0, null, null, 0),
                                "high_vol",
                                        new Calibrator(
                                                "isotonic",
                                                null,
                                                null,
                                                List.of(0.5, 0.2),
                                                List.of(0.1, 0.3),
                                                0)),
                        null);

        assertThat(bad.problems())
                .containsExactlyInAnyOrder(
                        "onnxSha256: must be 64 lower-case hex digits",
                        "inputShape: [1, 1] must be -1 then positive sizes, e.g. [-1, 28]",
                        "outputColumn: -1 is negative",
                        "calibrators.extreme_vol: not a regime (low_vol, med_vol, high_vol)",
                        "calibrators.low_vol: platt needs a finite intercept and slope",
                        "calibrators.high_vol: knots need increasing x and non-decreasing y (at 1)");
    }

    @Test
    void readRefusesAnUnusableManifestWithItsProblems() throws Exception {
        Files.writeString(
                dir.resolve(ModelManifest.FILE_NAME), "{\"id\": \"m\", \"kind\": \"forest\"}");

        assertThatThrownBy(() -> ModelManifest.read(dir))
                .hasMessageContaining("not a usable manifest")
                .hasMessageContaining("kind: 'forest'")
                .hasMessageContaining("version: missing");
    }
}
