package io.arbiter.models.testing;

import ai.onnx.proto.OnnxMl;
import com.google.protobuf.ByteString;
import org.tribuo.util.onnx.ONNXAttribute;
import org.tribuo.util.onnx.ONNXContext;
import org.tribuo.util.onnx.ONNXInitializer;
import org.tribuo.util.onnx.ONNXNode;
import org.tribuo.util.onnx.ONNXOperator;
import org.tribuo.util.onnx.ONNXOperators;
import org.tribuo.util.onnx.ONNXPlaceholder;
import org.tribuo.util.onnx.ONNXRef;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Small real ONNX models for tests, written with Tribuo's ONNX builders: a logistic regression
 * (Gemm + Sigmoid), an MLP (Gemm, Relu, Gemm, Sigmoid) and a {@code TreeEnsembleClassifier} (domain
 * {@code ai.onnx.ml}, version 3), which Tribuo has no operator for and is declared here from the
 * OnnxMl protos.
 */
public final class OnnxModels {

    public static final String INPUT = "input";
    public static final String OUTPUT = "output";
    public static final String TREE_LABEL = "label";
    public static final String TREE_PROBABILITIES = "probabilities";
    public static final String ZIPMAP_OUTPUT = "output_probability";

    private static final String ML_DOMAIN = "ai.onnx.ml";

    private OnnxModels() {}

    /** P = sigmoid(w·x + b), output {@value #OUTPUT} of shape [n, 1]. */
    public static byte[] logistic(float[] weights, float bias) {
        ONNXContext context = new ONNXContext();
        ONNXPlaceholder input = context.floatInput(INPUT, weights.length);
        ONNXInitializer w =
                context.floatTensor("w", List.of(weights.length, 1), buffer -> buffer.put(weights));
        ONNXInitializer b = context.array("b", new float[] {bias});
        ONNXNode logit = input.apply(ONNXOperators.GEMM, List.<ONNXRef<?>>of(w, b));
        logit.apply(ONNXOperators.SIGMOID).assignTo(context.floatOutput(OUTPUT, 1));
        return model(context.buildGraph(), false);
    }

    /** P = sigmoid(w2·relu(W1ᵀx + b1) + b2), W1 as [inputs][hidden]; output [n, 1]. */
    public static byte[] mlp(float[][] w1, float[] b1, float[] w2, float b2) {
        int inputs = w1.length;
        int hidden = b1.length;
        ONNXContext context = new ONNXContext();
        ONNXPlaceholder input = context.floatInput(INPUT, inputs);
        ONNXInitializer weights1 =
                context.floatTensor(
                        "w1",
                        List.of(inputs, hidden),
                        buffer -> {
                            for (float[] row : w1) {
                                buffer.put(row);
                            }
                        });
        ONNXInitializer bias1 = context.array("b1", b1);
        ONNXInitializer weights2 =
                context.floatTensor("w2", List.of(hidden, 1), buffer -> buffer.put(w2));
        ONNXInitializer bias2 = context.array("b2", new float[] {b2});
        ONNXNode h =
                input.apply(ONNXOperators.GEMM, List.<ONNXRef<?>>of(weights1, bias1))
                        .apply(Relu.RELU);
        ONNXNode logit = h.apply(ONNXOperators.GEMM, List.<ONNXRef<?>>of(weights2, bias2));
        logit.apply(ONNXOperators.SIGMOID).assignTo(context.floatOutput(OUTPUT, 1));
        return model(context.buildGraph(), false);
    }

