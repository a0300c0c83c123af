package io.arbiter.models.onnx;

import ai.onnx.proto.OnnxMl;
import org.tribuo.util.onnx.ONNXOperators;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Wraps a graph built with tribuo-util-onnx into the bytes of a model file ONNX Runtime 1.28 loads:
 * the one place the project writes a {@code ModelProto}, for the training module's exports and the
 * tests' small models alike.
 *
 * <pre>{@code
 * ONNXContext context = new ONNXContext();
 * ONNXPlaceholder x = context.floatInput("features", 4);
 * context.assignTo(DenseGraphs.logistic(context, x, weights, bias), context.floatOutput("p", 1));
 * byte[] onnx = OnnxModelFiles.serialise(context.buildGraph(), "my-tool", "logistic regression");
 * }</pre>
 */
public final class OnnxModelFiles {

    /** Domain of the classical-ML operators (TreeEnsembleClassifier, ZipMap). */
    public static final String ML_DOMAIN = "ai.onnx.ml";

    /** ai.onnx.ml opset that defines TreeEnsembleClassifier with the nodes_* attributes. */
    public static final int ML_OPSET = 3;

    /** IR version 8 (ONNX 1.10): enough for opset 13, read by every ORT of the last years. */
    private static final long IR_VERSION = 8;

    private OnnxModelFiles() {}

    /**
     * A serialised ModelProto importing the default opset of tribuo-util-onnx (13) and, when a node
     * uses it, ai.onnx.ml v3.
     *
     * @param producer written as the model's producer name (who wrote the file)
     * @param docString what the model computes, for whoever opens the file
     */
    public static byte[] serialise(OnnxMl.GraphProto graph, String producer, String docString) {
        Map<String, Long> opsets = new LinkedHashMap<>();
        opsets.put("", (long) ONNXOperators.getOpsetVersion());
        for (OnnxMl.NodeProto node : graph.getNodeList()) {
            if (ML_DOMAIN.equals(node.getDomain())) {
                opsets.put(ML_DOMAIN, (long) ML_OPSET);
            }
        }
        OnnxMl.ModelProto.Builder model =
                OnnxMl.ModelProto.newBuilder()
                        .setIrVersion(IR_VERSION)
                        .setProducerName(producer)
                        .setProducerVersion("1")
                        .setDomain("io.arbiter")
                        .setModelVersion(1)
                        .setDocString(docString)
                        .setGraph(graph);
        opsets.forEach(
                (domain, version) ->
                        model.addOpsetImport(
                                OnnxMl.OperatorSetIdProto.newBuilder()
                                        .setDomain(domain)
                                        .setVersion(version)));
        return model.build().toByteArray();
    }
}
