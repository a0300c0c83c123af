package io.arbiter.training.linear;

import io.arbiter.operators.health.LogisticRegression;
import io.arbiter.operators.policy.Policy;
import io.arbiter.training.dataset.Dataset;
import io.arbiter.training.dataset.DatasetBuilder;
import io.arbiter.training.dataset.InputSpec;
import io.arbiter.training.model.VerifiedOnnx;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class LogisticTrainerTest {

    private static final Path TTRC = Path.of("../data/raw/ttrc.csv");

    @Test
    void onnxRuntimeScoresLikeTheJavaModelAndTheFoldedScalingChangesNothing() throws Exception {
        Dataset data =
                new DatasetBuilder(
                                Policy.defaults(),
                                InputSpec.Columns.of(
                                        List.of(
                                                "rsi14",
                                                "bb_pctb",
                                                "cci20",
                                                "roc1_log",
                                                "atr_pct")),
                                true)
                        .build(List.of(TTRC));
        float[][] rows = Dataset.inputs(data.rows());

        LinearModel model = new LogisticTrainer().fit(data.rows());
        VerifiedOnnx onnx = model.exportOnnx(data.input(), rows);

        assertThat(onnx.rowsChecked()).isEqualTo(rows.length);
        assertThat(onnx.maxAbsDifference()).isLessThanOrEqualTo(VerifiedOnnx.TOLERANCE);

        // The same regression fitted on the raw columns: standardising and folding back is exact
        // up to float32 rounding of the exported coefficients.
        double[][] columns = new double[5][rows.length];
        for (int i = 0; i < rows.length; i++) {
            for (int j = 0; j < 5; j++) {
                columns[j][i] = rows[i][j];
            }
        }
        LogisticRegression raw = LogisticRegression.fit(Dataset.labels(data.rows()), columns);
        double[] p = model.predict(rows);
        for (int i = 0; i < rows.length; i += 97) {
            double[] x = new double[5];
            for (int j = 0; j < 5; j++) {
                x[j] = rows[i][j];
            }
            assertThat(p[i]).isCloseTo(raw.predict(x), within(1e-5));
        }
    }
}