    /**
     * The ensemble as a binary {@code TreeEnsembleClassifier} with {@code LOGISTIC} post-transform
     * over {@code features} float inputs: outputs {@value #TREE_LABEL} (int64 [n]) and {@value
     * #TREE_PROBABILITIES} (float [n, 2]), or with {@code zipMap} a {@code ZipMap} turning the
     * latter into {@value #ZIPMAP_OUTPUT} (a sequence of maps class → p).
     */
    public static byte[] trees(TreeEnsemble ensemble, int features, boolean zipMap) {
        List<Integer> treeIds = new ArrayList<>();
        List<Integer> nodeIds = new ArrayList<>();
        List<Integer> featureIds = new ArrayList<>();
        List<String> modes = new ArrayList<>();
        List<Float> values = new ArrayList<>();
        List<Integer> trueIds = new ArrayList<>();
        List<Integer> falseIds = new ArrayList<>();
        List<Integer> missingTrue = new ArrayList<>();
        List<Integer> leafTrees = new ArrayList<>();
        List<Integer> leafNodes = new ArrayList<>();
        List<Float> leafWeights = new ArrayList<>();
        for (int t = 0; t < ensemble.trees().size(); t++) {
            List<TreeEnsemble.Node> tree = ensemble.trees().get(t);
            for (int n = 0; n < tree.size(); n++) {
                TreeEnsemble.Node node = tree.get(n);
                treeIds.add(t);
                nodeIds.add(n);
                if (node.isLeaf()) {
                    featureIds.add(0);
                    modes.add("LEAF");
                    values.add(0f);
                    trueIds.add(0);
                    falseIds.add(0);
                    missingTrue.add(0);
                    leafTrees.add(t);
                    leafNodes.add(n);
                    leafWeights.add(node.leaf());
                } else {
                    featureIds.add(node.feature());
                    modes.add("BRANCH_LT");
                    values.add(node.threshold());
                    trueIds.add(node.ifLess());
                    falseIds.add(node.otherwise());
                    missingTrue.add(node.missingGoesLess() ? 1 : 0);
                }
            }
        }
        OnnxMl.NodeProto.Builder classifier =
                OnnxMl.NodeProto.newBuilder()
                        .setName("trees")
                        .setOpType("TreeEnsembleClassifier")
                        .setDomain(ML_DOMAIN)
                        .addInput(INPUT)
                        .addOutput(TREE_LABEL)
                        .addOutput(TREE_PROBABILITIES)
                        .addAttribute(ints("nodes_treeids", treeIds))
                        .addAttribute(ints("nodes_nodeids", nodeIds))
                        .addAttribute(ints("nodes_featureids", featureIds))
                        .addAttribute(strings("nodes_modes", modes))
                        .addAttribute(floats("nodes_values", values))
                        .addAttribute(ints("nodes_truenodeids", trueIds))
                        .addAttribute(ints("nodes_falsenodeids", falseIds))
                        .addAttribute(ints("nodes_missing_value_tracks_true", missingTrue))
                        .addAttribute(ints("class_treeids", leafTrees))
                        .addAttribute(ints("class_nodeids", leafNodes))
                        .addAttribute(ints("class_ids", leafTrees.stream().map(t -> 0).toList()))
                        .addAttribute(floats("class_weights", leafWeights))
                        .addAttribute(ints("classlabels_int64s", List.of(0, 1)))
                        .addAttribute(floats("base_values", List.of((float) ensemble.baseMargin())))
                        .addAttribute(string("post_transform", "LOGISTIC"));

        OnnxMl.GraphProto.Builder graph =
                OnnxMl.GraphProto.newBuilder()
                        .setName("trees")
                        .addInput(tensorValue(INPUT, OnnxMl.TensorProto.DataType.FLOAT, features))
                        .addNode(classifier);
        if (zipMap) {
            graph.addNode(
                            OnnxMl.NodeProto.newBuilder()
                                    .setName("zipmap")
                                    .setOpType("ZipMap")
                                    .setDomain(ML_DOMAIN)
                                    .addInput(TREE_PROBABILITIES)
                                    .addOutput(ZIPMAP_OUTPUT)
                                    .addAttribute(ints("classlabels_int64s", List.of(0, 1))))
                    .addOutput(tensorValue(TREE_LABEL, OnnxMl.TensorProto.DataType.INT64, 0))
                    .addOutput(mapSequenceValue(ZIPMAP_OUTPUT));
        } else {
            graph.addOutput(tensorValue(TREE_LABEL, OnnxMl.TensorProto.DataType.INT64, 0))
                    .addOutput(
                            tensorValue(TREE_PROBABILITIES, OnnxMl.TensorProto.DataType.FLOAT, 2));
        }
        return model(graph.build(), true);
    }

    private static byte[] model(OnnxMl.GraphProto graph, boolean ml) {
        OnnxMl.ModelProto.Builder model =
                OnnxMl.ModelProto.newBuilder()
                        .setIrVersion(8)
                        .setProducerName("arbiter-model-udfs-tests")
                        .addOpsetImport(
                                OnnxMl.OperatorSetIdProto.newBuilder().setDomain("").setVersion(13))
                        .setGraph(graph);
        if (ml) {
            model.addOpsetImport(
                    OnnxMl.OperatorSetIdProto.newBuilder().setDomain(ML_DOMAIN).setVersion(3));
        }
        return model.build().toByteArray();
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

    private static OnnxMl.AttributeProto ints(String name, List<Integer> values) {
        OnnxMl.AttributeProto.Builder attribute =
                OnnxMl.AttributeProto.newBuilder()
                        .setName(name)
                        .setType(OnnxMl.AttributeProto.AttributeType.INTS);
        values.forEach(v -> attribute.addInts(v));
        return attribute.build();
    }

    private static OnnxMl.AttributeProto floats(String name, List<Float> values) {
        return OnnxMl.AttributeProto.newBuilder()
                .setName(name)
                .setType(OnnxMl.AttributeProto.AttributeType.FLOATS)
                .addAllFloats(values)
                .build();
    }

    private static OnnxMl.AttributeProto strings(String name, List<String> values) {
        OnnxMl.AttributeProto.Builder attribute =
                OnnxMl.AttributeProto.newBuilder()
                        .setName(name)
                        .setType(OnnxMl.AttributeProto.AttributeType.STRINGS);
        values.forEach(v -> attribute.addStrings(ByteString.copyFrom(v, StandardCharsets.UTF_8)));
        return attribute.build();
    }

    private static OnnxMl.AttributeProto string(String name, String value) {
        return OnnxMl.AttributeProto.newBuilder()
                .setName(name)
                .setType(OnnxMl.AttributeProto.AttributeType.STRING)
                .setS(ByteString.copyFrom(value, StandardCharsets.UTF_8))
                .build();
    }

    /** Relu, which Tribuo's operator list lacks. */
    private enum Relu implements ONNXOperator {
        RELU;

        @Override
        public String getOpName() {
            return "Relu";
        }

        @Override
        public int getNumInputs() {
            return 1;
        }

        @Override
        public int getNumOptionalInputs() {
            return 0;
        }

        @Override
        public int getNumOutputs() {
            return 1;
        }

        @Override
        public Map<String, ONNXAttribute> getAttributes() {
            return Map.of();
        }

        @Override
        public Set<String> getMandatoryAttributeNames() {
            return Set.of();
        }

        @Override
        public int getOpVersion() {
            return 13;
        }

        @Override
        public String getOpDomain() {
            return "";
        }
    }
}
