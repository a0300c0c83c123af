package io.arbiter.models.rows;

import io.arbiter.models.manifest.ModelManifest;
import io.arbiter.models.testing.ModelDirs;
import io.arbiter.operators.features.FeatureWindow;
import io.arbiter.operators.features.IndicatorEngine;
import io.arbiter.operators.features.NormalisedFeatures;
import io.arbiter.operators.features.SymbolFeatures;
import io.arbiter.schemas.FeatureVector;
import io.arbiter.schemas.Regime;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FeatureRowsTest {

    private static final Instant BAR_TIME = Instant.parse("2024-03-01T21:00:00Z");
    private static final int WINDOW_BARS = 3;
    private static final int WIDTH = NormalisedFeatures.NAMES.size();

    @Test
    void picksIndicatorColumnsByNameInTheManifestsOrder() {
        FeatureRows rows = FeatureRows.of(manifest("mlp", List.of("atr_pct", "rsi14", "obv"), 3));

        float[] row = rows.build(vector(window()));

        assertThat(row).containsExactly(value("atr_pct"), value("rsi14"), value("obv"));
        assertThat(rows.width()).isEqualTo(3);
        assertThat(rows.windowLength()).isZero();
    }

    @Test
    void windowIsTheWholeWindowOldestBarFirstAsTheFeatureStagePackedIt() {
        FeatureWindow window = window();
        FeatureRows rows = FeatureRows.of(manifest("mlp", List.of("window"), WINDOW_BARS * WIDTH));

        float[] row = rows.build(vector(window));

        float[][] bars = FeatureWindow.fromBytes(window.toBytes(), WIDTH);
        float[] flat = new float[WINDOW_BARS * WIDTH];
        for (int b = 0; b < WINDOW_BARS; b++) {
            System.arraycopy(bars[b], 0, flat, b * WIDTH, WIDTH);
        }
        assertThat(row).containsExactly(flat);
        assertThat(row[0]).isEqualTo(100f); // bar 0, feature 0: the oldest bar first
    }

    @Test
    void indicatorsAndWindowMixInTheManifestsOrder() {
        FeatureRows rows =
                FeatureRows.of(
                        manifest(
                                "mlp",
                                List.of("rsi14", "window", "adx14"),
                                2 + WINDOW_BARS * WIDTH));

        float[] row = rows.build(vector(window()));

        assertThat(row[0]).isEqualTo(value("rsi14"));
        assertThat(row[1]).isEqualTo(100f);
        assertThat(row[row.length - 1]).isEqualTo(value("adx14"));
        assertThat(rows.windowLength()).isEqualTo(WINDOW_BARS * WIDTH);
    }

    @Test
    void keepsNaNAndOnlyTreesMayScoreARowWithOne() {
        FeatureVector warmingUp = vector(window());
        warmingUp.getValues().set(IndicatorEngine.COLUMNS.indexOf("adx14"), Double.NaN);
        List<String> features = List.of("rsi14", "adx14");

        FeatureRows trees = FeatureRows.of(manifest("gbdt", features, 2));
        FeatureRows mlp = FeatureRows.of(manifest("mlp", features, 2));
        FeatureRows logistic = FeatureRows.of(manifest("logistic", features, 2));
        float[] row = trees.build(warmingUp);

        assertThat(row[1]).isNaN();
        assertThat(trees.isScorable(row)).isTrue();
        assertThat(mlp.isScorable(row)).isFalse();
        assertThat(logistic.isScorable(row)).isFalse();
        assertThat(mlp.isScorable(mlp.build(vector(window())))).isTrue();
    }

    @Test
    void aWindowWithBarsBeforeTheFirstIsNotScorableByADenseModel() {
        FeatureWindow young = new FeatureWindow(WINDOW_BARS, WIDTH); // rows before the first: NaN
        young.push(bar(1));
        FeatureRows mlp = FeatureRows.of(manifest("mlp", List.of("window"), WINDOW_BARS * WIDTH));

        assertThat(mlp.isScorable(mlp.build(vector(young)))).isFalse();
    }

    @Test
    void refusesUnknownOrRepeatedNamesAndNamesThatDoNotFillTheInput() {
        assertThatThrownBy(() -> FeatureRows.of(manifest("mlp", List.of("rsi14", "sentiment"), 2)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'sentiment' is not an indicator");
        assertThatThrownBy(() -> FeatureRows.of(manifest("mlp", List.of("rsi14", "rsi14"), 2)))
                .hasMessageContaining("'rsi14' appears twice");
        assertThatThrownBy(() -> FeatureRows.of(manifest("mlp", List.of("rsi14", "adx14"), 3)))
                .hasMessageContaining("cannot fill an input of 3 values");
        assertThatThrownBy(() -> FeatureRows.of(manifest("mlp", List.of("rsi14", "window"), 1)))
                .hasMessageContaining("and a window cannot fill");
    }

    @Test
    void refusesAVectorOfAnotherFeatureSetOrWindowSize() {
        FeatureRows rows =
                FeatureRows.of(manifest("mlp", List.of("window"), 2 * WINDOW_BARS * WIDTH));
        FeatureVector vector = vector(window());

        assertThatThrownBy(() -> rows.build(vector))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("window has 24 values; the model was trained on 48");

        vector.setFeatureSet("ttr28-norm8-v2");
        assertThatThrownBy(() -> rows.build(vector))
                .hasMessageContaining("feature set ttr28-norm8-v2");
    }

    private static ModelManifest manifest(String kind, List<String> features, long width) {
        return ModelDirs.manifest(
                "m", "1", kind, features, List.of(-1L, width), "output", new byte[0]);
    }

    /** Indicator i has the value 10·i + 0.5, so every column is told apart. */
    private static float value(String indicator) {
        return 10f * IndicatorEngine.COLUMNS.indexOf(indicator) + 0.5f;
    }

    /** A full window whose bar b, feature j holds 100·(b + 1) + j. */
    private static FeatureWindow window() {
        FeatureWindow window = new FeatureWindow(WINDOW_BARS, WIDTH);
        for (int b = 0; b < WINDOW_BARS; b++) {
            window.push(bar(b + 1));
        }
        return window;
    }

    private static float[] bar(int number) {
        float[] row = new float[WIDTH];
        for (int j = 0; j < WIDTH; j++) {
            row[j] = 100f * number + j;
        }
        return row;
    }

    private static FeatureVector vector(FeatureWindow window) {
        List<Double> values = new ArrayList<>();
        for (String column : IndicatorEngine.COLUMNS) {
            values.add((double) value(column));
        }
        ByteBuffer bytes = window.toBytes();
        return FeatureVector.newBuilder()
                .setSymbol("AAPL")
                .setTime(BAR_TIME)
                .setClose(187.5)
                .setFeatureSet(SymbolFeatures.FEATURE_SET)
                .setValues(values)
                .setRegime(Regime.MED_VOL)
                .setWindowFeatures(WIDTH)
                .setWindow(bytes)
                .build();
    }
}
