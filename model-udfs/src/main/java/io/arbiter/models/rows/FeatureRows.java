package io.arbiter.models.rows;

import io.arbiter.models.manifest.ModelManifest;
import io.arbiter.operators.features.IndicatorEngine;
import io.arbiter.schemas.FeatureVector;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Builds a model's input row from a {@link FeatureVector}, in the order of the manifest's {@code
 * features}: an indicator name takes that indicator's value (its index in {@link
 * IndicatorEngine#COLUMNS} is its index in the vector's {@code values}); the name {@value #WINDOW}
 * takes the whole window of normalised features, row-major, oldest bar first, as the feature stage
 * packed it. The row is what the model was trained on because both come from the same feature code.
 *
 * <pre>{@code
 * FeatureRows rows = FeatureRows.of(manifest);
 * float[] row = rows.build(vector);
 * if (rows.isScorable(row)) { ... }
 * }</pre>
 *
 * <p>Missing values: a NaN (an indicator still warming up, a window row before the symbol's first
 * bar) is kept as NaN. Trees ({@code gbdt}) route it down the branch they learnt for missing
 * values; dense models ({@code mlp}, {@code logistic}) are trained on rows without NaN and would
 * answer NaN, so {@link #isScorable} is false for such a row and the caller skips it (no signal for
 * that model at that bar) rather than scoring it.
 */
public final class FeatureRows {

    /** The feature name that stands for the whole window. */
    public static final String WINDOW = "window";

    private final String featureSet;
    private final int[] layout; // per feature: index into values, or -1 for the window
    private final int width;
    private final int windowLength;
    private final boolean acceptsMissing;

    private FeatureRows(
            String featureSet, int[] layout, int width, int windowLength, boolean acceptsMissing) {
        this.featureSet = featureSet;
        this.layout = layout;
        this.width = width;
        this.windowLength = windowLength;
        this.acceptsMissing = acceptsMissing;
    }

    /**
     * The rows of the model that {@code manifest} describes.
     *
     * @throws IllegalArgumentException when a feature name is unknown or repeated, or the names do
     *     not fill the manifest's input shape
     */
    public static FeatureRows of(ModelManifest manifest) {
        List<String> names = manifest.features();
        List<Long> shape = manifest.inputShape();
        if (names == null || names.isEmpty() || shape == null || shape.size() < 2) {
            throw new IllegalArgumentException("the manifest names no features or input shape");
        }
        long width = 1;
        for (Long dimension : shape.subList(1, shape.size())) {
            width = Math.multiplyExact(width, dimension);
        }
        List<String> problems = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        int[] layout = new int[names.size()];
        int indicators = 0;
        boolean window = false;
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            if (!seen.add(name)) {
                problems.add("'" + name + "' appears twice");
            }
            if (WINDOW.equals(name)) {
                layout[i] = -1;
                window = true;
            } else {
                layout[i] = IndicatorEngine.COLUMNS.indexOf(name);
                indicators++;
                if (layout[i] < 0) {
                    problems.add("'" + name + "' is not an indicator of " + manifest.featureSet());
                }
            }
        }
        long windowLength = width - indicators;
        if (window ? windowLength <= 0 : windowLength != 0) {
            problems.add(
                    indicators
                            + " indicator(s)"
                            + (window ? " and a window" : "")
                            + " cannot fill an input of "
                            + width
                            + " values (inputShape "
                            + shape
                            + ")");
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("features: " + String.join("; ", problems));
        }
        return new FeatureRows(
                manifest.featureSet(),
                layout,
                (int) width,
                (int) windowLength,
                manifest.acceptsMissingValues());
    }

    /** Values per row. */
    public int width() {
        return width;
    }

    /** Floats the window contributes (bars × values per bar); 0 when the model takes none. */
    public int windowLength() {
        return windowLength;
    }

    /** True when the model takes NaN inputs (trees). */
    public boolean acceptsMissing() {
        return acceptsMissing;
    }

    /**
     * The model's row for {@code vector}, NaN kept.
     *
     * @throws IllegalArgumentException when the vector is of another feature set or its window has
     *     another size than the model was trained on (the model cannot score this stream)
     */
    public float[] build(FeatureVector vector) {
        if (!featureSet.equals(vector.getFeatureSet())) {
            throw new IllegalArgumentException(
                    "the vector is of feature set "
                            + vector.getFeatureSet()
                            + "; the model reads "
                            + featureSet);
        }
        List<Double> values = vector.getValues();
        float[] row = new float[width];
        int at = 0;
        for (int index : layout) {
            if (index >= 0) {
                if (index >= values.size()) {
                    throw new IllegalArgumentException(
                            "the vector has " + values.size() + " values; no index " + index);
                }
                row[at++] = values.get(index).floatValue();
            } else {
                at = copyWindow(vector.getWindow(), row, at);
            }
        }
        return row;
    }

    /** False when the row holds a NaN and the model cannot take one: skip it, do not score it. */
    public boolean isScorable(float[] row) {
        return acceptsMissing || !hasMissing(row);
    }

    public static boolean hasMissing(float[] row) {
        for (float value : row) {
            if (Float.isNaN(value)) {
                return true;
            }
        }
        return false;
    }

    private int copyWindow(ByteBuffer window, float[] row, int at) {
        ByteBuffer bytes = window.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        int floats = bytes.remaining() / Float.BYTES;
        if (floats != windowLength) {
            throw new IllegalArgumentException(
                    "the vector's window has "
                            + floats
                            + " values; the model was trained on "
                            + windowLength);
        }
        bytes.asFloatBuffer().get(row, at, windowLength);
        return at + windowLength;
    }
}
