package io.arbiter.training.dataset;

import io.arbiter.operators.features.BatchFeatures;
import io.arbiter.operators.features.FeatureWindow;
import io.arbiter.operators.features.IndicatorEngine;
import io.arbiter.operators.ingest.BarCsv;
import io.arbiter.operators.policy.Policy;
import io.arbiter.schemas.Bar;
import io.arbiter.schemas.FeatureVector;
import io.arbiter.training.label.FirstTouchLabeler;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DatasetBuilderTest {

    private static final Path MSFT = Path.of("../data/extra/msft_daily.csv");
    private static final Path TTRC = Path.of("../data/raw/ttrc.csv");
    private static final Policy POLICY = Policy.defaults();

    @Test
    void labelsEveryBarWithTheFeatureEnginesAtrAndKeepsTimeOrder() throws Exception {
        Dataset data =
                new DatasetBuilder(POLICY, InputSpec.Columns.defaults(), false)
                        .build(List.of(MSFT));

        List<Bar> bars = BarCsv.read(MSFT, "MSFT", Duration.ZERO);
        List<FeatureVector> vectors =
                BatchFeatures.compute(
                        BarCsv.readTable(MSFT, "MSFT", Duration.ZERO).rows(), POLICY.features());
        int n = bars.size();
        double[] high = new double[n];
        double[] low = new double[n];
        double[] close = new double[n];
        double[] atr = new double[n];
        for (int i = 0; i < n; i++) {
            high[i] = bars.get(i).getHigh();
            low[i] = bars.get(i).getLow();
            close[i] = bars.get(i).getClose();
            atr[i] = vectors.get(i).getValues().get(IndicatorEngine.COLUMNS.indexOf("atr14"));
        }
        int[] expected = new FirstTouchLabeler(POLICY.labels()).label(high, low, close, atr);
        Map<Long, Integer> expectedByTime = new HashMap<>();
        for (int i = 0; i < n; i++) {
            if (expected[i] != FirstTouchLabeler.NO_LABEL) {
                expectedByTime.put(bars.get(i).getTime().toEpochMilli(), i);
            }
        }

        assertThat(data.size()).isEqualTo(expectedByTime.size());
        assertThat(data.size() + data.unlabelled()).isEqualTo(n);
        long previous = Long.MIN_VALUE;
        for (LabelledRow row : data.rows()) {
            assertThat(row.time()).isGreaterThanOrEqualTo(previous);
            previous = row.time();
            int i = expectedByTime.get(row.time());
            assertThat(row.label()).isEqualTo(expected[i]);
            assertThat(row.labelEndTime())
                    .isEqualTo(
                            bars.get(i + POLICY.labels().horizonBars()).getTime().toEpochMilli());
            assertThat(row.input()[0])
                    .isEqualTo(
                            vectors.get(i)
                                    .getValues()
                                    .get(IndicatorEngine.COLUMNS.indexOf("rsi14"))
                                    .floatValue());
        }
        assertThat(data.symbols()).containsExactly("MSFT");
    }

    @Test
    void dropsRowsWithMissingInputsOnlyWhenAsked() throws Exception {
        Dataset kept =
                new DatasetBuilder(POLICY, InputSpec.Columns.defaults(), false)
                        .build(List.of(MSFT));
        Dataset dropped =
                new DatasetBuilder(POLICY, InputSpec.Columns.defaults(), true).build(List.of(MSFT));

        assertThat(kept.rows()).anySatisfy(row -> assertThat(row.input()).contains(Float.NaN));
        assertThat(dropped.rows()).noneSatisfy(row -> assertThat(row.input()).contains(Float.NaN));
        assertThat(dropped.size() + dropped.droppedMissing()).isEqualTo(kept.size());
    }

    @Test
    void aWindowInputIsTheVectorsWindowFlattenedOldestFirst() throws Exception {
        InputSpec.Window window = new InputSpec.Window(POLICY.features().windowBars());
        Dataset data = new DatasetBuilder(POLICY, window, true).build(List.of(TTRC));
        List<FeatureVector> vectors =
                BatchFeatures.compute(
                        BarCsv.readTable(TTRC, "ttrc", Duration.ZERO).rows(), POLICY.features());
        Map<Long, FeatureVector> byTime = new HashMap<>();
        vectors.forEach(v -> byTime.put(v.getTime().toEpochMilli(), v));

        assertThat(data.symbols()).containsExactly("ttrc");
        LabelledRow row = data.rows().get(100);
        FeatureVector vector = byTime.get(row.time());
        float[][] expected =
                FeatureWindow.fromBytes(vector.getWindow(), vector.getWindowFeatures());
        assertThat(row.input()).hasSize(64 * 8);
        for (int bar = 0; bar < 64; bar++) {
            for (int k = 0; k < 8; k++) {
                assertThat(row.input()[bar * 8 + k]).isEqualTo(expected[bar][k]);
            }
        }
        // The drift reference of a window model is the newest row: the bar's own features.
        assertThat(window.referenceValue(row.input(), 7)).isEqualTo(expected[63][7]);
    }

    @Test
    void refusesAWindowLengthThePolicyDoesNotProduce() {
        assertThatThrownBy(() -> new DatasetBuilder(POLICY, new InputSpec.Window(32), true))
                .hasMessageContaining("features.window.bars is 64");
    }

    @Test
    void refusesUnknownFeatureColumnsNamingThemAll() {
        assertThatThrownBy(() -> InputSpec.Columns.of(List.of("rsi14", "rsi15", "foo")))
                .hasMessageContaining("[rsi15, foo]");
    }
}
