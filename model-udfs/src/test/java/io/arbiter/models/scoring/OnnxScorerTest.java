package io.arbiter.models.scoring;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtProvider;
import io.arbiter.models.manifest.ModelManifest;
import io.arbiter.models.testing.ModelDirs;
import io.arbiter.models.testing.OnnxModels;
import io.arbiter.models.testing.TestModels;
import io.arbiter.models.testing.TreeEnsemble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static io.arbiter.models.testing.TestModels.FEATURES;
import static io.arbiter.models.testing.TestModels.ROWS;
import static io.arbiter.models.testing.TestModels.SHAPE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

class OnnxScorerTest {

    private static final double TOLERANCE = 1e-6;

    @TempDir Path temp;

    @Test
    void logisticScoresEqualTheHandComputationOfItsWeights() throws Exception {
        try (OnnxScorer scorer = open(TestModels.writeLogistic(temp, "logit", "1"))) {
            double[] p = scorer.score(ROWS);
            for (int i = 0; i < ROWS.length; i++) {
                assertThat(p[i]).isCloseTo(TestModels.logistic(ROWS[i]), within(TOLERANCE));
            }
            assertThat(scorer.inputName()).isEqualTo(OnnxModels.INPUT);
            assertThat(scorer.rowWidth()).isEqualTo(4);
        }
    }

    @Test
    void mlpScoresEqualTheHandComputationOfItsWeights() throws Exception {
        try (OnnxScorer scorer = open(TestModels.writeMlp(temp, "mlp", "1"))) {
            double[] p = scorer.score(ROWS);
            for (int i = 0; i < ROWS.length; i++) {
                assertThat(p[i]).isCloseTo(TestModels.mlp(ROWS[i]), within(TOLERANCE));
            }
        }
    }

    @Test
    void treeEnsembleScoresEqualAHandTraversalReadingColumnOneOfItsScores() throws Exception {
        try (OnnxScorer scorer = open(TestModels.writeTrees(temp, "gbdt", "1"))) {
            double[] p = scorer.score(ROWS);
            for (int i = 0; i < ROWS.length; i++) {
                assertThat(p[i])
                        .isCloseTo(TestModels.TREES.probability(ROWS[i]), within(TOLERANCE));
            }
        }
    }

    @Test
    void treeEnsembleRoutesMissingValuesDownTheBranchItLearnt() throws Exception {
        float nan = Float.NaN;
        float[][] rows = {
            {nan, 0.03f, 20f, 0.6f}, // rsi missing: tree 0 goes left, tree 1 goes left
            {60f, 0.03f, nan, nan}, // adx and %b missing
            {nan, nan, nan, nan}
        };
        try (OnnxScorer scorer = open(TestModels.writeTrees(temp, "gbdt", "1"))) {
            double[] p = scorer.score(rows);
            for (int i = 0; i < rows.length; i++) {
                assertThat(p[i])
                        .isCloseTo(TestModels.TREES.probability(rows[i]), within(TOLERANCE));
            }
        }
    }

    @Test
    void treeEnsembleBehindAZipMapIsReadByClassOne() throws Exception {
        byte[] onnx = OnnxModels.trees(TestModels.TREES, 4, true);
        Path dir =
                ModelDirs.write(
                        temp,
                        ModelDirs.manifest(
                                "zip",
                                "1",
                                "gbdt",
                                FEATURES,
                                SHAPE,
                                OnnxModels.ZIPMAP_OUTPUT,
                                onnx),
                        onnx);
        try (OnnxScorer scorer = open(dir)) {
            double[] p = scorer.score(ROWS);
            for (int i = 0; i < ROWS.length; i++) {
                assertThat(p[i])
                        .isCloseTo(TestModels.TREES.probability(ROWS[i]), within(TOLERANCE));
            }
        }
    }

