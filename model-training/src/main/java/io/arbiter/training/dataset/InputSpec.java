package io.arbiter.training.dataset;

import io.arbiter.operators.features.IndicatorEngine;
import io.arbiter.operators.features.NormalisedFeatures;
import io.arbiter.schemas.FeatureVector;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * What a model reads from a {@link FeatureVector}: chosen indicator columns by name, or the whole
 * window of normalised rows. The stream builds the same input from the manifest's feature list.
 */
public sealed interface InputSpec permits InputSpec.Columns, InputSpec.Window {

    /**
     * The default columns of the tabular models: the scale-free ones, comparable across symbols and
     * price levels (oscillators, percentages, returns, ATR%). Left out: price-level columns (sma20,
     * ema20, wma20, bb_dn/mavg/up, macd, macd_signal, tr, atr14, vwap20), obv (cumulative, scale of
     * the volume), and roc1 (a near-duplicate of roc1_log, which would make the logistic
     * regression's information matrix nearly singular).
     */
    List<String> DEFAULT_COLUMNS =
            List.of(
                    "rsi14",
                    "bb_pctb",
                    "stoch_fastk",
                    "stoch_fastd",
                    "stoch_slowd",
                    "macd_pct",
                    "macd_signal_pct",
                    "adx14",
                    "di_plus14",
                    "di_minus14",
                    "dx14",
                    "cci20",
                    "volatility20",
                    "roc1_log",
                    "atr_pct");

    /** Floats per input row. */
    int width();

    /** The manifest's {@code features}: column names, or {@code window}. */
    List<String> manifestFeatures();

    /** The ONNX input's name. */
    String inputName();

    /**
     * Writes this vector's input into {@code out} (length {@link #width()}); NaN where undefined.
     */
    void extract(FeatureVector vector, float[] out);

    /** Names of the values kept as the drift reference, see {@link #referenceValue}. */
    List<String> referenceNames();

    /** The {@code k}-th reference value of an input row. */
    float referenceValue(float[] input, int k);

    /** Indicator columns of the {@code ttr28-norm8-v1} feature set, in the given order. */
    record Columns(List<String> names, int[] indices) implements InputSpec {

        public Columns {
            names = List.copyOf(names);
            indices = indices.clone();
        }

        /**
         * @throws IllegalArgumentException naming every unknown column
         */
        public static Columns of(List<String> names) {
            List<String> unknown = new ArrayList<>();
            int[] indices = new int[names.size()];
            for (int i = 0; i < names.size(); i++) {
                indices[i] = IndicatorEngine.COLUMNS.indexOf(names.get(i));
                if (indices[i] < 0) {
                    unknown.add(names.get(i));
                }
            }
            if (names.isEmpty() || !unknown.isEmpty()) {
                throw new IllegalArgumentException(
                        "unknown feature columns "
                                + unknown
                                + "; known: "
                                + IndicatorEngine.COLUMNS);
            }
            return new Columns(names, indices);
        }

        public static Columns defaults() {
            return of(DEFAULT_COLUMNS);
        }

        @Override
        public int width() {
            return names.size();
        }

        @Override
        public List<String> manifestFeatures() {
            return names;
        }

        @Override
        public String inputName() {
            return "features";
        }

        @Override
        public void extract(FeatureVector vector, float[] out) {
            List<Double> values = vector.getValues();
            for (int i = 0; i < indices.length; i++) {
                out[i] = values.get(indices[i]).floatValue();
            }
        }

        @Override
        public List<String> referenceNames() {
            return names;
        }

        @Override
        public float referenceValue(float[] input, int k) {
            return input[k];
        }

        @Override
        public int[] indices() {
            return indices.clone();
        }
    }

    /**
     * The window of {@code bars} normalised rows ({@link NormalisedFeatures#NAMES}), oldest first,
     * flattened row-major: exactly the float32 bytes of {@link FeatureVector#getWindow()}. The
     * drift reference is taken from the newest row, i.e. each bar's own normalised features.
     */
    record Window(int bars) implements InputSpec {

        /** The manifest's single feature name for a window input. */
        public static final String FEATURE_NAME = "window";

        private static final int ROW = NormalisedFeatures.NAMES.size();

        public Window {
            if (bars < 1) {
                throw new IllegalArgumentException(
                        "a window model needs features.window.bars > 0, not " + bars);
            }
        }

        @Override
        public int width() {
            return bars * ROW;
        }

        @Override
        public List<String> manifestFeatures() {
            return List.of(FEATURE_NAME);
        }

        @Override
        public String inputName() {
            return FEATURE_NAME;
        }

        @Override
        public void extract(FeatureVector vector, float[] out) {
            if (vector.getWindowFeatures() != ROW) {
                throw new IllegalArgumentException(
                        "window rows of "
                                + vector.getWindowFeatures()
                                + " features, expected "
                                + ROW);
            }
            ByteBuffer bytes = vector.getWindow().duplicate().order(ByteOrder.LITTLE_ENDIAN);
            if (bytes.remaining() != width() * Float.BYTES) {
                throw new IllegalArgumentException(
                        "window of "
                                + bytes.remaining() / Float.BYTES / ROW
                                + " bars, the model reads "
                                + bars);
            }
            bytes.asFloatBuffer().get(out, 0, width());
        }

        @Override
        public List<String> referenceNames() {
            return NormalisedFeatures.NAMES;
        }

        @Override
        public float referenceValue(float[] input, int k) {
            return input[(bars - 1) * ROW + k];
        }
    }
}
