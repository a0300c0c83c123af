package io.arbiter.training.mlp;

import io.arbiter.operators.policy.Policy;
import io.arbiter.training.dataset.Dataset;
import io.arbiter.training.dataset.DatasetBuilder;
import io.arbiter.training.dataset.InputSpec;
import io.arbiter.training.model.VerifiedOnnx;
import io.arbiter.training.onnx.OnnxCheck;
import io.arbiter.training.onnx.OnnxMismatchException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class MlpTrainerTest {

    private static final Path TTRC = Path.of("../data/raw/ttrc.csv");
    private static final MlpTrainer.Config SMALL = MlpTrainer.Config.defaults().withEpochs(3);

    private static Dataset data;

    @BeforeAll
    static void windows() throws Exception {
        Policy policy = Policy.defaults();
        data =
                new DatasetBuilder(
                                policy, new InputSpec.Window(policy.features().windowBars()), true)
                        .build(List.of(TTRC));
    }

    @Test
    void onnxRuntimeScoresEveryRowLikeTheJavaForwardPass() throws Exception {
        float[][] rows = Dataset.inputs(data.rows());
        Mlp model = new MlpTrainer(SMALL).fit(data.rows());

        VerifiedOnnx onnx = model.exportOnnx(data.input(), rows);

        assertThat(model.parameterCount()).isEqualTo(512 * 32 + 32 + 32 * 16 + 16 + 16 + 1);
        assertThat(onnx.rowsChecked()).isEqualTo(rows.length);
        assertThat(onnx.maxAbsDifference()).isLessThanOrEqualTo(VerifiedOnnx.TOLERANCE);
        float[] ort = OnnxCheck.score(onnx.bytes(), "window", VerifiedOnnx.OUTPUT_NAME, rows);
        double[] java = model.predict(rows);
        assertThat(Math.abs(ort[123] - java[123])).isLessThanOrEqualTo(VerifiedOnnx.TOLERANCE);
        System.out.printf(
                "mlp ONNX check: %d rows, max |ORT - Java| = %.3g%n",
                onnx.rowsChecked(), onnx.maxAbsDifference());
    }

    @Test
    void theSameSeedGivesTheSameNetwork() {
        float[][] rows = Dataset.inputs(data.rows().subList(0, 200));
        double[] first = new MlpTrainer(SMALL).fit(data.rows()).predict(rows);
        double[] second = new MlpTrainer(SMALL).fit(data.rows()).predict(rows);
        assertThat(second).containsExactly(first);
    }

    @Test
    void learnsASignalThatIsThere() {
        // Relabel: 1 when the newest bar's return in ATRs (window column 0 of the last row) is
        // positive. A network that cannot find that is broken.
        List<io.arbiter.training.dataset.LabelledRow> relabelled =
                data.rows().stream()
                        .map(
                                r ->
                                        new io.arbiter.training.dataset.LabelledRow(
                                                r.symbol(),
                                                r.time(),
                                                r.labelEndTime(),
                                                r.regime(),
                                                r.input()[63 * 8] > 0 ? 1 : 0,
                                                r.input()))
                        .toList();
        Mlp model = new MlpTrainer(SMALL.withEpochs(5)).fit(relabelled);
        double[] p = model.predict(Dataset.inputs(relabelled));
        double auc =
                io.arbiter.operators.health.CalibrationMetrics.rocAuc(
                        p, Dataset.labels(relabelled));
        assertThat(auc).isGreaterThan(0.85);
    }

    @Test
    void anExportThatDiffersIsRefused() throws Exception {
        Mlp model = new MlpTrainer(SMALL.withEpochs(1)).fit(data.rows());
        float[][] rows = Dataset.inputs(data.rows().subList(0, 50));
        double[] expected = model.predict(rows);
        expected[3] += 2e-5;
        byte[] bytes = model.exportOnnx(data.input(), rows).bytes();
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () ->
                                OnnxCheck.verify(
                                        bytes,
                                        "window",
                                        VerifiedOnnx.OUTPUT_NAME,
                                        rows,
                                        expected,
                                        VerifiedOnnx.TOLERANCE))
                .isInstanceOf(OnnxMismatchException.class);
    }
}
