package io.arbiter.stream.models;

import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.OperatorSnapshotUtil;
import org.apache.flink.streaming.util.TwoInputStreamOperatorTestHarness;

import io.arbiter.models.signals.ScoringSettings;
import io.arbiter.models.testing.TestModels;
import io.arbiter.operators.features.IndicatorEngine;
import io.arbiter.operators.features.SymbolFeatures;
import io.arbiter.operators.policy.Policy;
import io.arbiter.schemas.ControlCommand;
import io.arbiter.schemas.FeatureVector;
import io.arbiter.schemas.GovernanceEvent;
import io.arbiter.schemas.ModelSignal;
import io.arbiter.schemas.Regime;
import io.arbiter.stream.state.StateFixtures;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The scoring operator's broadcast state (model id → the directory a command registered it from, or
 * "" once retired), for its fixture: a Flink operator snapshot ({@link OperatorSnapshotUtil}),
 * since the state is a {@code MapState<String, String>} whose layout is Flink's. One model
 * registered by command from outside the models folder, one of the folder retired. The continuation
 * restores it over the same folders and records which models score.
 *
 * <p>Registrations hold absolute paths, so the models live at fixed ones ({@link #HOME}), written
 * again, identically, by the continuation. {@code state/scoring-registrations/v1.snapshot} and
 * {@code v1-continuation.txt} were written by {@link #main} on the code of commit 3fd6030 (state
 * unchanged since registrations by command were introduced). They are never regenerated.
 *
 * <pre>{@code
 * java -cp "stream/target/test-classes:stream/target/classes:$(cat stream/cp.txt)" \
 *     io.arbiter.stream.models.ScoringRegistrationsStateFixture stream/src/test/resources/state
 * }</pre>
 *
 * (class path as in {@code SymbolFeaturesStateFixture}).
 */
final class ScoringRegistrationsStateFixture {

    static final String SNAPSHOT_V1 = "/state/scoring-registrations/v1.snapshot";
    static final String CONTINUATION_V1 = "/state/scoring-registrations/v1-continuation.txt";

    /** Where the fixture's models live: the snapshot names these paths. */
    static final Path HOME = Path.of("/tmp/arbiter-state-fixtures/scoring");

    private static final Path FOLDER = HOME.resolve("folder");
    private static final Path REGISTERED = HOME.resolve("registered").resolve("logit2");
    private static final Instant BEGINNING = Instant.parse("2024-03-04T00:00:00Z");

    private ScoringRegistrationsStateFixture() {}

    static TwoInputStreamOperatorTestHarness<FeatureVector, ControlCommand, ModelSignal> harness()
            throws Exception {
        TestModels.writeLogistic(FOLDER.resolve("logit"), "logit", "1");
        TestModels.writeLogistic(REGISTERED, "logit2", "7");
        return new TwoInputStreamOperatorTestHarness<>(
                new ScoringOperator(
                        new ScoringSettings(
                                FOLDER.toString(),
                                64,
                                Duration.ofMillis(5),
                                "cpu",
                                Policy.defaults().gates(),
                                "test-policy")));
    }

    static OperatorSubtaskState richSnapshot() throws Exception {
        try (var harness = harness()) {
            harness.open();
            harness.processElement2(ScoringOperatorTest.register("c1", REGISTERED), 0);
            harness.processElement2(ScoringOperatorTest.retire("c2", "logit"), 0);
            return harness.snapshot(1L, 1L);
        }
    }

    static List<String> continuation(OperatorSubtaskState snapshot) throws Exception {
        List<String> lines = new ArrayList<>();
        try (var harness = harness()) {
            harness.initializeState(snapshot);
            harness.open();
            for (int i = 0; i < 3; i++) {
                harness.processElement1(new StreamRecord<>(vector(i), 0));
            }
            harness.processBothWatermarks(new Watermark(Long.MAX_VALUE));
            for (ModelSignal signal : harness.extractOutputValues()) {
                lines.add(
                        "signal "
                                + signal.getModel()
                                + " "
                                + signal.getVersion()
                                + " "
                                + signal.getTime()
                                + " pRaw="
                                + signal.getPRaw());
            }
            var events = harness.getSideOutput(ScoringOperator.MODEL_EVENTS);
            if (events != null) {
                for (var record : events) {
                    GovernanceEvent event = record.getValue();
                    lines.add("event " + event.getRuleId() + " " + event.getModel());
                }
            }
        }
        return lines;
    }

    /** A vector whose model inputs are row {@code i} of the test rows, other columns NaN. */
    private static FeatureVector vector(int i) {
        Double[] values = new Double[IndicatorEngine.COLUMNS.size()];
        Arrays.fill(values, Double.NaN);
        for (int f = 0; f < TestModels.FEATURES.size(); f++) {
            values[IndicatorEngine.COLUMNS.indexOf(TestModels.FEATURES.get(f))] =
                    (double) TestModels.ROWS[i][f];
        }
        return FeatureVector.newBuilder()
                .setSymbol("MSFT")
                .setTime(BEGINNING.plus(Duration.ofDays(i)))
                .setClose(60)
                .setFeatureSet(SymbolFeatures.FEATURE_SET)
                .setValues(Arrays.asList(values))
                .setRegime(Regime.MED_VOL)
                .setWindowFeatures(0)
                .setWindow(ByteBuffer.allocate(0))
                .build();
    }

    /** Writes the snapshot and its continuation under the folder given as the only argument. */
    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]).resolve("scoring-registrations");
        Files.createDirectories(dir);
        OperatorSubtaskState snapshot = richSnapshot();
        OperatorSnapshotUtil.writeStateHandle(snapshot, dir.resolve("v1.snapshot").toString());
        StateFixtures.writeLines(dir.resolve("v1-continuation.txt"), continuation(snapshot));
    }
}
