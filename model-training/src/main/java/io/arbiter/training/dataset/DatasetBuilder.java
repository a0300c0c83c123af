package io.arbiter.training.dataset;

import io.arbiter.operators.features.BatchFeatures;
import io.arbiter.operators.features.IndicatorEngine;
import io.arbiter.operators.ingest.BarCsv;
import io.arbiter.operators.policy.Policy;
import io.arbiter.schemas.Bar;
import io.arbiter.schemas.FeatureVector;
import io.arbiter.training.label.FirstTouchLabeler;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds labelled rows from bar files with the stream's own feature engine ({@link BatchFeatures}),
 * so a model sees in training exactly the vectors it will be scored on.
 *
 * <pre>{@code
 * Dataset data =
 *         new DatasetBuilder(Policy.defaults(), InputSpec.Columns.defaults(), true)
 *                 .build(List.of(Path.of("data/bars/dowjones30_daily.csv")));
 * }</pre>
 *
 * <p>Each file runs through its own feature engine; a file without a Symbol column takes its file
 * name as the symbol. Two files may hold the same symbol (e.g. close-derived and real MSFT bars):
 * they stay two separate series.
 */
public final class DatasetBuilder {

    private static final int ATR14 = IndicatorEngine.COLUMNS.indexOf("atr14");

    private final Policy policy;
    private final InputSpec input;
    private final boolean dropMissing;

    /**
     * @param dropMissing drop rows with a NaN input (logistic, MLP); keep them for models that
     *     route missing values themselves (XGBoost)
     */
    public DatasetBuilder(Policy policy, InputSpec input, boolean dropMissing) {
        this.policy = policy;
        this.input = input;
        this.dropMissing = dropMissing;
        if (input instanceof InputSpec.Window window
                && window.bars() != policy.features().windowBars()) {
            throw new IllegalArgumentException(
                    "the model reads "
                            + window.bars()
                            + " bars but the policy's features.window.bars is "
                            + policy.features().windowBars());
        }
    }

    public Dataset build(List<Path> files) throws IOException, BatchFeatures.InvalidBarsException {
        FirstTouchLabeler labeler = new FirstTouchLabeler(policy.labels());
        List<LabelledRow> rows = new ArrayList<>();
        int[] unlabelled = {0};
        int[] droppedMissing = {0};
        for (Path file : files) {
            BarCsv.Table table = BarCsv.readTable(file, symbolOf(file), Duration.ZERO);
            List<FeatureVector> vectors = BatchFeatures.compute(table.rows(), policy.features());
            Map<String, List<Integer>> bySymbol = new LinkedHashMap<>();
            for (int i = 0; i < vectors.size(); i++) {
                bySymbol.computeIfAbsent(vectors.get(i).getSymbol(), s -> new ArrayList<>()).add(i);
            }
            for (List<Integer> series : bySymbol.values()) {
                series.sort(Comparator.comparing(i -> vectors.get(i).getTime()));
                addSeries(table, vectors, series, labeler, rows, unlabelled, droppedMissing);
            }
        }
        rows.sort(Comparator.comparingLong(LabelledRow::time).thenComparing(LabelledRow::symbol));
        return new Dataset(input, rows, unlabelled[0], droppedMissing[0]);
    }

    private void addSeries(
            BarCsv.Table table,
            List<FeatureVector> vectors,
            List<Integer> series,
            FirstTouchLabeler labeler,
            List<LabelledRow> rows,
            int[] unlabelled,
            int[] droppedMissing) {
        int n = series.size();
        double[] high = new double[n];
        double[] low = new double[n];
        double[] close = new double[n];
        double[] atr = new double[n];
        for (int k = 0; k < n; k++) {
            Bar bar = table.rows().get(series.get(k)).bar();
            high[k] = bar.getHigh();
            low[k] = bar.getLow();
            close[k] = bar.getClose();
            atr[k] = vectors.get(series.get(k)).getValues().get(ATR14);
        }
        int[] labels = labeler.label(high, low, close, atr);
        for (int k = 0; k < n; k++) {
            if (labels[k] == FirstTouchLabeler.NO_LABEL) {
                unlabelled[0]++;
                continue;
            }
            FeatureVector vector = vectors.get(series.get(k));
            float[] values = new float[input.width()];
            input.extract(vector, values);
            if (dropMissing && hasNaN(values)) {
                droppedMissing[0]++;
                continue;
            }
            long labelEnd =
                    vectors.get(series.get(k + labeler.horizonBars())).getTime().toEpochMilli();
            rows.add(
                    new LabelledRow(
                            vector.getSymbol(),
                            vector.getTime().toEpochMilli(),
                            labelEnd,
                            vector.getRegime(),
                            labels[k],
                            values));
        }
    }

    private static boolean hasNaN(float[] values) {
        for (float value : values) {
            if (Float.isNaN(value)) {
                return true;
            }
        }
        return false;
    }

    /** The symbol of a file without a Symbol column: its name without the extension. */
    static String symbolOf(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
