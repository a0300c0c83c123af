package io.arbiter.models.testing;

import io.arbiter.models.manifest.ModelManifest;
import io.arbiter.models.testing.TreeEnsemble.Node;

import java.nio.file.Path;
import java.util.List;

/**
 * The three model kinds with fixed weights, over the first four indicators of the feature set (a
 * dense model) or four indicators with a tree, each with its own hand computation.
 */
public final class TestModels {

    /** The inputs of every test model: indicator columns of ttr28-norm8-v1. */
    public static final List<String> FEATURES = List.of("rsi14", "atr_pct", "adx14", "bb_pctb");

    public static final List<Long> SHAPE = List.of(-1L, 4L);

    public static final float[] LOGISTIC_WEIGHTS = {0.031f, -2.5f, 0.012f, 0.8f};
    public static final float LOGISTIC_BIAS = -1.1f;

    public static final float[][] MLP_W1 = {
        {0.02f, -0.01f, 0.005f},
        {-1.5f, 2.0f, 0.7f},
        {0.01f, 0.03f, -0.02f},
        {0.6f, -0.4f, 1.1f}
    };
    public static final float[] MLP_B1 = {-0.3f, 0.1f, 0.2f};
    public static final float[] MLP_W2 = {0.9f, -1.3f, 0.5f};
    public static final float MLP_B2 = 0.05f;

    /** Three depth-2 trees with mixed-sign margins, as XGBoost's are. */
    public static final TreeEnsemble TREES =
            new TreeEnsemble(
                    -0.2,
                    List.of(
                            List.of(
                                    Node.branch(0, 50f, 1, 2, true),
                                    Node.branch(1, 0.02f, 3, 4, false),
                                    Node.branch(2, 25f, 5, 6, true),
                                    Node.leaf(-0.4f),
                                    Node.leaf(0.3f),
                                    Node.leaf(0.1f),
                                    Node.leaf(0.6f)),
                            List.of(
                                    Node.branch(3, 0.5f, 1, 2, false),
                                    Node.leaf(-0.25f),
                                    Node.branch(0, 70f, 3, 4, true),
                                    Node.leaf(0.35f),
                                    Node.leaf(-0.15f)),
                            List.of(
                                    Node.branch(2, 30f, 1, 2, false),
                                    Node.branch(3, 0.2f, 3, 4, true),
                                    Node.leaf(0.2f),
                                    Node.leaf(-0.5f),
                                    Node.leaf(0.05f))));

    /** Rows over (rsi14, atr_pct, adx14, bb_pctb) that reach every leaf between them. */
    public static final float[][] ROWS = {
        {45f, 0.015f, 20f, 0.1f},
        {45f, 0.030f, 35f, 0.6f},
        {65f, 0.010f, 20f, 0.9f},
        {75f, 0.025f, 40f, 0.4f},
        {30f, 0.012f, 28f, 0.55f},
        {55f, 0.040f, 10f, 0.15f},
        {50f, 0.020f, 25f, 0.5f},
        {80f, 0.005f, 45f, 0.95f}
    };

    private TestModels() {}

    public static double logistic(float[] row) {
        double z = LOGISTIC_BIAS;
        for (int i = 0; i < row.length; i++) {
            z += (double) LOGISTIC_WEIGHTS[i] * row[i];
        }
        return sigmoid(z);
    }

    public static double mlp(float[] row) {
        double z = MLP_B2;
        for (int j = 0; j < MLP_B1.length; j++) {
            double h = MLP_B1[j];
            for (int i = 0; i < row.length; i++) {
                h += (double) MLP_W1[i][j] * row[i];
            }
            z += (double) MLP_W2[j] * Math.max(0, h);
        }
        return sigmoid(z);
    }

    public static byte[] logisticOnnx() {
        return OnnxModels.logistic(LOGISTIC_WEIGHTS, LOGISTIC_BIAS);
    }

    public static byte[] mlpOnnx() {
        return OnnxModels.mlp(MLP_W1, MLP_B1, MLP_W2, MLP_B2);
    }

    public static byte[] treesOnnx() {
        return OnnxModels.trees(TREES, 4, false);
    }

    public static Path writeLogistic(Path directory, String id, String version) {
        byte[] onnx = logisticOnnx();
        return ModelDirs.write(
                directory,
                ModelDirs.manifest(
                        id, version, "logistic", FEATURES, SHAPE, OnnxModels.OUTPUT, onnx),
                onnx);
    }

    public static Path writeMlp(Path directory, String id, String version) {
        byte[] onnx = mlpOnnx();
        return ModelDirs.write(
                directory,
                ModelDirs.manifest(id, version, "mlp", FEATURES, SHAPE, OnnxModels.OUTPUT, onnx),
                onnx);
    }

    public static Path writeTrees(Path directory, String id, String version) {
        byte[] onnx = treesOnnx();
        ModelManifest manifest =
                ModelDirs.manifest(
                        id, version, "gbdt", FEATURES, SHAPE, OnnxModels.TREE_PROBABILITIES, onnx);
        return ModelDirs.write(directory, manifest, onnx);
    }

    private static double sigmoid(double z) {
        return 1 / (1 + Math.exp(-z));
    }
}
