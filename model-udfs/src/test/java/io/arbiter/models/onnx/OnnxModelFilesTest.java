package io.arbiter.models.onnx;

import ai.onnx.proto.OnnxMl;
import io.arbiter.models.testing.OnnxModels;
import io.arbiter.models.testing.TestModels;
import org.junit.jupiter.api.Test;
import org.tribuo.util.onnx.ONNXContext;
import org.tribuo.util.onnx.ONNXPlaceholder;

import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The model files the graph builders write; their scores are checked in OnnxScorerTest. */
class OnnxModelFilesTest {

    @Test
    void importsTheMlOpsetOnlyWhenAGraphUsesATreeEnsemble() throws Exception {
        OnnxMl.ModelProto dense = OnnxMl.ModelProto.parseFrom(TestModels.mlpOnnx());
        OnnxMl.ModelProto trees = OnnxMl.ModelProto.parseFrom(TestModels.treesOnnx());

        assertThat(opsets(dense)).isEqualTo(Map.of("", 13L));
        assertThat(opsets(trees))
                .isEqualTo(
                        Map.of("", 13L, OnnxModelFiles.ML_DOMAIN, (long) OnnxModelFiles.ML_OPSET));
        assertThat(dense.getIrVersion()).isEqualTo(8);
        assertThat(dense.getProducerName()).isEqualTo("arbiter-model-udfs-tests");
    }

    @Test
    void buildsTheMlpAsGemmReluGemmSigmoid() throws Exception {
        OnnxMl.GraphProto graph = OnnxMl.ModelProto.parseFrom(TestModels.mlpOnnx()).getGraph();

        // The last node assigns the sigmoid to the output (Tribuo's assignTo is an Identity).
        assertThat(graph.getNodeList())
                .extracting(OnnxMl.NodeProto::getOpType)
                .containsExactly("Gemm", "Relu", "Gemm", "Sigmoid", "Identity");
        assertThat(graph.getOutputList())
                .extracting(OnnxMl.ValueInfoProto::getName)
                .containsExactly(OnnxModels.OUTPUT);
    }

    @Test
    void refusesLayerWeightsThatDoNotMatchTheLayerSizes() {
        ONNXContext context = new ONNXContext();
        ONNXPlaceholder input = context.floatInput("x", 2);

        // 2 → 3 → 1 needs 3 × 2 = 6 weights in layer 0; 5 are given.
        assertThatThrownBy(
                        () ->
                                DenseGraphs.mlp(
                                        context,
                                        input,
                                        new int[] {2, 3, 1},
                                        new float[][] {new float[5], new float[3]},
                                        new float[][] {new float[3], new float[1]}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("layer 0");
    }

    private static Map<String, Long> opsets(OnnxMl.ModelProto model) {
        return model.getOpsetImportList().stream()
                .collect(
                        Collectors.toMap(
                                OnnxMl.OperatorSetIdProto::getDomain,
                                OnnxMl.OperatorSetIdProto::getVersion));
    }
}
