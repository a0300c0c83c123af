package io.arbiter.training.linear;

import io.arbiter.operators.health.LogisticRegression;
import io.arbiter.training.dataset.Dataset;
import io.arbiter.training.dataset.LabelledRow;
import io.arbiter.training.model.Trainer;

import java.util.List;

/**
 * A plain logistic regression by maximum likelihood, with the project's own IRLS fit ({@link
 * LogisticRegression}, the model R's {@code glm(binomial)} fits and the health checks already
 * trust), exported as an ONNX {@code Gemm + Sigmoid}.
 *
 * <p>Why not Tribuo's SGD logistic model with its ONNX export: it orders inputs by Tribuo's
 * feature-name map rather than ours, exports a two-class softmax, needs its own feature scaling
 * (which its ONNX export does not carry) and fits by SGD with a learning-rate schedule to tune;
 * IRLS converges to the exact optimum with nothing to tune, and the three-node graph is a few lines
 * with tribuo-util-onnx.
 *
 * <p>Columns are standardised for the fit and the scaling is folded back: {@code b'j = bj/sj},
 * {@code b'0 = b0 − Σ bj·mj/sj}. Rows must hold no NaN.
 */
public final class LogisticTrainer implements Trainer {

    @Override
    public String kind() {
        return "logistic";
    }

    @Override
    public boolean acceptsMissing() {
        return false;
    }

    @Override
    public LinearModel fit(List<LabelledRow> rows) {
        float[][] inputs = Dataset.inputs(rows);
        Standardiser scaling = Standardiser.fit(inputs);
        int width = inputs[0].length;
        double[][] columns = new double[width][inputs.length];
        for (int i = 0; i < inputs.length; i++) {
            for (int j = 0; j < width; j++) {
                columns[j][i] = scaling.apply(inputs[i][j], j);
            }
        }
        LogisticRegression fit = LogisticRegression.fit(Dataset.labels(rows), columns);
        double[] beta = fit.coefficients();
        double[] means = scaling.means();
        double[] scales = scaling.scales();
        float[] weights = new float[width];
        double bias = beta[0];
        for (int j = 0; j < width; j++) {
            weights[j] = (float) (beta[j + 1] / scales[j]);
            bias -= beta[j + 1] * means[j] / scales[j];
        }
        return new LinearModel(
                weights,
                (float) bias,
                "logistic regression by IRLS (maximum likelihood, no penalty) on "
                        + width
                        + " standardised columns, "
                        + fit.iterations()
                        + " Newton steps; scaling folded into the exported weights");
    }
}
