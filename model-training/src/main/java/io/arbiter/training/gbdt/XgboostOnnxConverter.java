package io.arbiter.training.gbdt;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.arbiter.models.onnx.BinaryTreeEnsemble;
import io.arbiter.models.onnx.OnnxModelFiles;
import io.arbiter.training.dataset.InputSpec;
import io.arbiter.training.model.VerifiedOnnx;
import io.arbiter.training.onnx.OnnxCheck;
import io.arbiter.training.onnx.OnnxMismatchException;
import org.tribuo.util.onnx.ONNXContext;
import org.tribuo.util.onnx.ONNXInitializer;
import org.tribuo.util.onnx.ONNXNode;
import org.tribuo.util.onnx.ONNXOperators;
import org.tribuo.util.onnx.ONNXPlaceholder;
import org.tribuo.util.onnx.ONNXRef;

import java.io.IOException;
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

        BinaryTreeEnsemble ensemble = new BinaryTreeEnsemble();
        JsonNode trees = booster.path("model").path("trees");
        for (int t = 0; t < trees.size(); t++) {
            addTree(ensemble, t, trees.get(t));
        }

        ONNXContext context = new ONNXContext();
        context.setName("arbiter-gbdt");
        ONNXPlaceholder x = context.floatInput(input.inputName(), input.width());
        List<ONNXNode> outputs =
                ensemble.classifier(context, x, baseMargin, "label", "probabilities");
        ONNXInitializer column = context.array("positive_column", new long[] {1});
        ONNXNode p =
                context.operation(
                        ONNXOperators.GATHER,
                        List.<ONNXRef<?>>of(outputs.get(1), column),
                        "p_win_gathered",
                        Map.of("axis", 1));
        context.assignTo(p, context.floatOutput(VerifiedOnnx.OUTPUT_NAME, 1));
        return OnnxModelFiles.serialise(
                context.buildGraph(),
                VerifiedOnnx.PRODUCER,
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

    /** Tree {@code tree} of the booster's JSON, node by node. */
    private static void addTree(BinaryTreeEnsemble ensemble, int tree, JsonNode json)
            throws IOException {
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
            // XGBoost writes the shortest text that reads back as its float32.
            float condition = Float.parseFloat(conditions.get(node).asText());
            if (left.get(node).asInt() == -1) {
                ensemble.leaf(tree, node, condition); // a leaf's split_condition is its value
            } else {
                if (splitTypes.size() > node && splitTypes.get(node).asInt() != 0) {
                    throw new IOException("tree " + tree + " node " + node + ": categorical split");
                }
                ensemble.branch(
                        tree,
                        node,
                        splitIndices.get(node).asInt(),
                        condition,
                        left.get(node).asInt(),
                        right.get(node).asInt(),
                        defaultLeft.get(node).asInt() != 0);
            }
        }
    }
}
