package io.arbiter.training.onnx;

import ai.onnx.proto.OnnxMl.AttributeProto.AttributeType;
import org.tribuo.util.onnx.ONNXAttribute;
import org.tribuo.util.onnx.ONNXOperator;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * {@code ai.onnx.ml.TreeEnsembleClassifier} version 3, which tribuo-util-onnx does not declare: one
 * float input {@code X [N, F]}, outputs {@code Y} (labels, int64 [N]) and {@code Z} (scores, float
 * [N, classes]). Attributes as in the ONNX operator spec; the {@code *_as_tensor} variants are not
 * used.
 */
public enum TreeEnsembleClassifierOperator implements ONNXOperator {
    INSTANCE;

    private static final Map<String, ONNXAttribute> ATTRIBUTES = attributes();

    private static Map<String, ONNXAttribute> attributes() {
        Map<String, ONNXAttribute> attributes = new LinkedHashMap<>();
        add(attributes, "base_values", AttributeType.FLOATS, false);
        add(attributes, "class_ids", AttributeType.INTS, true);
        add(attributes, "class_nodeids", AttributeType.INTS, true);
        add(attributes, "class_treeids", AttributeType.INTS, true);
        add(attributes, "class_weights", AttributeType.FLOATS, true);
        add(attributes, "classlabels_int64s", AttributeType.INTS, false);
        add(attributes, "classlabels_strings", AttributeType.STRINGS, false);
        add(attributes, "nodes_falsenodeids", AttributeType.INTS, true);
        add(attributes, "nodes_featureids", AttributeType.INTS, true);
        add(attributes, "nodes_hitrates", AttributeType.FLOATS, false);
        add(attributes, "nodes_missing_value_tracks_true", AttributeType.INTS, false);
        add(attributes, "nodes_modes", AttributeType.STRINGS, true);
        add(attributes, "nodes_nodeids", AttributeType.INTS, true);
        add(attributes, "nodes_treeids", AttributeType.INTS, true);
        add(attributes, "nodes_truenodeids", AttributeType.INTS, true);
        add(attributes, "nodes_values", AttributeType.FLOATS, true);
        add(attributes, "post_transform", AttributeType.STRING, false);
        return Collections.unmodifiableMap(attributes);
    }

    private static void add(
            Map<String, ONNXAttribute> attributes,
            String name,
            AttributeType type,
            boolean mandatory) {
        attributes.put(name, new ONNXAttribute(name, type, mandatory));
    }

    @Override
    public String getOpName() {
        return "TreeEnsembleClassifier";
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
        return 2;
    }

    @Override
    public Map<String, ONNXAttribute> getAttributes() {
        return ATTRIBUTES;
    }

    @Override
    public Set<String> getMandatoryAttributeNames() {
        return Set.of(
                "class_ids",
                "class_nodeids",
                "class_treeids",
                "class_weights",
                "nodes_falsenodeids",
                "nodes_featureids",
                "nodes_modes",
                "nodes_nodeids",
                "nodes_treeids",
                "nodes_truenodeids",
                "nodes_values");
    }

    @Override
    public int getOpVersion() {
        return OnnxModels.ML_OPSET;
    }

    @Override
    public String getOpDomain() {
        return OnnxModels.ML_DOMAIN;
    }
}
