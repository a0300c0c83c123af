package io.arbiter.models.testing;

import ai.onnx.proto.OnnxMl;
import io.arbiter.models.onnx.BinaryTreeEnsemble;
import io.arbiter.models.onnx.DenseGraphs;
import io.arbiter.models.onnx.OnnxModelFiles;
import org.tribuo.util.onnx.ONNXContext;
import org.tribuo.util.onnx.ONNXNode;
import org.tribuo.util.onnx.ONNXPlaceholder;

import java.util.List;

/**
 * Small real ONNX models for tests, built with the main code's graph builders ({@link DenseGraphs},
 * {@link BinaryTreeEnsemble}, {@link OnnxModelFiles}) so the scores the tests check by hand are
 * those of the graphs the training module exports: a logistic regression (Gemm + Sigmoid), an MLP
 * (Gemm, Relu, Gemm, Sigmoid) and a {@code TreeEnsembleClassifier}. What only tests need stays
 * here: a tree model whose outputs are the classifier's own (an int64 label, the [n, 2]
 * probabilities) or a {@code ZipMap} of them, which tribuo-util-onnx cannot declare as outputs.
 */
public final class OnnxModels {

    public static final String INPUT = "input";
    public static final String OUTPUT = "output";
    public static final String TREE_LABEL = "label";
    public static final String TREE_PROBABILITIES = "probabilities";
    public static final String ZIPMAP_OUTPUT = "output_probability";

    private static final String PRODUCER = "arbiter-model-udfs-tests";

    private OnnxModels() {}

    /** P = sigmoid(w·x + b), output {@value #OUTPUT} of shape [n, 1]. */
    public static byte[] logistic(float[] weights, float bias) {
        ONNXContext context = new ONNXContext();
        ONNXPlaceholder input = context.floatInput(INPUT, weights.length);
        context.assignTo(
                DenseGraphs.logistic(context, input, weights, bias),
                context.floatOutput(OUTPUT, 1));
        return OnnxModelFiles.serialise(context.buildGraph(), PRODUCER, "test logistic");
    }

    /** P = sigmoid(w2·relu(W1ᵀx + b1) + b2), W1 as [inputs][hidden]; output [n, 1]. */
    public static byte[] mlp(float[][] w1, float[] b1, float[] w2, float b2) {
        int inputs = w1.length;
        int hidden = b1.length;
        // DenseGraphs reads each layer output-major: [hidden][inputs], then [1][hidden].
        float[] first = new float[hidden * inputs];
        for (int i = 0; i < inputs; i++) {
            for (int j = 0; j < hidden; j++) {
                first[j * inputs + i] = w1[i][j];
            }
        }
        ONNXContext context = new ONNXContext();
        ONNXPlaceholder input = context.floatInput(INPUT, inputs);
        ONNXNode p =
                DenseGraphs.mlp(
                        context,
                        input,
                        new int[] {inputs, hidden, 1},
                        new float[][] {first, w2.clone()},
                        new float[][] {b1.clone(), {b2}});
        context.assignTo(p, context.floatOutput(OUTPUT, 1));
        return OnnxModelFiles.serialise(context.buildGraph(), PRODUCER, "test mlp");
    }