    @Test
    void treeEnsembleWithOnlyPositiveMarginsIsStillReadFromColumnOne() throws Exception {
        TreeEnsemble positive =
                new TreeEnsemble(
                        0.1,
                        List.of(
                                List.of(
                                        TreeEnsemble.Node.branch(0, 50f, 1, 2, true),
                                        TreeEnsemble.Node.leaf(0.2f),
                                        TreeEnsemble.Node.leaf(0.9f))));
        byte[] onnx = OnnxModels.trees(positive, 4, false);
        Path dir =
                ModelDirs.write(
                        temp,
                        ModelDirs.manifest(
                                "pos",
                                "1",
                                "gbdt",
                                FEATURES,
                                SHAPE,
                                OnnxModels.TREE_PROBABILITIES,
                                onnx),
                        onnx);
        try (OnnxScorer scorer = open(dir)) {
            double[] p = scorer.score(ROWS);
            for (int i = 0; i < ROWS.length; i++) {
                assertThat(p[i]).isCloseTo(positive.probability(ROWS[i]), within(TOLERANCE));
            }
        }
    }

    @Test
    void batchScoringEqualsRowByRowScoringForEveryKind() throws Exception {
        List<Path> dirs =
                List.of(
                        TestModels.writeLogistic(temp.resolve("a"), "logit", "1"),
                        TestModels.writeMlp(temp.resolve("b"), "mlp", "1"),
                        TestModels.writeTrees(temp.resolve("c"), "gbdt", "1"));
        for (Path dir : dirs) {
            try (OnnxScorer scorer = open(dir)) {
                double[] batch = scorer.score(ROWS);
                for (int i = 0; i < ROWS.length; i++) {
                    assertThat(scorer.score(ROWS[i])).isCloseTo(batch[i], within(TOLERANCE));
                }
                // and a larger batch after a smaller one reuses the buffer correctly
                float[][] twice = new float[ROWS.length * 2][];
                for (int i = 0; i < twice.length; i++) {
                    twice[i] = ROWS[i % ROWS.length];
                }
                double[] doubled = scorer.score(twice);
                for (int i = 0; i < twice.length; i++) {
                    assertThat(doubled[i]).isCloseTo(batch[i % ROWS.length], within(TOLERANCE));
                }
            }
        }
    }

    @Test
    void refusesAFileWhoseSha256DiffersFromTheManifest() throws IOException {
        Path dir = TestModels.writeLogistic(temp, "logit", "1");
        Files.write(
                dir.resolve(ModelDirs.ONNX_FILE), TestModels.mlpOnnx()); // swapped behind its back
        ModelManifest manifest = ModelManifest.read(dir);

        assertThatThrownBy(() -> OnnxScorer.open(dir, manifest, ScoringDevice.CPU))
                .isInstanceOf(ModelLoadException.class)
                .hasMessageContaining("SHA-256")
                .hasMessageContaining(manifest.onnxSha256())
                .hasMessageContaining("refusing");
    }

    @Test
    void refusesAMissingFileAndBytesThatAreNoModel() throws IOException {
        Path dir = TestModels.writeLogistic(temp, "logit", "1");
        ModelManifest manifest = ModelManifest.read(dir);
        Files.delete(dir.resolve(ModelDirs.ONNX_FILE));
        assertThatThrownBy(() -> OnnxScorer.open(dir, manifest, ScoringDevice.CPU))
                .isInstanceOf(ModelLoadException.class)
                .hasMessageContaining("missing");

        byte[] garbage = "not an onnx model".getBytes();
        Path corrupt =
                ModelDirs.write(
                        temp.resolve("corrupt"),
                        ModelDirs.manifest(
                                "bad", "1", "mlp", FEATURES, SHAPE, OnnxModels.OUTPUT, garbage),
                        garbage);
        assertThatThrownBy(() -> open(corrupt))
                .isInstanceOf(ModelLoadException.class)
                .hasMessageContaining("ONNX Runtime cannot load");
    }

