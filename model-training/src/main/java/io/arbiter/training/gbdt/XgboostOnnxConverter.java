package io.arbiter.training.gbdt;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.arbiter.training.dataset.InputSpec;
import io.arbiter.training.model.VerifiedOnnx;
import io.arbiter.training.onnx.OnnxCheck;
import io.arbiter.training.onnx.OnnxMismatchException;
import io.arbiter.training.onnx.OnnxModels;
import io.arbiter.training.onnx.TreeEnsembleClassifierOperator;
import org.tribuo.util.onnx.ONNXContext;
import org.tribuo.util.onnx.ONNXInitializer;
import org.tribuo.util.onnx.ONNXNode;
import org.tribuo.util.onnx.ONNXOperators;
import org.tribuo.util.onnx.ONNXPlaceholder;
import org.tribuo.util.onnx.ONNXRef;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Converts an XGBoost {@code binary:logistic} booster, read from its own JSON model format, into an
 * ONNX {@code TreeEnsembleClassifier} (ai.onnx.ml v3), and refuses to hand out a model that ONNX
 * Runtime does not score like XGBoost.
 *
 * <p>The mapping, node by node: XGBoost sends a row left when {@code x < split_condition}, so a
 * split is {@code BRANCH_LT} with the left child as the true branch; a missing value (NaN) follows
 * {@code default_left}, which is {@code nodes_missing_value_tracks_true}. Leaf values (already
 * scaled by the learning rate) are class-0 weights; their sum is the margin. XGBoost stores {@code
 * base_score} as a probability and adds its logit to the margin, which becomes {@code base_values}.
 * {@code post_transform = LOGISTIC} turns the margin into p. ONNX Runtime writes a binary
 * classifier's scores as {@code [·, sigmoid(margin)]} (STACK.md trap 7), so a final {@code Gather}
 * of column 1 gives the one output every Arbiter model has: {@code p_win [N, 1]}.
 *
 * <p>The JSON model format is used rather than the text dump because it carries the float32 split
 * conditions and leaf values at full precision (the dump rounds them to 9 digits).
 */
public final class XgboostOnnxConverter {

    /** Decimals kept as written, so each float32 is parsed once, from XGBoost's own text. */
    private static final ObjectMapper JSON =
            new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private XgboostOnnxConverter() {}

    /**
     * Converts and checks on every row of {@code checkRows}.
     *
     * @param xgboostPredictions XGBoost's own p for each check row
     * @throws OnnxMismatchException if any row differs by more than {@link VerifiedOnnx#TOLERANCE}
     */
    public static VerifiedOnnx convert(
            String xgboostJson, InputSpec input, float[][] checkRows, double[] xgboostPredictions)
            throws Exception {
        byte[] model = toOnnx(xgboostJson, input);
        return OnnxCheck.verified(model, input.inputName(), checkRows, xgboostPredictions);
    }

    /** The ONNX model, unchecked; {@link #convert} is the way to get one to ship. */
    static byte[] toOnnx(String xgboostJson, InputSpec input) throws IOException {
        JsonNode learner = JSON.readTree(xgboostJson).path("learner");
        String objective = learner.path("objective").path("name").asText();
        if (!"binary:logistic".equals(objective)) {
            throw new IOException("only binary:logistic boosters convert, not " + objective);
        }
        JsonNode booster = learner.path("gradient_booster");
        if (!"gbtree".equals(booster.path("name").asText())) {
            throw new IOException("only gbtree boosters convert, not " + booster.path("name"));
        }
        int features = learner.path("learner_model_param").path("num_feature").asInt();
        if (features != input.width()) {
            throw new IOException(
                    "the booster has " + features + " features, the input " + input.width());
        }
        double baseScore =
                baseScore(learner.path("learner_model_param").path("base_score").asText());
        float baseMargin = (float) Math.log(baseScore / (1 - baseScore));

        Nodes nodes = new Nodes();
        JsonNode trees = booster.path("model").path("trees");
        for (int t = 0; t < trees.size(); t++) {
            nodes.addTree(t, trees.get(t));
        }

        Map<String, Object> attributes = nodes.attributes();
        attributes.put("base_values", new float[] {baseMargin});
        attributes.put("classlabels_int64s", new int[] {0, 1});
        attributes.put("post_transform", "LOGISTIC");

        ONNXContext context = new ONNXContext();
        context.setName("arbiter-gbdt");
        ONNXPlaceholder x = context.floatInput(input.inputName(), input.width());
        List<ONNXNode> outputs =
                context.operation(
                        TreeEnsembleClassifierOperator.INSTANCE,
                        List.of(x),
                        List.of("label", "probabilities"),
                        attributes);
        ONNXInitializer column = context.array("positive_column", new long[] {1});
        ONNXNode p =
                context.operation(
                        ONNXOperators.GATHER,
                        List.<ONNXRef<?>>of(outputs.get(1), column),
                        "p_win_gathered",
                        Map.of("axis", 1));
        context.assignTo(p, context.floatOutput(VerifiedOnnx.OUTPUT_NAME, 1));
        return OnnxModels.serialise(
                context.buildGraph(),
                "XGBoost binary:logistic booster of "
                        + trees.size()
                        + " trees as a TreeEnsembleClassifier; output p_win = P(label 1)");
    }

