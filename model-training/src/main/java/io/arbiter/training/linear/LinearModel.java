package io.arbiter.training.linear;

import io.arbiter.models.onnx.DenseGraphs;
import io.arbiter.models.onnx.OnnxModelFiles;
import io.arbiter.operators.health.LogisticRegression;
import io.arbiter.training.dataset.InputSpec;
import io.arbiter.training.model.TrainedModel;
import io.arbiter.training.model.VerifiedOnnx;
import io.arbiter.training.onnx.OnnxCheck;
import org.tribuo.util.onnx.ONNXContext;
import org.tribuo.util.onnx.ONNXPlaceholder;

/**
 * {@code p = sigmoid(bias + Σ weights[j]·x[j])} on the raw feature values, with the float32
 * coefficients the ONNX file holds (so Java and ONNX Runtime compute the same function). Exported
 * as {@code Gemm → Sigmoid}.
 */
public final class LinearModel implements TrainedModel {

    private final float[] weights;
    private final float bias;
    private final String description;

    public LinearModel(float[] weights, float bias, String description) {
        this.weights = weights.clone();
        this.bias = bias;
        this.description = description;
    }

    public float[] weights() {
        return weights.clone();
    }

    public float bias() {
        return bias;
    }

    @Override
    public double[] predict(float[][] inputs) {
        double[] p = new double[inputs.length];
        for (int i = 0; i < inputs.length; i++) {
            double eta = bias;
            for (int j = 0; j < weights.length; j++) {
                eta += (double) weights[j] * inputs[i][j];
            }
            p[i] = LogisticRegression.sigmoid(eta);
        }
        return p;
    }

    @Override
    public VerifiedOnnx exportOnnx(InputSpec input, float[][] checkRows) throws Exception {
        ONNXContext context = new ONNXContext();
        context.setName("arbiter-logistic");
        ONNXPlaceholder x = context.floatInput(input.inputName(), weights.length);
        context.assignTo(
                DenseGraphs.logistic(context, x, weights, bias),
                context.floatOutput(VerifiedOnnx.OUTPUT_NAME, 1));
        byte[] model =
                OnnxModelFiles.serialise(
                        context.buildGraph(),
                        VerifiedOnnx.PRODUCER,
                        "logistic regression, Gemm + Sigmoid; output p_win = P(label 1)");
        return OnnxCheck.verified(model, input.inputName(), checkRows, predict(checkRows));
    }

    @Override
    public String describe() {
        return description;
    }
}
