package io.arbiter.models.onnx;

import org.tribuo.util.onnx.ONNXContext;
import org.tribuo.util.onnx.ONNXNode;
import org.tribuo.util.onnx.ONNXOperators;
import org.tribuo.util.onnx.ONNXRef;

import java.util.List;
import java.util.Map;

/**
 * The dense models' graphs, P(label 1) of shape [N, 1] from a float input [N, F]: a logistic
 * regression ({@code Gemm + Sigmoid}) and an MLP ({@code Gemm → Relu → … → Gemm → Sigmoid}). Assign
 * the returned node to an output with {@code context.assignTo}.
 */
public final class DenseGraphs {

    private DenseGraphs() {}

    /** {@code sigmoid(x · weights + bias)}. */
    public static ONNXNode logistic(
            ONNXContext context, ONNXRef<?> input, float[] weights, float bias) {
        ONNXRef<?> w =
                context.floatTensor("weights", List.of(weights.length, 1), b -> b.put(weights));
        ONNXRef<?> b = context.array("bias", new float[] {bias});
        return context.operation(ONNXOperators.GEMM, List.of(input, w, b), "logit")
                .apply(ONNXOperators.SIGMOID);
    }

    /**
     * Fully connected layers of widths {@code sizes} (input first, 1 last), Relu between them,
     * Sigmoid at the end.
     *
     * @param weights per layer l, the matrix [sizes[l + 1]][sizes[l]] row by row (output-major, as
     *     {@code Gemm} with {@code transB = 1} reads it)
     * @param biases per layer l, sizes[l + 1] values
     */
    public static ONNXNode mlp(
            ONNXContext context,
            ONNXRef<?> input,
            int[] sizes,
            float[][] weights,
            float[][] biases) {
        if (weights.length != sizes.length - 1 || biases.length != weights.length) {
            throw new IllegalArgumentException(
                    sizes.length
                            + " layer sizes need "
                            + (sizes.length - 1)
                            + " weights and biases");
        }
        ONNXRef<?> current = input;
        ONNXNode out = null;
        for (int l = 0; l < weights.length; l++) {
            float[] w = weights[l];
            if (w.length != sizes[l + 1] * sizes[l] || biases[l].length != sizes[l + 1]) {
                throw new IllegalArgumentException(
                        "layer " + l + ": weights or biases of wrong size");
            }
            ONNXRef<?> wTensor =
                    context.floatTensor("w" + l, List.of(sizes[l + 1], sizes[l]), b -> b.put(w));
            ONNXRef<?> bTensor = context.array("b" + l, biases[l]);
            ONNXNode gemm =
                    context.operation(
                            ONNXOperators.GEMM,
                            List.of(current, wTensor, bTensor),
                            "dense" + l,
                            Map.of("transB", 1));
            out =
                    l < weights.length - 1
                            ? gemm.apply(ExtraOperators.RELU)
                            : gemm.apply(ONNXOperators.SIGMOID);
            current = out;
        }
        return out;
    }
}
