package io.arbiter.stream.features;

import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.functions.KeySelector;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;

import io.arbiter.operators.policy.FeaturePolicy;
import io.arbiter.operators.policy.Policy;
import io.arbiter.schemas.Bar;
import io.arbiter.schemas.DeadLetter;
import io.arbiter.schemas.FeatureVector;
import io.arbiter.schemas.SourcedBar;
import io.arbiter.stream.ingest.DeadLetterOutput;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static io.arbiter.operators.TestBars.BEGINNING;
import static io.arbiter.operators.TestBars.ONE_DAY;
import static org.assertj.core.api.Assertions.assertThat;

class FeatureFunctionTest {

    private static final KeySelector<SourcedBar, String> BY_SYMBOL =
            sourced -> sourced.getBar().getSymbol();
    private static final FeaturePolicy POLICY = Policy.defaults().features();
    private static final long DAY = ONE_DAY.toMillis();

    @Test
    void holdsBarsUntilTheWatermarkPassesThemThenEmitsInEventTimeOrder() throws Exception {
        try (var harness = harness(POLICY)) {
            harness.open();
            process(harness, bar("MSFT", 2), 12);
            process(harness, bar("MSFT", 0), 10);
            process(harness, bar("IBM", 0), 11);
            process(harness, bar("MSFT", 1), 13);

            assertThat(harness.extractOutputValues()).isEmpty();
            // A timer whenever a symbol's earliest held bar changes: MSFT@2, MSFT@0, IBM@0.
            assertThat(harness.numEventTimeTimers()).isEqualTo(3);
            assertThat(harness.numKeyedStateEntries()).isEqualTo(2);

            harness.processWatermark(time(1));
            assertThat(harness.extractOutputValues())
                    .extracting(v -> v.getSymbol() + "@" + v.getTime())
                    .containsExactlyInAnyOrder(
                            "MSFT@" + BEGINNING,
                            "IBM@" + BEGINNING,
                            "MSFT@" + BEGINNING.plus(ONE_DAY));
            assertThat(harness.numEventTimeTimers()).isEqualTo(1);

            harness.processWatermark(Long.MAX_VALUE);
            assertThat(harness.extractOutputValues()).hasSize(4);
            assertThat(harness.numEventTimeTimers()).isZero();
            // Indicator state stays per symbol (it is needed for the next bar), nothing else.
            assertThat(harness.numKeyedStateEntries()).isEqualTo(2);
        }
    }

    @Test
    void shuffledInputWithinTheLatenessGivesExactlyTheOutputOfSortedInput() throws Exception {
        List<SourcedBar> sorted = new ArrayList<>();
        for (int day = 0; day < 300; day++) {
            sorted.add(bar("MSFT", day));
            sorted.add(bar("KO", day));
        }
        List<SourcedBar> shuffled = new ArrayList<>(sorted);
        // Shuffle within blocks of 10 bars, and advance the watermark only between blocks.
        Random random = new Random(42);
        for (int from = 0; from < shuffled.size(); from += 10) {
            Collections.shuffle(shuffled.subList(from, from + 10), random);
        }

        assertThat(runInBlocks(shuffled).toString()).isEqualTo(runInBlocks(sorted).toString());
    }

    @Test
    void deadLettersDuplicateAndLateBarsWithTheirPosition() throws Exception {
        try (var harness = harness(POLICY)) {
            harness.open();
            process(harness, bar("MSFT", 5), 1);
            process(harness, bar("MSFT", 5), 2); // same symbol and time, still pending
            harness.processWatermark(time(5));
            process(harness, bar("MSFT", 5), 3); // same as the one processed
            process(harness, bar("MSFT", 4), 4); // behind the watermark

            List<DeadLetter> letters = deadLetters(harness);
            assertThat(letters)
                    .extracting(DeadLetter::getErrorClass)
                    .containsExactly("duplicate", "duplicate", "late");
            assertThat(letters).extracting(DeadLetter::getOffset).containsExactly(2L, 3L, 4L);
            assertThat(letters.get(2).getReason())
                    .startsWith("late: MSFT bar at " + BEGINNING.plus(ONE_DAY.multipliedBy(4)));
            assertThat(letters)
                    .allSatisfy(
                            l -> {
                                assertThat(l.getStage()).isEqualTo("features");
                                assertThat(l.getSourceTopic()).isEqualTo("market.bars");
                                assertThat(l.getPartition()).isEqualTo(3);
                            });
            assertThat(harness.extractOutputValues()).hasSize(1);
        }
    }

