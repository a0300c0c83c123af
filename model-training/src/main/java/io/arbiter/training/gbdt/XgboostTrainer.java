package io.arbiter.training.gbdt;

import io.arbiter.training.dataset.Dataset;
import io.arbiter.training.dataset.LabelledRow;
import io.arbiter.training.model.Trainer;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Gradient-boosted trees with XGBoost4J ({@code binary:logistic}, histogram method), seeded and on
 * a fixed number of threads so that the same rows give the same trees. NaN inputs are missing
 * values: each split learns which way they go.
 *
 * <pre>{@code
 * XgboostModel model = new XgboostTrainer(XgboostTrainer.Params.defaults()).fit(rows);
 * }</pre>
 */
public final class XgboostTrainer implements Trainer {

    /**
     * @param rounds boosting rounds (trees)
     * @param maxDepth depth of each tree
     * @param eta learning rate
     * @param subsample share of rows drawn per tree
     * @param columnSample share of columns drawn per tree
     * @param minChildWeight minimum hessian sum in a leaf (about p(1−p)·rows): large values keep
     *     noisy daily data from growing leaves of a handful of bars
     * @param lambda L2 penalty on leaf weights
     * @param seed the random seed
     * @param threads XGBoost's nthread; results are reproducible for a fixed value
     */
    public record Params(
            int rounds,
            int maxDepth,
            double eta,
            double subsample,
            double columnSample,
            double minChildWeight,
            double lambda,
            long seed,
            int threads) {

        /** The shipped model's settings: 200 trees of depth 4, strongly regularised. */
        public static Params defaults() {
            return new Params(200, 4, 0.05, 0.8, 0.8, 20, 1.0, 42, 1);
        }

        public Params withRounds(int newRounds, int newDepth) {
            return new Params(
                    newRounds,
                    newDepth,
                    eta,
                    subsample,
                    columnSample,
                    minChildWeight,
                    lambda,
                    seed,
                    threads);
        }

        Map<String, Object> toXgboost() {
            Map<String, Object> params = new HashMap<>();
            params.put("objective", "binary:logistic");
            params.put("eval_metric", "logloss");
            params.put("tree_method", "hist");
            params.put("max_depth", maxDepth);
            params.put("eta", eta);
            params.put("subsample", subsample);
            params.put("colsample_bytree", columnSample);
            params.put("min_child_weight", minChildWeight);
            params.put("lambda", lambda);
            params.put("seed", seed);
            params.put("nthread", threads);
            params.put("verbosity", 0);
            return params;
        }
    }

    private final Params params;

    public XgboostTrainer(Params params) {
        this.params = params;
    }

    @Override
    public String kind() {
        return "gbdt";
    }

    @Override
    public boolean acceptsMissing() {
        return true;
    }

    @Override
    public XgboostModel fit(List<LabelledRow> rows) {
        try {
            DMatrix train = matrix(Dataset.inputs(rows));
            try {
                train.setLabel(toFloats(Dataset.labels(rows)));
                Booster booster =
                        XGBoost.train(
                                train, params.toXgboost(), params.rounds(), Map.of(), null, null);
                return new XgboostModel(booster, params);
            } finally {
                train.dispose();
            }
        } catch (XGBoostError e) {
            throw new IllegalStateException("XGBoost training failed: " + e.getMessage(), e);
        }
    }

    /** A dense matrix with NaN as the missing value. */
    static DMatrix matrix(float[][] inputs) throws XGBoostError {
        int width = inputs.length == 0 ? 0 : inputs[0].length;
        float[] flat = new float[inputs.length * width];
        for (int i = 0; i < inputs.length; i++) {
            System.arraycopy(inputs[i], 0, flat, i * width, width);
        }
        return new DMatrix(flat, inputs.length, width, Float.NaN);
    }

    private static float[] toFloats(double[] values) {
        float[] floats = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            floats[i] = (float) values[i];
        }
        return floats;
    }
}
