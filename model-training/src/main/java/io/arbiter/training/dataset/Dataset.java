package io.arbiter.training.dataset;

import java.util.List;
import java.util.TreeSet;

/**
 * Labelled rows in time order (then symbol), with what was left out on the way.
 *
 * @param input what each row's input holds
 * @param rows rows sorted by time, then symbol
 * @param unlabelled bars without a label (no ATR yet, or horizon past the end of the data)
 * @param droppedMissing labelled bars dropped because an input was NaN (models that cannot take
 *     missing values)
 */
public record Dataset(InputSpec input, List<LabelledRow> rows, int unlabelled, int droppedMissing) {

    public Dataset {
        rows = List.copyOf(rows);
    }

    public int size() {
        return rows.size();
    }

    public List<String> symbols() {
        return List.copyOf(new TreeSet<>(rows.stream().map(LabelledRow::symbol).toList()));
    }

    /** The rows at these positions, in that order. */
    public List<LabelledRow> select(int[] positions) {
        LabelledRow[] selected = new LabelledRow[positions.length];
        for (int i = 0; i < positions.length; i++) {
            selected[i] = rows.get(positions[i]);
        }
        return List.of(selected);
    }

    /** Share of rows labelled 1. */
    public double positiveShare() {
        return rows.stream().mapToInt(LabelledRow::label).average().orElse(Double.NaN);
    }

    public static float[][] inputs(List<LabelledRow> rows) {
        float[][] inputs = new float[rows.size()][];
        for (int i = 0; i < inputs.length; i++) {
            inputs[i] = rows.get(i).input();
        }
        return inputs;
    }

    public static double[] labels(List<LabelledRow> rows) {
        double[] labels = new double[rows.size()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = rows.get(i).label();
        }
        return labels;
    }
}