    @Test
    void aDeadLetterCarriesTheKeyAndValueBytesTheSourceReadNeverAnEncodingOfTheBar()
            throws Exception {
        // Bytes no encoder of this bar would write: only the source's own copy can be them.
        byte[] key = {'m', 's', 'f', 't', '!'};
        byte[] value = {42, 7, 0, -1, 99};
        try (var harness = harness(POLICY)) {
            harness.open();
            process(harness, bar("MSFT", 5), 1);
            SourcedBar again = bar("MSFT", 5);
            again.setRawKey(ByteBuffer.wrap(key));
            again.setRawValue(ByteBuffer.wrap(value));
            process(harness, again, 2);

            DeadLetter letter = deadLetters(harness).get(0);
            assertThat(letter.getErrorClass()).isEqualTo("duplicate");
            assertThat(bytes(letter.getKey())).isEqualTo(key);
            assertThat(bytes(letter.getValue())).isEqualTo(value);
            assertThat(letter.getTime()).isEqualTo(BEGINNING.plus(ONE_DAY.multipliedBy(5)));
            // Read again, the sourced record still holds all of its bytes.
            assertThat(bytes(again.getRawValue())).isEqualTo(value);
        }
    }

    @Test
    void aBarThatDidNotComeFromKafkaIsDeadLetteredWithoutBytes() throws Exception {
        try (var harness = harness(POLICY)) {
            harness.open();
            process(harness, bar("MSFT", 5), 1);
            process(harness, bar("MSFT", 5), 2);

            DeadLetter letter = deadLetters(harness).get(0);
            assertThat(letter.getKey()).isNull();
            assertThat(letter.getValue()).isNull();
        }
    }

    private static byte[] bytes(ByteBuffer buffer) {
        byte[] bytes = new byte[buffer.remaining()];
        buffer.duplicate().get(bytes);
        return bytes;
    }

    @Test
    void boundsPendingBarsPerSymbolByThePolicy() throws Exception {
        FeaturePolicy tight = new FeaturePolicy(POLICY.regime(), POLICY.windowBars(), 2);
        try (var harness = harness(tight)) {
            harness.open();
            process(harness, bar("MSFT", 0), 1);
            process(harness, bar("MSFT", 1), 2);
            process(harness, bar("MSFT", 2), 3);
            assertThat(deadLetters(harness))
                    .extracting(DeadLetter::getErrorClass)
                    .containsExactly("buffer-full");
            harness.processWatermark(Long.MAX_VALUE);
            assertThat(harness.extractOutputValues()).hasSize(2);
        }
    }

    @Test
    void aRunSnapshottedAndRestoredMidStreamEmitsExactlyWhatAnUninterruptedRunEmits()
            throws Exception {
        List<SourcedBar> bars = new ArrayList<>();
        for (int day = 0; day < 400; day++) {
            bars.add(bar("MSFT", day));
            bars.add(bar("IBM", day));
        }
        String uninterrupted = runInBlocks(bars).toString();

        List<FeatureVector> resumed = new ArrayList<>();
        OperatorSubtaskState snapshot;
        try (var first = harness(POLICY)) {
            first.open();
            // Stop with bars still pending: they must survive the snapshot too.
            for (int i = 0; i < 500; i++) {
                process(first, bars.get(i), i);
            }
            first.processWatermark(time(200));
            snapshot = first.snapshot(1L, 1L);
            resumed.addAll(first.extractOutputValues());
        }
        try (var second = harness(POLICY)) {
            second.initializeState(snapshot);
            second.open();
            // Days 201..249 of both symbols were pending at the snapshot: one timer per symbol,
            // at its earliest held bar, survived with them.
            assertThat(second.numEventTimeTimers()).isEqualTo(2);
            for (int i = 500; i < bars.size(); i++) {
                process(second, bars.get(i), i);
            }
            second.processWatermark(Long.MAX_VALUE);
            resumed.addAll(second.extractOutputValues());
        }
        assertThat(resumed).hasSize(bars.size());
        assertThat(bySymbolThenTime(resumed).toString()).isEqualTo(uninterrupted);
    }

