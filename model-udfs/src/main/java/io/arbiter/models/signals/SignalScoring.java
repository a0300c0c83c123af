package io.arbiter.models.signals;

import io.arbiter.models.gating.SignalGate;
import io.arbiter.models.registry.ScoringModel;
import io.arbiter.models.scoring.ScoringException;
import io.arbiter.operators.features.IndicatorEngine;
import io.arbiter.schemas.FeatureVector;
import io.arbiter.schemas.ModelSignal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Scores a batch of feature vectors with every model and gates the results: one ORT run per model
 * per batch. The stream's scoring operator and the offline {@code score} command both call this, so
 * their signals are the same. A model's score depends only on its row, never on the batch it was
 * in, so results do not depend on when a batch was flushed.
 */
public final class SignalScoring {

    /** A model that failed while scoring; its signals of this batch are dropped. */
    public record ModelFailure(String model, String version, String reason) {}

    /**
     * @param signals in (vector, model id) order
     * @param unscorable rows a model could not take (missing inputs, young window)
     */
    public record Result(
            List<ModelSignal> signals,
            List<ModelFailure> failures,
            long unscorable,
            Map<String, Long> scoringNanos) {}

    private final SignalGate gate;

    public SignalScoring(SignalGate gate) {
        this.gate = gate;
    }

    public Result score(List<FeatureVector> vectors, Collection<ScoringModel> models) {
        List<ScoringModel> ordered = new ArrayList<>(models);
        ordered.sort(Comparator.comparing(ScoringModel::id));
        ModelSignal[][] byVectorAndModel = new ModelSignal[vectors.size()][ordered.size()];
        List<ModelFailure> failures = new ArrayList<>();
        long unscorable = 0;
        // Wall time of each model's run on this batch, for the scoring-latency breaker only.
        Map<String, Long> scoringNanos = new TreeMap<>();
        for (int m = 0; m < ordered.size(); m++) {
            ScoringModel model = ordered.get(m);
            List<float[]> rows = new ArrayList<>(vectors.size());
            List<Integer> rowOf = new ArrayList<>(vectors.size());
            for (int v = 0; v < vectors.size(); v++) {
                FeatureVector vector = vectors.get(v);
                float[] row = rowFor(model, vector);
                if (row == null || !model.rows().isScorable(row)) {
                    unscorable++;
                    continue;
                }
                rows.add(row);
                rowOf.add(v);
            }
            if (rows.isEmpty()) {
                continue;
            }
            double[] p;
            try {
                long started = System.nanoTime();
                p = model.scorer().score(rows.toArray(new float[0][]));
                scoringNanos.put(model.id(), System.nanoTime() - started);
            } catch (ScoringException | RuntimeException e) {
                failures.add(
                        new ModelFailure(
                                model.id(), model.version(), String.valueOf(e.getMessage())));
                continue;
            }
            for (int i = 0; i < p.length; i++) {
                FeatureVector vector = vectors.get(rowOf.get(i));
                if (!SignalGate.isProbability(p[i])) {
                    failures.add(
                            new ModelFailure(
                                    model.id(),
                                    model.version(),
                                    "output "
                                            + p[i]
                                            + " for "
                                            + vector.getSymbol()
                                            + " at "
                                            + vector.getTime()
                                            + " is not a probability"));
                    continue;
                }
                ModelSignal signal =
                        gate.gate(
                                model.id(),
                                model.version(),
                                vector.getSymbol(),
                                vector.getTime(),
                                vector.getRegime(),
                                p[i],
                                model.calibrators());
                signal.setClose(vector.getClose());
                signal.setAtr(atrOf(vector));
                byVectorAndModel[rowOf.get(i)][m] = signal;
            }
        }
        List<ModelSignal> signals = new ArrayList<>();
        for (ModelSignal[] ofVector : byVectorAndModel) {
            for (ModelSignal signal : ofVector) {
                if (signal != null) {
                    signals.add(signal);
                }
            }
        }
        return new Result(signals, failures, unscorable, scoringNanos);
    }

    private static final int ATR = IndicatorEngine.COLUMNS.indexOf("atr14");

    /** ATR(14) of the vector's bar in price units; 0 when not yet defined. */
    public static double atrOf(FeatureVector vector) {
        Double atr = ATR < vector.getValues().size() ? vector.getValues().get(ATR) : null;
        return atr == null || !Double.isFinite(atr) ? 0 : atr;
    }

    /** The model's row for the vector, or null when the vector cannot feed this model. */
    private static float[] rowFor(ScoringModel model, FeatureVector vector) {
        if (!vector.getFeatureSet().equals(model.manifest().featureSet())) {
            return null;
        }
        try {
            return model.rows().build(vector);
        } catch (IllegalArgumentException e) {
            return null; // e.g. a window shorter than the model's input
        }
    }
}
