package io.arbiter.stream.models;

import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.operators.co.KeyedCoProcessOperator;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedTwoInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.OperatorSnapshotUtil;

import io.arbiter.operators.features.SymbolFeatures;
import io.arbiter.schemas.ExternalSignal;
import io.arbiter.schemas.FeatureVector;
import io.arbiter.schemas.ModelSignal;
import io.arbiter.schemas.Regime;
import io.arbiter.schemas.SignalSide;
import io.arbiter.stream.state.StateFixtures;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The external-signal regime join's keyed state and timers in the middle of a stream, for its
 * fixture: a Flink operator snapshot ({@link OperatorSnapshotUtil}), since this state's layout is
 * Flink's (a map state of regimes, a list state of waiting signals and a value state of the oldest
 * waiting time). Two symbols; MSFT holds three regimes and four signals waiting (two of one time),
 * IBM one regime and one signal. The continuation restores it, sends more vectors, a late signal
 * and two watermarks, and records every joined signal.
 *
 * <p>{@code state/external-regime-join/v1.snapshot} and {@code v1-continuation.txt} were written by
 * {@link #main} on the code of commit f953b47 (the waiting signals in a {@code ListState}), before
 * they moved to the shared event-time buffer. They are never regenerated.
 *
 * <pre>{@code
 * java -cp "stream/target/test-classes:stream/target/classes:$(cat stream/cp.txt)" \
 *     io.arbiter.stream.models.ExternalRegimeJoinStateFixture stream/src/test/resources/state
 * }</pre>
 *
 * (class path as in {@code SymbolFeaturesStateFixture}).
 */
final class ExternalRegimeJoinStateFixture {

    static final String SNAPSHOT_V1 = "/state/external-regime-join/v1.snapshot";
    static final String CONTINUATION_V1 = "/state/external-regime-join/v1-continuation.txt";

    private static final Instant DAY0 = Instant.parse("2001-03-01T00:00:00Z");

    private ExternalRegimeJoinStateFixture() {}

    static KeyedTwoInputStreamOperatorTestHarness<
                    String, FeatureVector, ExternalSignal, ModelSignal>
            harness() throws Exception {
        return new KeyedTwoInputStreamOperatorTestHarness<>(
                new KeyedCoProcessOperator<>(new ExternalRegimeJoin()),
                FeatureVector::getSymbol,
                ExternalSignal::getSymbol,
                Types.STRING);
    }

    /** Runs the scenario up to the snapshot and takes it. */
    static OperatorSubtaskState richSnapshot() throws Exception {
        try (var harness = harness()) {
            harness.open();
            vector(harness, "MSFT", 0, Regime.LOW_VOL);
            vector(harness, "IBM", 0, Regime.HIGH_VOL);
            harness.processBothWatermarks(new Watermark(day(0)));
            vector(harness, "MSFT", 1, Regime.MED_VOL);
            signal(harness, "MSFT", "llm", 3, 0.61, SignalSide.LONG);
            signal(harness, "MSFT", "ppo", 2, 0.55, SignalSide.SHORT);
            signal(harness, "MSFT", "llm", 2, 0.71, SignalSide.LONG);
            signal(harness, "MSFT", "llm", 5, 0.52, SignalSide.SHORT);
            signal(harness, "IBM", "llm", 2, 0.66, SignalSide.LONG);
            vector(harness, "MSFT", 2, Regime.HIGH_VOL);
            harness.processBothWatermarks(new Watermark(day(1)));
            if (!harness.extractOutputValues().isEmpty()) {
                throw new IllegalStateException("nothing is due before the snapshot");
            }
            return harness.snapshot(1L, 1L);
        }
    }

    /** Restores {@code snapshot} into a fresh join and records what it makes of the rest. */
    static List<String> continuation(OperatorSubtaskState snapshot) throws Exception {
        List<String> lines = new ArrayList<>();
        try (var harness = harness()) {
            harness.initializeState(snapshot);
            harness.open();
            lines.add("timers " + harness.numEventTimeTimers());
            vector(harness, "MSFT", 3, Regime.LOW_VOL);
            vector(harness, "IBM", 2, Regime.MED_VOL);
            harness.processBothWatermarks(new Watermark(day(2)));
            record(lines, harness);
            signal(harness, "MSFT", "llm", 1, 0.9, SignalSide.LONG); // late: joined at once
            signal(harness, "MSFT", "gbdt", 6, 0.58, SignalSide.LONG);
            vector(harness, "MSFT", 5, Regime.MED_VOL);
            harness.processBothWatermarks(new Watermark(day(5)));
            record(lines, harness);
            harness.processBothWatermarks(new Watermark(Long.MAX_VALUE));
            record(lines, harness);
            lines.add("timers " + harness.numEventTimeTimers());
        }
        return lines;
    }

    private static void record(
            List<String> lines,
            KeyedTwoInputStreamOperatorTestHarness<
                            String, FeatureVector, ExternalSignal, ModelSignal>
                    harness) {
        for (ModelSignal signal : harness.extractOutputValues()) {
            lines.add("signal " + signal);
        }
        harness.getOutput().clear();
        lines.add("watermark");
    }

    private static void vector(
            KeyedTwoInputStreamOperatorTestHarness<
                            String, FeatureVector, ExternalSignal, ModelSignal>
                    harness,
            String symbol,
            int day,
            Regime regime)
            throws Exception {
        FeatureVector vector =
                FeatureVector.newBuilder()
                        .setSymbol(symbol)
                        .setTime(DAY0.plus(Duration.ofDays(day)))
                        .setClose(50 + day)
                        .setFeatureSet(SymbolFeatures.FEATURE_SET)
                        .setValues(List.of())
                        .setRegime(regime)
                        .setWindowFeatures(0)
                        .setWindow(ByteBuffer.allocate(0))
                        .build();
        harness.processElement1(new StreamRecord<>(vector, day(day)));
    }

    private static void signal(
            KeyedTwoInputStreamOperatorTestHarness<
                            String, FeatureVector, ExternalSignal, ModelSignal>
                    harness,
            String symbol,
            String model,
            int day,
            double p,
            SignalSide side)
            throws Exception {
        ExternalSignal signal =
                ExternalSignal.newBuilder()
                        .setModel(model)
                        .setVersion("1")
                        .setSymbol(symbol)
                        .setTime(DAY0.plus(Duration.ofDays(day)))
                        .setPWin(p)
                        .setSide(side)
                        .build();
        harness.processElement2(new StreamRecord<>(signal, day(day)));
    }

    private static long day(int day) {
        return DAY0.plus(Duration.ofDays(day)).toEpochMilli();
    }

    /** Writes the snapshot and its continuation under the folder given as the only argument. */
    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]).resolve("external-regime-join");
        Files.createDirectories(dir);
        OperatorSubtaskState snapshot = richSnapshot();
        OperatorSnapshotUtil.writeStateHandle(snapshot, dir.resolve("v1.snapshot").toString());
        StateFixtures.writeLines(dir.resolve("v1-continuation.txt"), continuation(snapshot));
    }
}
