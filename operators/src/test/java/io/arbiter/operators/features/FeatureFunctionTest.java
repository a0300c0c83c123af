package io.arbiter.operators.features;

import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.functions.KeySelector;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;

import io.arbiter.schemas.Bar;
import io.arbiter.schemas.FeatureVector;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static io.arbiter.operators.TestBars.daily;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class FeatureFunctionTest {

    private static final KeySelector<Bar, String> BY_SYMBOL = Bar::getSymbol;

    @Test
    void emitsTheLogReturnAgainstTheSameSymbolsPreviousClose() throws Exception {
        try (var harness = harness()) {
            harness.open();
            process(harness, daily("MSFT", 0, 60.0));
            process(harness, daily("AAPL", 0, 20.0));
            process(harness, daily("MSFT", 1, 66.0));

            List<FeatureVector> out = outputs(harness);
            assertThat(out)
                    .extracting(FeatureVector::getSymbol)
                    .containsExactly("MSFT", "AAPL", "MSFT");
            assertThat(out.get(0).getValues().get(0)).isNaN();
            assertThat(out.get(1).getValues().get(0)).isNaN();
            assertThat(out.get(2).getValues().get(0)).isCloseTo(Math.log(1.1), within(1e-15));
            assertThat(out.get(2).getFeatureSet()).isEqualTo(LogReturnFeatureSet.ID);
            // One state entry per symbol, and no timers: state is bounded by the symbols seen.
            assertThat(harness.numKeyedStateEntries()).isEqualTo(2);
            assertThat(harness.numEventTimeTimers()).isZero();
            assertThat(harness.numProcessingTimeTimers()).isZero();
        }
    }

    @Test
    void restoredRunEmitsExactlyWhatAnUninterruptedRunEmits() throws Exception {
        List<Bar> bars = new ArrayList<>();
        for (int day = 0; day < 10; day++) {
            bars.add(daily("MSFT", day, 60 + day * 0.5));
            bars.add(daily("IBM", day, 100 - day));
        }

        List<FeatureVector> uninterrupted;
        try (var harness = harness()) {
            harness.open();
            bars.forEach(bar -> process(harness, bar));
            uninterrupted = outputs(harness);
        }

        List<FeatureVector> resumed = new ArrayList<>();
        OperatorSubtaskState snapshot;
        try (var first = harness()) {
            first.open();
            bars.subList(0, 7).forEach(bar -> process(first, bar));
            snapshot = first.snapshot(1L, 1L);
            resumed.addAll(outputs(first));
        }
        try (var second = harness()) {
            second.initializeState(snapshot);
            second.open();
            bars.subList(7, bars.size()).forEach(bar -> process(second, bar));
            resumed.addAll(outputs(second));
        }

        assertThat(resumed).hasSize(bars.size());
        assertThat(resumed.toString()).isEqualTo(uninterrupted.toString());
    }

    private static KeyedOneInputStreamOperatorTestHarness<String, Bar, FeatureVector> harness()
            throws Exception {
        return new KeyedOneInputStreamOperatorTestHarness<>(
                new KeyedProcessOperator<>(new FeatureFunction()), BY_SYMBOL, Types.STRING);
    }

    private static void process(
            KeyedOneInputStreamOperatorTestHarness<String, Bar, FeatureVector> harness, Bar bar) {
        try {
            harness.processElement(new StreamRecord<>(bar, bar.getTime().toEpochMilli()));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<FeatureVector> outputs(
            KeyedOneInputStreamOperatorTestHarness<String, Bar, FeatureVector> harness) {
        return harness.extractOutputValues();
    }
}