    /** Feeds bars 10 at a time, the watermark following each block; returns the vectors. */
    private static List<FeatureVector> runInBlocks(List<SourcedBar> bars) throws Exception {
        try (var harness = harness(POLICY)) {
            harness.open();
            for (int from = 0; from < bars.size(); from += 10) {
                long newest = Long.MIN_VALUE;
                for (SourcedBar bar : bars.subList(from, Math.min(bars.size(), from + 10))) {
                    process(harness, bar, from);
                    newest = Math.max(newest, bar.getBar().getTime().toEpochMilli());
                }
                harness.processWatermark(newest - 6 * DAY);
            }
            harness.processWatermark(Long.MAX_VALUE);
            return bySymbolThenTime(harness.extractOutputValues());
        }
    }

    /** Order across symbols follows timer order; within a symbol it is event time. */
    private static List<FeatureVector> bySymbolThenTime(List<FeatureVector> vectors) {
        List<FeatureVector> sorted = new ArrayList<>(vectors);
        sorted.sort(
                java.util.Comparator.comparing(FeatureVector::getSymbol)
                        .thenComparing(FeatureVector::getTime));
        return sorted;
    }

    private static KeyedOneInputStreamOperatorTestHarness<String, SourcedBar, FeatureVector>
            harness(FeaturePolicy policy) throws Exception {
        return new KeyedOneInputStreamOperatorTestHarness<>(
                new KeyedProcessOperator<>(new FeatureFunction(policy, "market.bars")),
                BY_SYMBOL,
                Types.STRING);
    }

    private static void process(
            KeyedOneInputStreamOperatorTestHarness<String, SourcedBar, FeatureVector> harness,
            SourcedBar bar,
            long offset)
            throws Exception {
        bar.setOffset(offset);
        harness.processElement(new StreamRecord<>(bar, bar.getBar().getTime().toEpochMilli()));
    }

    private static List<DeadLetter> deadLetters(
            KeyedOneInputStreamOperatorTestHarness<String, SourcedBar, FeatureVector> harness) {
        List<DeadLetter> letters = new ArrayList<>();
        var output = harness.getSideOutput(DeadLetterOutput.TAG);
        if (output != null) {
            output.forEach(record -> letters.add(record.getValue()));
        }
        return letters;
    }

    /** A daily bar with a deterministic, wiggly price path so every indicator moves. */
    private static SourcedBar bar(String symbol, int day) {
        double base = symbol.hashCode() % 50 + 60;
        double close = base + 5 * Math.sin(day / 7.0) + 0.3 * (day % 5);
        Bar bar =
                Bar.newBuilder()
                        .setSymbol(symbol)
                        .setTime(BEGINNING.plus(ONE_DAY.multipliedBy(day)))
                        .setIntervalMillis(DAY)
                        .setOpen(close - 0.4)
                        .setHigh(close + 0.9)
                        .setLow(close - 1.1)
                        .setClose(close)
                        .setVolume(1000 + 37 * (day % 11))
                        .build();
        return new SourcedBar(bar, 3, -1L, null, null);
    }

    private static long time(int day) {
        return BEGINNING.toEpochMilli() + day * DAY;
    }
}
