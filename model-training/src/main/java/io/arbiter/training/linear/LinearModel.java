package io.arbiter.training.linear;

import io.arbiter.operators.health.LogisticRegression;
import io.arbiter.training.dataset.InputSpec;
import io.arbiter.training.model.TrainedModel;
import io.arbiter.training.model.VerifiedOnnx;
import io.arbiter.training.onnx.OnnxCheck;
import io.arbiter.training.onnx.OnnxModels;
import org.tribuo.util.onnx.ONNXContext;
import org.tribuo.util.onnx.ONNXInitializer;
import org.tribuo.util.onnx.ONNXNode;
import org.tribuo.util.onnx.ONNXOperators;
import org.tribuo.util.onnx.ONNXPlaceholder;

import java.util.List;

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
        ONNXInitializer w =
                context.floatTensor("weights", List.of(weights.length, 1), b -> b.put(weights));
        ONNXInitializer b = context.array("bias", new float[] {bias});
        ONNXNode logit = context.operation(ONNXOperators.GEMM, List.of(x, w, b), "logit");
        context.assignTo(
                logit.apply(ONNXOperators.SIGMOID),
                context.floatOutput(VerifiedOnnx.OUTPUT_NAME, 1));
        byte[] model =
                OnnxModels.serialise(
                        context.buildGraph(),
                        "logistic regression, Gemm + Sigmoid; output p_win = P(label 1)");
        return OnnxCheck.verified(model, input.inputName(), checkRows, predict(checkRows));
    }

    @Override
    public String describe() {
        return description;
    }
}
