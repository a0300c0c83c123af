package io.arbiter.models.testing;

import java.util.List;

/**
 * A binary tree ensemble as XGBoost writes one (branch {@code x < threshold}, a learnt direction
 * for missing values, leaf margins summed with a base margin, sigmoid at the end), with the hand
 * traversal the ONNX model's scores are checked against.
 *
 * @param baseMargin the margin before any tree (log-odds)
 * @param trees each tree's nodes, node 0 its root
 */
public record TreeEnsemble(double baseMargin, List<List<TreeEnsemble.Node>> trees) {

    /**
     * A branch ({@code feature ≥ 0}) or a leaf ({@code feature = -1}, {@code leaf} its margin).
     *
     * @param ifLess the node taken when {@code x < threshold}
     * @param otherwise the node taken when not
     * @param missingGoesLess where a NaN goes
     */
    public record Node(
            int feature,
            float threshold,
            int ifLess,
            int otherwise,
            boolean missingGoesLess,
            float leaf) {

        public static Node branch(
                int feature, float threshold, int ifLess, int otherwise, boolean missingGoesLess) {
            return new Node(feature, threshold, ifLess, otherwise, missingGoesLess, 0f);
        }

        public static Node leaf(float margin) {
            return new Node(-1, 0f, -1, -1, false, margin);
        }

        public boolean isLeaf() {
            return feature < 0;
        }
    }

    /** sigmoid(base + Σ leaf margins), walking each tree by hand. */
    public double probability(float[] row) {
        double margin = baseMargin;
        for (List<Node> tree : trees) {
            Node node = tree.get(0);
            while (!node.isLeaf()) {
                float x = row[node.feature()];
                boolean less = Float.isNaN(x) ? node.missingGoesLess() : x < node.threshold();
                node = tree.get(less ? node.ifLess() : node.otherwise());
            }
            margin += node.leaf();
        }
        return 1 / (1 + Math.exp(-margin));
    }
}
