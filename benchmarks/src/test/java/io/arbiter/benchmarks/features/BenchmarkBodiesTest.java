package io.arbiter.benchmarks.features;

import io.arbiter.operators.features.FeatureWindow;
import io.arbiter.operators.features.IndicatorEngine;
import io.arbiter.operators.features.NormalisedFeatures;
import io.arbiter.operators.features.SymbolFeatures;
import io.arbiter.schemas.FeatureVector;
import io.arbiter.schemas.Regime;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Runs each JMH benchmark body a few thousand times for correctness, not speed. */
class BenchmarkBodiesTest {

    private static final int SYMBOLS = 10;
    private static final int BARS_PER_SYMBOL = 300;

    @Test
    void indicatorEngineGivesEveryColumnAValueAfterWarmUpAndAcrossTheWrap() {
        IndicatorEngineBenchmark benchmark = new IndicatorEngineBenchmark();
        benchmark.symbols = SYMBOLS;
        benchmark.barsPerSymbol = BARS_PER_SYMBOL;
        benchmark.seed = 42;
        benchmark.setUp();
        // Past the end of the pre-generated bars: the pass restarts at the first bar.
        for (int call = 0; call < SYMBOLS * BARS_PER_SYMBOL + 500; call++) {
            double[] out = benchmark.update();
            assertThat(out).hasSize(IndicatorEngine.COLUMNS.size());
            for (int c = 0; c < out.length; c++) {
                assertThat(out[c]).as(IndicatorEngine.COLUMNS.get(c)).isFinite();
            }
        }
    }

    @Test
    void symbolFeaturesEmitsOneCompleteVectorPerBarAcrossTheWrap() {
        SymbolFeaturesBenchmark benchmark = new SymbolFeaturesBenchmark();
        benchmark.symbols = SYMBOLS;
        benchmark.barsPerSymbol = BARS_PER_SYMBOL;
        benchmark.seed = 42;
        benchmark.setUp();
        long previousTime = Long.MIN_VALUE;
        for (int call = 0; call < SYMBOLS * BARS_PER_SYMBOL + 500; call++) {
            FeatureVector vector = benchmark.offerAndRelease();
            assertThat(vector.getSymbol()).isEqualTo(String.format("SYM%04d", call % SYMBOLS));
            assertThat(vector.getTime().toEpochMilli()).isGreaterThanOrEqualTo(previousTime);
            previousTime = vector.getTime().toEpochMilli();
            assertThat(vector.getFeatureSet()).isEqualTo(SymbolFeatures.FEATURE_SET);
            assertThat(vector.getValues())
                    .hasSize(IndicatorEngine.COLUMNS.size())
                    .allSatisfy(value -> assertThat(value).isFinite());
            // Regimes need 252 bars of ATR% history: the set-up pass gave them 300.
            assertThat(vector.getRegime()).isNotEqualTo(Regime.UNKNOWN);
            assertThat(vector.getWindowFeatures()).isEqualTo(NormalisedFeatures.NAMES.size());
            float[][] window =
                    FeatureWindow.fromBytes(vector.getWindow(), vector.getWindowFeatures());
            assertThat(window).hasNumberOfRows(64);
            for (float value : window[63]) {
                assertThat(value).isFinite();
            }
        }
    }
}
