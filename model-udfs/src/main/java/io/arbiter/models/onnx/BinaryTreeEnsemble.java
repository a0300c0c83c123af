package io.arbiter.models.onnx;

import org.tribuo.util.onnx.ONNXContext;
import org.tribuo.util.onnx.ONNXNode;
import org.tribuo.util.onnx.ONNXRef;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A binary gradient-boosted tree ensemble as an ONNX {@code TreeEnsembleClassifier}, collected node
 * by node: branches send a row to their true node when {@code x < threshold} ({@code BRANCH_LT}, as
 * XGBoost splits), a NaN follows the learnt direction, leaves carry class-0 margins that are summed
 * with a base margin, and {@code LOGISTIC} turns the sum into p. ONNX Runtime writes the scores of
 * such a classifier as {@code [·, sigmoid(margin)]}: read column 1 (STACK.md trap 7).
 *
 * <pre>{@code
 * BinaryTreeEnsemble trees = new BinaryTreeEnsemble();
 * trees.branch(0, 0, 3, 0.5f, 1, 2, true); // tree 0, node 0: x[3] < 0.5 → node 1, else 2
 * trees.leaf(0, 1, -0.25f);
 * trees.leaf(0, 2, 0.4f);
 * List<ONNXNode> out = trees.classifier(context, input, -0.2f, "label", "probabilities");
 * }</pre>
 */
public final class BinaryTreeEnsemble {
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

    /**
     * A split of node {@code node} in tree {@code tree}.
     *
     * @param ifLess the node taken when {@code x[feature] < threshold}
     * @param otherwise the node taken when not
     * @param missingGoesLess whether a NaN takes {@code ifLess}
     */
    public void branch(
            int tree,
            int node,
            int feature,
            float threshold,
            int ifLess,
            int otherwise,
            boolean missingGoesLess) {
        add(tree, node, feature, "BRANCH_LT", threshold, ifLess, otherwise, missingGoesLess);
    }

    /** A leaf of node {@code node} in tree {@code tree}, adding {@code margin} to the sum. */
    public void leaf(int tree, int node, float margin) {
        // The node arrays need an entry for leaves too; their split fields are unused.
        add(tree, node, 0, "LEAF", 0f, 0, 0, false);
        leafTreeIds.add(tree);
        leafNodeIds.add(node);
        leafWeights.add(margin);
    }

    /**
     * Adds the classifier over {@code input} to {@code context}.
     *
     * @param baseMargin the margin before any tree (log-odds)
     * @return the label node (int64 [N]) and the probabilities node (float [N, 2])
     */
    public List<ONNXNode> classifier(
            ONNXContext context,
            ONNXRef<?> input,
            float baseMargin,
            String labelName,
            String probabilitiesName) {
        return context.operation(
                ExtraOperators.TREE_ENSEMBLE_CLASSIFIER,
                List.of(input),
                List.of(labelName, probabilitiesName),
                attributes(baseMargin));
    }

    /** The operator's attributes: the node and leaf arrays, two int64 classes, LOGISTIC. */
    Map<String, Object> attributes(float baseMargin) {
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
        attributes.put("base_values", new float[] {baseMargin});
        attributes.put("classlabels_int64s", new int[] {0, 1});
        attributes.put("post_transform", "LOGISTIC");
        return attributes;
    }

    private void add(
            int tree,
            int node,
            int feature,
            String mode,
            float value,
            int ifTrue,
            int ifFalse,
            boolean missingTracksTrue) {
        treeIds.add(tree);
        nodeIds.add(node);
        featureIds.add(feature);
        modes.add(mode);
        values.add(value);
        trueIds.add(ifTrue);
        falseIds.add(ifFalse);
        missingTrue.add(missingTracksTrue ? 1 : 0);
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