    /**
     * The ensemble as a binary {@code TreeEnsembleClassifier} with {@code LOGISTIC} post-transform
     * over {@code features} float inputs: outputs {@value #TREE_LABEL} (int64 [n]) and {@value
     * #TREE_PROBABILITIES} (float [n, 2]), or with {@code zipMap} a {@code ZipMap} turning the
     * latter into {@value #ZIPMAP_OUTPUT} (a sequence of maps class → p).
     */
    public static byte[] trees(TreeEnsemble ensemble, int features, boolean zipMap) {
        BinaryTreeEnsemble onnx = new BinaryTreeEnsemble();
        for (int t = 0; t < ensemble.trees().size(); t++) {
            List<TreeEnsemble.Node> tree = ensemble.trees().get(t);
            for (int n = 0; n < tree.size(); n++) {
                TreeEnsemble.Node node = tree.get(n);
                if (node.isLeaf()) {
                    onnx.leaf(t, n, node.leaf());
                } else {
                    onnx.branch(
                            t,
                            n,
                            node.feature(),
                            node.threshold(),
                            node.ifLess(),
                            node.otherwise(),
                            node.missingGoesLess());
                }
            }
        }
        ONNXContext context = new ONNXContext();
        ONNXPlaceholder input = context.floatInput(INPUT, features);
        List<ONNXNode> outputs =
                onnx.classifier(
                        context,
                        input,
                        (float) ensemble.baseMargin(),
                        TREE_LABEL,
                        TREE_PROBABILITIES);
        // The classifier's outputs carry generated names; expose them under ours.
        OnnxMl.GraphProto.Builder graph =
                context.buildGraph().toBuilder()
                        .addNode(identity(outputs.get(0).getReference(), TREE_LABEL))
                        .addOutput(tensorValue(TREE_LABEL, OnnxMl.TensorProto.DataType.INT64, 0));
        if (zipMap) {
            graph.addNode(
                            OnnxMl.NodeProto.newBuilder()
                                    .setName("zipmap")
                                    .setOpType("ZipMap")
                                    .setDomain(OnnxModelFiles.ML_DOMAIN)
                                    .addInput(outputs.get(1).getReference())
                                    .addOutput(ZIPMAP_OUTPUT)
                                    .addAttribute(
                                            OnnxMl.AttributeProto.newBuilder()
                                                    .setName("classlabels_int64s")
                                                    .setType(
                                                            OnnxMl.AttributeProto.AttributeType
                                                                    .INTS)
                                                    .addInts(0)
                                                    .addInts(1)))
                    .addOutput(mapSequenceValue(ZIPMAP_OUTPUT));
        } else {
            graph.addNode(identity(outputs.get(1).getReference(), TREE_PROBABILITIES))
                    .addOutput(
                            tensorValue(TREE_PROBABILITIES, OnnxMl.TensorProto.DataType.FLOAT, 2));
        }
        return OnnxModelFiles.serialise(graph.build(), PRODUCER, "test trees");
    }

    private static OnnxMl.NodeProto identity(String from, String to) {
        return OnnxMl.NodeProto.newBuilder()
                .setName("expose_" + to)
                .setOpType("Identity")
                .addInput(from)
                .addOutput(to)
                .build();
    }

    /** A tensor of [batch] (width 0) or [batch, width]. */
    private static OnnxMl.ValueInfoProto tensorValue(
            String name, OnnxMl.TensorProto.DataType type, int width) {
        OnnxMl.TensorShapeProto.Builder shape =
                OnnxMl.TensorShapeProto.newBuilder()
                        .addDim(
                                OnnxMl.TensorShapeProto.Dimension.newBuilder()
                                        .setDimParam("batch"));
        if (width > 0) {
            shape.addDim(OnnxMl.TensorShapeProto.Dimension.newBuilder().setDimValue(width));
        }
        return OnnxMl.ValueInfoProto.newBuilder()
                .setName(name)
                .setType(
                        OnnxMl.TypeProto.newBuilder()
                                .setTensorType(
                                        OnnxMl.TypeProto.Tensor.newBuilder()
                                                .setElemType(type.getNumber())
                                                .setShape(shape)))
                .build();
    }

    /** seq(map(int64, float)), what ZipMap over int64 class labels produces. */
    private static OnnxMl.ValueInfoProto mapSequenceValue(String name) {
        OnnxMl.TypeProto floatScalar =
                OnnxMl.TypeProto.newBuilder()
                        .setTensorType(
                                OnnxMl.TypeProto.Tensor.newBuilder()
                                        .setElemType(OnnxMl.TensorProto.DataType.FLOAT.getNumber()))
                        .build();
        OnnxMl.TypeProto map =
                OnnxMl.TypeProto.newBuilder()
                        .setMapType(
                                OnnxMl.TypeProto.Map.newBuilder()
                                        .setKeyType(OnnxMl.TensorProto.DataType.INT64.getNumber())
                                        .setValueType(floatScalar))
                        .build();
        return OnnxMl.ValueInfoProto.newBuilder()
                .setName(name)
                .setType(
                        OnnxMl.TypeProto.newBuilder()
                                .setSequenceType(
                                        OnnxMl.TypeProto.Sequence.newBuilder().setElemType(map)))
                .build();
    }
}
