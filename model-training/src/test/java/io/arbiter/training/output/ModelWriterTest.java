package io.arbiter.training.output;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import io.arbiter.models.manifest.ModelManifest;
import io.arbiter.operators.policy.Policy;
import io.arbiter.training.TrainingRun;
import io.arbiter.training.dataset.InputSpec;
import io.arbiter.training.linear.LogisticTrainer;
import io.arbiter.training.validation.WalkForward;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ModelWriterTest {

    private static final Path TTRC = Path.of("../data/raw/ttrc.csv");

    @TempDir static Path directory;

    private static TrainingRun.Settings settings;
    private static TrainingRun.Result result;
    private static ModelManifest written;

    @BeforeAll
    static void trainAndWrite() throws Exception {
        settings =
                new TrainingRun.Settings(
                        "logistic-test",
                        "3",
                        Policy.defaults(),
                        InputSpec.Columns.defaults(),
                        new LogisticTrainer(),
                        4,
                        0.3,
                        WalkForward.Mode.EXPANDING);
        result = TrainingRun.run(settings, List.of(TTRC), line -> {});
        written = ModelWriter.write(directory, settings, result);
    }

    @Test
    void theManifestRoundTripsAndItsSha256IsTheFiles() throws Exception {
        ModelManifest read = ModelManifest.read(directory);

        assertThat(read).isEqualTo(written);
        assertThat(read.onnxSha256())
                .isEqualTo(ModelWriter.sha256(Files.readAllBytes(directory.resolve("model.onnx"))));
        assertThat(read.problems()).isEmpty();
    }

    @Test
    void theManifestDescribesTheModelCompletely() {
        assertThat(written.id()).isEqualTo("logistic-test");
        assertThat(written.version()).isEqualTo("3");
        assertThat(written.kind()).isEqualTo("logistic");
        assertThat(written.featureSet()).isEqualTo("ttr28-norm8-v1");
        assertThat(written.features()).isEqualTo(InputSpec.DEFAULT_COLUMNS);
        assertThat(written.inputShape()).containsExactly(-1L, 15L);
        assertThat(written.outputName()).isEqualTo("p_win");
        assertThat(written.label().horizonBars()).isEqualTo(10);
        assertThat(written.label().takeProfitAtr()).isEqualTo(2.0);
        assertThat(written.training().symbols()).containsExactly("ttrc");
        assertThat(written.training().rows()).isEqualTo(result.data().size());
        assertThat(written.folds()).hasSize(4);
        assertThat(written.folds())
                .allSatisfy(
                        fold -> {
                            assertThat(fold.auc()).isBetween(0.0, 1.0);
                            assertThat(fold.trainTo()).isLessThan(fold.testFrom());
                        });
        assertThat(written.calibrators()).containsOnlyKeys("low_vol", "med_vol", "high_vol");
        assertThat(written.reference())
                .containsOnlyKeys(InputSpec.DEFAULT_COLUMNS.toArray(String[]::new));
        assertThat(written.reference().values())
                .allSatisfy(
                        reference -> {
                            assertThat(reference.cuts()).hasSize(9);
                            assertThat(reference.proportions().stream().mapToDouble(d -> d).sum())
                                    .isCloseTo(1.0, org.assertj.core.api.Assertions.within(1e-9));
                        });
    }

    @Test
    void theOnnxFileHasOneInputAndTheOutputTheManifestNames() throws Exception {
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OrtSession session =
                env.createSession(
                        directory.resolve("model.onnx").toString(),
                        new OrtSession.SessionOptions())) {
            assertThat(session.getInputNames()).containsExactly("features");
            TensorInfo output = (TensorInfo) session.getOutputInfo().get("p_win").getInfo();
            assertThat(output.getShape()).containsExactly(-1L, 1L);
        }
    }

    @Test
    void theReportListsEveryFold() throws Exception {
        String report = Files.readString(directory.resolve("walk-forward.md"));
        for (int fold = 1; fold <= 4; fold++) {
            assertThat(report).contains("\n| " + fold + " | ");
        }
        assertThat(report).contains("mean [min, max]").contains("held-back fold 4");
        assertThat(report).contains(written.onnxSha256());
    }
}
