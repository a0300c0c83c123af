package io.arbiter.training.gbdt;

import io.arbiter.operators.policy.Policy;
import io.arbiter.training.dataset.Dataset;
import io.arbiter.training.dataset.DatasetBuilder;
import io.arbiter.training.dataset.InputSpec;
import io.arbiter.training.model.VerifiedOnnx;
import io.arbiter.training.onnx.OnnxMismatchException;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class XgboostOnnxConverterTest {

    private static final Path MSFT = Path.of("../data/extra/msft_daily.csv");
    private static final Path TTRC = Path.of("../data/raw/ttrc.csv");

    @Test
    void onnxRuntimeScoresEveryRealRowLikeXgboost() throws Exception {
        Dataset data =
                new DatasetBuilder(Policy.defaults(), InputSpec.Columns.defaults(), false)
                        .build(List.of(MSFT, TTRC));
        float[][] rows = Dataset.inputs(data.rows());
        assertThat(rows.length).isGreaterThan(5000);
        // Early rows hold NaN (indicators not yet defined): the missing-value routing is checked.
        assertThat(rows[0]).contains(Float.NaN);

        try (XgboostModel model =
                new XgboostTrainer(XgboostTrainer.Params.defaults().withRounds(50, 4))
                        .fit(data.rows())) {
            VerifiedOnnx onnx = model.exportOnnx(data.input(), rows);

            assertThat(onnx.rowsChecked()).isEqualTo(rows.length);
            assertThat(onnx.maxAbsDifference()).isLessThanOrEqualTo(VerifiedOnnx.TOLERANCE);
            System.out.printf(
                    "gbdt ONNX check: %d rows, max |ORT - XGBoost| = %.3g%n",
                    onnx.rowsChecked(), onnx.maxAbsDifference());
        }
    }

    @Test
    void refusesAModelWhoseScoresDiffer() throws Exception {
        Dataset data =
                new DatasetBuilder(Policy.defaults(), InputSpec.Columns.defaults(), false)
                        .build(List.of(MSFT));
        float[][] rows = Dataset.inputs(data.rows());
        try (XgboostModel model =
                new XgboostTrainer(XgboostTrainer.Params.defaults().withRounds(10, 3))
                        .fit(data.rows())) {
            double[] shifted = model.predict(rows);
            shifted[7] += 1e-4;

            assertThatThrownBy(
                            () ->
                                    XgboostOnnxConverter.convert(
                                            model.json(), data.input(), rows, shifted))
                    .isInstanceOf(OnnxMismatchException.class)
                    .hasMessageContaining("row 7");
        }
    }

    @Test
    void readsBaseScoreInBothSpellings() throws Exception {
        assertThat(XgboostOnnxConverter.baseScore("4.55E-1")).isEqualTo(0.455);
        assertThat(XgboostOnnxConverter.baseScore("[3.1E-1]")).isEqualTo(0.31);
    }
}
