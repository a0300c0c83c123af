package io.arbiter.training.gbdt;

import io.arbiter.training.dataset.InputSpec;
import io.arbiter.training.model.TrainedModel;
import io.arbiter.training.model.VerifiedOnnx;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoostError;

import java.nio.charset.StandardCharsets;

/** A trained booster; its predictions are XGBoost's own, its export goes through our converter. */
public final class XgboostModel implements TrainedModel {

    private final Booster booster;
    private final XgboostTrainer.Params params;

    XgboostModel(Booster booster, XgboostTrainer.Params params) {
        this.booster = booster;
        this.params = params;
    }

    /** XGBoost's own JSON model (full-precision split conditions and leaf values). */
    public String json() {
        try {
            return new String(booster.toByteArray("json"), StandardCharsets.UTF_8);
        } catch (XGBoostError e) {
            throw new IllegalStateException("cannot save the booster as JSON", e);
        }
    }

    @Override
    public double[] predict(float[][] inputs) {
        try {
            DMatrix matrix = XgboostTrainer.matrix(inputs);
            try {
                float[][] predictions = booster.predict(matrix);
                double[] p = new double[predictions.length];
                for (int i = 0; i < p.length; i++) {
                    p[i] = predictions[i][0];
                }
                return p;
            } finally {
                matrix.dispose();
            }
        } catch (XGBoostError e) {
            throw new IllegalStateException("XGBoost prediction failed: " + e.getMessage(), e);
        }
    }

    @Override
    public VerifiedOnnx exportOnnx(InputSpec input, float[][] checkRows) throws Exception {
        return XgboostOnnxConverter.convert(json(), input, checkRows, predict(checkRows));
    }

    @Override
    public void close() {
        booster.dispose();
    }

    @Override
    public String describe() {
        return String.format(
                "XGBoost %d trees, depth %d, eta %s, subsample %s, colsample %s, min_child_weight"
                        + " %s, lambda %s, seed %d, nthread %d",
                params.rounds(),
                params.maxDepth(),
                params.eta(),
                params.subsample(),
                params.columnSample(),
                params.minChildWeight(),
                params.lambda(),
                params.seed(),
                params.threads());
    }
}