    @Test
    void refusesAnOutputThatHoldsClassLabels() {
        byte[] onnx = TestModels.treesOnnx();
        Path dir =
                ModelDirs.write(
                        temp,
                        ModelDirs.manifest(
                                "labels",
                                "1",
                                "gbdt",
                                FEATURES,
                                SHAPE,
                                OnnxModels.TREE_LABEL,
                                onnx),
                        onnx);
        assertThatThrownBy(() -> open(dir))
                .isInstanceOf(ModelLoadException.class)
                .hasMessageContaining("INT64")
                .hasMessageContaining("not float probabilities");
    }

    @Test
    void refusesAnOutputOrInputThatDoesNotMatchTheManifest() {
        byte[] onnx = TestModels.logisticOnnx();
        Path unnamed =
                ModelDirs.write(
                        temp.resolve("a"),
                        ModelDirs.manifest("x", "1", "logistic", FEATURES, SHAPE, "proba", onnx),
                        onnx);
        assertThatThrownBy(() -> open(unnamed))
                .isInstanceOf(ModelLoadException.class)
                .hasMessageContaining("names output 'proba'")
                .hasMessageContaining(OnnxModels.OUTPUT);

        Path wider =
                ModelDirs.write(
                        temp.resolve("b"),
                        ModelDirs.manifest(
                                "x",
                                "1",
                                "logistic",
                                List.of("rsi14", "atr_pct", "adx14", "bb_pctb", "cci20"),
                                List.of(-1L, 5L),
                                OnnxModels.OUTPUT,
                                onnx),
                        onnx);
        assertThatThrownBy(() -> open(wider))
                .isInstanceOf(ModelLoadException.class)
                .hasMessageContaining("shape [-1, 4]")
                .hasMessageContaining("[-1, 5]");
    }

    @Test
    void cudaThatCannotLoadFallsBackToTheCpuAndSaysWhy() throws Exception {
        assumeFalse(
                OrtEnvironment.getAvailableProviders().contains(OrtProvider.CUDA),
                "this ONNX Runtime build has a CUDA provider: the fallback is not reachable");
        Path dir = TestModels.writeMlp(temp, "mlp", "1");
        ModelManifest manifest = ModelManifest.read(dir);

        try (OnnxScorer scorer = OnnxScorer.open(dir, manifest, ScoringDevice.parse("cuda:0"))) {
            assertThat(scorer.device()).isEqualTo(ScoringDevice.CPU);
            assertThat(scorer.fallbackReason())
                    .hasValueSatisfying(
                            reason ->
                                    assertThat(reason)
                                            .contains("CUDA provider cannot load on cuda:0"));
            double[] p = scorer.score(ROWS);
            for (int i = 0; i < ROWS.length; i++) {
                assertThat(p[i]).isCloseTo(TestModels.mlp(ROWS[i]), within(TOLERANCE));
            }
        }
        try (OnnxScorer cpu = OnnxScorer.open(dir, manifest, ScoringDevice.CPU)) {
            assertThat(cpu.device()).isEqualTo(ScoringDevice.CPU);
            assertThat(cpu.fallbackReason()).isEmpty();
        }
    }

    @Test
    void failsLoudlyAfterClose() throws Exception {
        OnnxScorer scorer = open(TestModels.writeLogistic(temp, "logit", "1"));
        scorer.close();
        scorer.close(); // twice is harmless

        assertThat(scorer.isClosed()).isTrue();
        assertThatThrownBy(() -> scorer.score(ROWS))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closed");
    }

    @Test
    void refusesARowOfTheWrongWidthAndScoresAnEmptyBatchAsNothing() throws Exception {
        try (OnnxScorer scorer = open(TestModels.writeLogistic(temp, "logit", "1"))) {
            assertThat(scorer.score(new float[0][])).isEmpty();
            assertThatThrownBy(() -> scorer.score(new float[][] {{1f, 2f}}))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("takes 4");
        }
    }

    private static OnnxScorer open(Path dir) throws IOException, ModelLoadException {
        return OnnxScorer.open(dir, ModelManifest.read(dir), ScoringDevice.CPU);
    }
}
