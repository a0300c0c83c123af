package io.arbiter.models.onnx;

import ai.onnx.proto.OnnxMl.AttributeProto.AttributeType;
import org.tribuo.util.onnx.ONNXAttribute;
import org.tribuo.util.onnx.ONNXOperator;
import org.tribuo.util.onnx.ONNXOperators;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Operators that tribuo-util-onnx 4.3 does not declare, described by value so each is one constant:
 * {@link #RELU} and {@link #TREE_ENSEMBLE_CLASSIFIER}.
 */
public final class ExtraOperators implements ONNXOperator {

    /** {@code Relu(X) = max(0, X)}, one input, one output, no attributes. */
    public static final ExtraOperators RELU =
            new ExtraOperators("Relu", "", ONNXOperators.getOpsetVersion(), 1, 1, Map.of());

    /**
     * {@code ai.onnx.ml.TreeEnsembleClassifier} version 3: one float input {@code X [N, F]},
     * outputs {@code Y} (labels, int64 [N]) and {@code Z} (scores, float [N, classes]). Attributes
     * as in the ONNX operator spec; the {@code *_as_tensor} variants are not used.
     */
    public static final ExtraOperators TREE_ENSEMBLE_CLASSIFIER =
            new ExtraOperators(
                    "TreeEnsembleClassifier",
                    OnnxModelFiles.ML_DOMAIN,
                    OnnxModelFiles.ML_OPSET,
                    1,
                    2,
                    treeEnsembleAttributes());

    private final String opName;
    private final String domain;
    private final int version;
    private final int inputs;
    private final int outputs;
    private final Map<String, ONNXAttribute> attributes;
    private final Set<String> mandatory;

    private ExtraOperators(
            String opName,
            String domain,
            int version,
            int inputs,
            int outputs,
            Map<String, ONNXAttribute> attributes) {
        this.opName = opName;
        this.domain = domain;
        this.version = version;
        this.inputs = inputs;
        this.outputs = outputs;
        this.attributes = attributes;
        Set<String> required = new TreeSet<>();
        attributes.forEach(
                (name, attribute) -> {
                    if (attribute.isMandatory()) {
                        required.add(name);
                    }
                });
        this.mandatory = Collections.unmodifiableSet(required);
    }

    private static Map<String, ONNXAttribute> treeEnsembleAttributes() {
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
        return opName;
    }

    @Override
    public int getNumInputs() {
        return inputs;
    }

    @Override
    public int getNumOptionalInputs() {
        return 0;
    }

    @Override
    public int getNumOutputs() {
        return outputs;
    }

    @Override
    public Map<String, ONNXAttribute> getAttributes() {
        return attributes;
    }

    @Override
    public Set<String> getMandatoryAttributeNames() {
        return mandatory;
    }

    @Override
    public int getOpVersion() {
        return version;
    }

    @Override
    public String getOpDomain() {
        return domain;
    }

    @Override
    public String toString() {
        return domain.isEmpty() ? opName : domain + "." + opName;
    }
}
