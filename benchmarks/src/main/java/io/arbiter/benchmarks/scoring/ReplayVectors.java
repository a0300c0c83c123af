package io.arbiter.benchmarks.scoring;

import io.arbiter.benchmarks.features.SyntheticBars;
import io.arbiter.models.registry.ScoringModel;
import io.arbiter.operators.features.BatchFeatures;
import io.arbiter.operators.ingest.BarCsv;
import io.arbiter.operators.policy.FeaturePolicy;
import io.arbiter.schemas.FeatureVector;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Feature vectors of synthetic bars, computed once with {@link BatchFeatures} (the stream's own
 * per-symbol classes) before anything is timed, then replayed: the scoring benchmark measures the
 * scoring operator, not the feature stage, which {@code FeatureThroughput} measures on its own.
 *
 * <p>Each symbol's first bars are dropped until every model can score every symbol's vectors (the
 * indicators and the normalised window need a history), so every replayed row is a row some model
 * scores; {@link #expectedSignals()} counts (vector, model) pairs that give a signal, as the
 * operator decides it, so a run can check that nothing was lost.
 *
 * <p>With parallelism {@code p} the array is {@code p} blocks, one per source split, each the
 * time-ordered vectors of every {@code p}-th symbol, as the feature stage's subtasks would emit
 * them.
 *
 * @param vectors in replay order
 * @param rowsPerSymbol vectors kept per symbol
 * @param leadBars bars dropped at the start of every symbol's series
 * @param expectedSignals signals the scoring operator must emit over all vectors
 */
public record ReplayVectors(
        FeatureVector[] vectors, int rowsPerSymbol, int leadBars, long expectedSignals) {

    /**
     * Generates {@code rowsPerSymbol} plus a lead of bars per symbol and keeps the vectors after
     * the lead.
     *
     * @param maxLeadBars the most bars a symbol may need before every model scores it; a longer
     *     history means the models need more than the feature policy provides, and is refused
     * @throws IllegalStateException when the lead is longer than {@code maxLeadBars}
     */
    public static ReplayVectors prepare(
            int symbols,
            int rowsPerSymbol,
            int maxLeadBars,
            long seed,
            int parallelism,
            FeaturePolicy policy,
            Collection<ScoringModel> models)
            throws BatchFeatures.InvalidBarsException {
        int barsPerSymbol = rowsPerSymbol + maxLeadBars;
        SyntheticBars bars = SyntheticBars.generate(symbols, barsPerSymbol, seed);
        // Time-major order, so vector k belongs to step k / symbols of symbol k % symbols.
        List<BarCsv.Row> rows = new ArrayList<>(bars.size());
        for (int t = 0; t < barsPerSymbol; t++) {
            for (int s = 0; s < symbols; s++) {
                rows.add(new BarCsv.Row(rows.size() + 1, bars.bar(bars.index(t, s))));
            }
        }
        List<FeatureVector> computed = BatchFeatures.compute(rows, policy);
        rows.clear();

        int[] signalsAt = new int[computed.size()];
        int lead = 0;
        for (int s = 0; s < symbols; s++) {
            int firstFull = barsPerSymbol;
            for (int t = barsPerSymbol - 1; t >= 0; t--) {
                int k = t * symbols + s;
                signalsAt[k] = scoringModels(computed.get(k), models);
                if (signalsAt[k] != models.size()) {
                    break;
                }
                firstFull = t;
            }
            lead = Math.max(lead, firstFull);
        }
        if (lead > maxLeadBars) {
            throw new IllegalStateException(
                    "some symbol needs "
                            + lead
                            + " bars before every model scores it; at most "
                            + maxLeadBars
                            + " were generated");
        }

        FeatureVector[] vectors = new FeatureVector[rowsPerSymbol * symbols];
        long expected = 0;
        int at = 0;
        for (int block = 0; block < parallelism; block++) {
            for (int t = lead; t < lead + rowsPerSymbol; t++) {
                for (int s = block; s < symbols; s += parallelism) {
                    int k = t * symbols + s;
                    vectors[at++] = computed.get(k);
                    expected += signalsAt[k];
                }
            }
        }
        return new ReplayVectors(vectors, rowsPerSymbol, lead, expected);
    }

    /**
     * How many models give a signal for the vector: those whose feature set it is, whose row it
     * builds, and whose row has no NaN the model cannot take (what {@code SignalScoring} checks).
     */
    static int scoringModels(FeatureVector vector, Collection<ScoringModel> models) {
        int scoring = 0;
        for (ScoringModel model : models) {
            if (!vector.getFeatureSet().equals(model.manifest().featureSet())) {
                continue;
            }
            try {
                if (model.rows().isScorable(model.rows().build(vector))) {
                    scoring++;
                }
            } catch (IllegalArgumentException e) {
                // a window shorter than the model's input: the operator skips it too
            }
        }
        return scoring;
    }
}
