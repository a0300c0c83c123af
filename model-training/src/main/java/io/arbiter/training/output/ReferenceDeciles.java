package io.arbiter.training.output;

import io.arbiter.models.manifest.ModelManifest;
import io.arbiter.operators.health.PopulationStability;
import io.arbiter.operators.health.Quantiles;
import io.arbiter.training.dataset.InputSpec;
import io.arbiter.training.dataset.LabelledRow;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The training distribution of every model input, as the stream's drift check reads it: decile cut
 * points (R type-7 quantiles at 0.1 … 0.9, {@link Quantiles#type7}) and the training share in each
 * right-closed bin {@code (-inf, q1], (q1, q2], …, (q9, inf)}, exactly the bins of {@link
 * PopulationStability}. NaN values (undefined indicators) are left out; a feature with no defined
 * value has no entry.
 */
public final class ReferenceDeciles {

    private static final int BINS = PopulationStability.DEFAULT_BINS;

    private ReferenceDeciles() {}

    public static Map<String, ModelManifest.Reference> of(InputSpec input, List<LabelledRow> rows) {
        Map<String, ModelManifest.Reference> references = new LinkedHashMap<>();
        List<String> names = input.referenceNames();
        for (int k = 0; k < names.size(); k++) {
            double[] values = new double[rows.size()];
            int n = 0;
            for (LabelledRow row : rows) {
                float value = input.referenceValue(row.input(), k);
                if (!Float.isNaN(value)) {
                    values[n++] = value;
                }
            }
            if (n > 0) {
                references.put(names.get(k), of(java.util.Arrays.copyOf(values, n)));
            }
        }
        return references;
    }

    /** Cut points and bin shares of one sample without NaN. */
    public static ModelManifest.Reference of(double[] values) {
        double[] probabilities = new double[BINS - 1];
        for (int k = 1; k < BINS; k++) {
            probabilities[k - 1] = (double) k / BINS;
        }
        double[] cuts = Quantiles.type7(values, probabilities);
        int[] counts = new int[BINS];
        for (double value : values) {
            int below = 0;
            while (below < cuts.length && cuts[below] < value) {
                below++;
            }
            counts[below]++;
        }
        List<Double> cutList = new ArrayList<>(cuts.length);
        for (double cut : cuts) {
            cutList.add(cut);
        }
        List<Double> proportions = new ArrayList<>(BINS);
        for (int count : counts) {
            proportions.add((double) count / values.length);
        }
        return new ModelManifest.Reference(cutList, proportions);
    }
}
