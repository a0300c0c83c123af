package io.arbiter.training.mlp;

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
 * A fully connected network {@code in → h1 → … → 1} with ReLU between layers and a sigmoid at the
 * end, reading raw inputs (any scaling is already folded into the first layer). Weights are the
 * float32 values the ONNX file holds; the forward pass sums in double. Exported as {@code Gemm →
 * Relu → … → Gemm → Sigmoid}.
 */
public final class Mlp implements TrainedModel {

    private final int[] sizes;
    private final float[][] weights; // layer l: sizes[l+1] × sizes[l], row-major
    private final float[][] biases;
    private final String description;

    /**
     * @param sizes layer widths, input first, 1 last
     * @param weights per layer, {@code out × in} row-major
     * @param biases per layer, {@code out}
     */
    public Mlp(int[] sizes, float[][] weights, float[][] biases, String description) {
        if (sizes.length < 2 || sizes[sizes.length - 1] != 1) {
            throw new IllegalArgumentException("an MLP ends in one output");
        }
        for (int l = 0; l < sizes.length - 1; l++) {
            if (weights[l].length != sizes[l + 1] * sizes[l] || biases[l].length != sizes[l + 1]) {
                throw new IllegalArgumentException("layer " + l + " has the wrong shape");
            }
        }
        this.sizes = sizes.clone();
        this.weights = weights;
        this.biases = biases;
        this.description = description;
    }

    public int parameterCount() {
        int count = 0;
        for (int l = 0; l < weights.length; l++) {
            count += weights[l].length + biases[l].length;
        }
        return count;
    }

    @Override
    public double[] predict(float[][] inputs) {
        double[] p = new double[inputs.length];
        for (int r = 0; r < inputs.length; r++) {
            double[] activation = new double[sizes[0]];
            for (int i = 0; i < sizes[0]; i++) {
                activation[i] = inputs[r][i];
            }
            for (int l = 0; l < weights.length; l++) {
                int in = sizes[l];
                int out = sizes[l + 1];
                double[] next = new double[out];
                for (int j = 0; j < out; j++) {
                    double sum = biases[l][j];
                    for (int i = 0; i < in; i++) {
                        sum += (double) weights[l][j * in + i] * activation[i];
                    }
                    next[j] = l < weights.length - 1 ? Math.max(0, sum) : sum;
                }
                activation = next;
            }
            p[r] = LogisticRegression.sigmoid(activation[0]);
        }
        return p;
    }

    @Override
    public VerifiedOnnx exportOnnx(InputSpec input, float[][] checkRows) throws Exception {
        if (input.width() != sizes[0]) {
            throw new IllegalArgumentException(
                    "the network reads " + sizes[0] + " values, the input has " + input.width());
        }
        ONNXContext context = new ONNXContext();
        context.setName("arbiter-mlp");
        ONNXPlaceholder x = context.floatInput(input.inputName(), sizes[0]);
        context.assignTo(
                DenseGraphs.mlp(context, x, sizes, weights, biases),
                context.floatOutput(VerifiedOnnx.OUTPUT_NAME, 1));
        byte[] model =
                OnnxModelFiles.serialise(
                        context.buildGraph(),
                        VerifiedOnnx.PRODUCER,
                        "MLP "
                                + java.util.Arrays.toString(sizes)
                                + ", Gemm/Relu/Sigmoid; output p_win = P(label 1)");
        return OnnxCheck.verified(model, input.inputName(), checkRows, predict(checkRows));
    }

    @Override
    public String describe() {
        return description;
    }
}