    /** {@code base_score} is written as "5E-1" by some versions and "[5E-1]" by others. */
    static double baseScore(String text) throws IOException {
        String value = text.strip();
        if (value.startsWith("[") && value.endsWith("]")) {
            value = value.substring(1, value.length() - 1).strip();
        }
        if (value.contains(",")) {
            throw new IOException("a vector base_score (multi-target model) does not convert");
        }
        double score = Double.parseDouble(value);
        if (!(score > 0 && score < 1)) {
            throw new IOException("base_score " + score + " is not a probability");
        }
        return score;
    }

    /** The nodes_* and class_* attribute arrays, filled tree by tree. */
    private static final class Nodes {
        private final List<Integer> treeIds = new ArrayList<>();
        private final List<Integer> nodeIds = new ArrayList<>();
        private final List<Integer> featureIds = new ArrayList<>();
        private final List<String> modes = new ArrayList<>();
        private final List<Float> values = new ArrayList<>();
        private final List<Integer> trueIds = new ArrayList<>();
        private final List<Integer> falseIds = new ArrayList<>();
        private final List<Integer> missingTrue = new ArrayList<>();
        private final List<Integer> leafTreeIds = new ArrayList<>();
        private final List<Integer> leafNodeIds = new ArrayList<>();
        private final List<Float> leafWeights = new ArrayList<>();

        void addTree(int tree, JsonNode json) throws IOException {
            JsonNode left = json.path("left_children");
            JsonNode right = json.path("right_children");
            JsonNode splitIndices = json.path("split_indices");
            JsonNode conditions = json.path("split_conditions");
            JsonNode defaultLeft = json.path("default_left");
            JsonNode splitTypes = json.path("split_type");
            int size = left.size();
            if (right.size() != size || conditions.size() != size || splitIndices.size() != size) {
                throw new IOException("tree " + tree + ": node arrays of unequal length");
            }
            if (json.path("tree_param").path("size_leaf_vector").asInt(1) > 1) {
                throw new IOException("tree " + tree + ": vector leaves do not convert");
            }
            for (int node = 0; node < size; node++) {
                treeIds.add(tree);
                nodeIds.add(node);
                // XGBoost writes the shortest text that reads back as its float32.
                float condition = Float.parseFloat(conditions.get(node).asText());
                if (left.get(node).asInt() == -1) {
                    modes.add("LEAF");
                    featureIds.add(0);
                    values.add(0f);
                    trueIds.add(0);
                    falseIds.add(0);
                    missingTrue.add(0);
                    leafTreeIds.add(tree);
                    leafNodeIds.add(node);
                    leafWeights.add(condition); // a leaf's split_condition is its value
                } else {
                    if (splitTypes.size() > node && splitTypes.get(node).asInt() != 0) {
                        throw new IOException(
                                "tree " + tree + " node " + node + ": categorical split");
                    }
                    modes.add("BRANCH_LT");
                    featureIds.add(splitIndices.get(node).asInt());
                    values.add(condition);
                    trueIds.add(left.get(node).asInt());
                    falseIds.add(right.get(node).asInt());
                    missingTrue.add(defaultLeft.get(node).asInt());
                }
            }
        }

        Map<String, Object> attributes() {
            Map<String, Object> attributes = new HashMap<>();
            attributes.put("nodes_treeids", ints(treeIds));
            attributes.put("nodes_nodeids", ints(nodeIds));
            attributes.put("nodes_featureids", ints(featureIds));
            attributes.put("nodes_modes", modes.toArray(String[]::new));
            attributes.put("nodes_values", floats(values));
            attributes.put("nodes_truenodeids", ints(trueIds));
            attributes.put("nodes_falsenodeids", ints(falseIds));
            attributes.put("nodes_missing_value_tracks_true", ints(missingTrue));
            attributes.put("class_treeids", ints(leafTreeIds));
            attributes.put("class_nodeids", ints(leafNodeIds));
            attributes.put("class_ids", new int[leafNodeIds.size()]);
            attributes.put("class_weights", floats(leafWeights));
            return attributes;
        }

        private static int[] ints(List<Integer> values) {
            return values.stream().mapToInt(Integer::intValue).toArray();
        }

        private static float[] floats(List<Float> values) {
            float[] floats = new float[values.size()];
            for (int i = 0; i < floats.length; i++) {
                floats[i] = values.get(i);
            }
            return floats;
        }
    }
}
