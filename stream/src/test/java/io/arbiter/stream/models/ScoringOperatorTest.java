package io.arbiter.stream.models;

import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.util.TwoInputStreamOperatorTestHarness;

import io.arbiter.models.signals.ModelEvents;
import io.arbiter.models.signals.ScoringSettings;
import io.arbiter.models.testing.TestModels;
import io.arbiter.operators.features.IndicatorEngine;
import io.arbiter.operators.features.SymbolFeatures;
import io.arbiter.operators.policy.Policy;
import io.arbiter.schemas.CommandType;
import io.arbiter.schemas.ControlCommand;
import io.arbiter.schemas.FeatureVector;
import io.arbiter.schemas.GateDecision;
import io.arbiter.schemas.GovernanceEvent;
import io.arbiter.schemas.GovernanceKind;
import io.arbiter.schemas.ModelSignal;
import io.arbiter.schemas.Regime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ScoringOperatorTest {

    private static final Instant BEGINNING = Instant.parse("2000-09-27T00:00:00Z");

    @TempDir Path models;

    @Test
    void scoresEveryVectorAndFlushesAtWatermarksWithTheSameResultsAsAnyOtherBatching()
            throws Exception {
        writeLogisticModel();
        List<ModelSignal> oneBig = run(64, true);
        List<ModelSignal> oneByOne = run(1, false);

        assertThat(oneBig).hasSize(TestModels.ROWS.length);
        assertThat(oneBig.toString()).isEqualTo(oneByOne.toString());
        for (int i = 0; i < TestModels.ROWS.length; i++) {
            ModelSignal signal = oneBig.get(i);
            assertThat(signal.getModel()).isEqualTo("logit");
            assertThat(signal.getPRaw())
                    .isCloseTo(TestModels.logistic(TestModels.ROWS[i]), within(1e-6));
            assertThat(signal.getRegime()).isEqualTo(Regime.MED_VOL);
            assertThat(signal.getGateThreshold()).isEqualTo(0.62);
            assertThat(signal.getGate())
                    .isEqualTo(
                            signal.getPCal() >= 0.62
                                    ? GateDecision.PASS
                                    : GateDecision.BELOW_THRESHOLD);
        }
    }

    @Test
    void holdsRowsUntilTheBatchIsFullTheDelayPassesOrABarrierComes() throws Exception {
        writeLogisticModel();
        try (var harness = harness(3)) {
            harness.setProcessingTime(1_000);
            harness.open();
            harness.processElement1(vector(0), 0);
            harness.processElement1(vector(1), 0);
            assertThat(harness.extractOutputValues()).isEmpty();
            assertThat(harness.getProcessingTimeService().getNumActiveTimers()).isEqualTo(1);

            harness.setProcessingTime(1_005); // scoring.max-delay
            assertThat(harness.extractOutputValues()).hasSize(2);

            harness.processElement1(vector(2), 0);
            harness.prepareSnapshotPreBarrier(1L);
            assertThat(harness.extractOutputValues()).hasSize(3);

            for (int i = 0; i < 3; i++) {
                harness.processElement1(vector(i), 0);
            }
            assertThat(harness.extractOutputValues()).hasSize(6); // a full batch leaves at once
        }
    }

    @Test
    void aModelThatDoesNotLoadIsAnEventAndTheOthersScore() throws Exception {
        writeLogisticModel();
        Path broken = Files.createDirectories(models.resolve("broken"));
        Files.writeString(broken.resolve("manifest.json"), "{ not json");
        try (var harness = harness(64)) {
            harness.open();
            List<GovernanceEvent> events = new ArrayList<>();
            harness.getSideOutput(ScoringOperator.MODEL_EVENTS)
                    .forEach(record -> events.add(record.getValue()));
            assertThat(events).hasSize(1);
            assertThat(events.get(0).getKind()).isEqualTo(GovernanceKind.MODEL_ERROR);
            assertThat(events.get(0).getRuleId()).isEqualTo(ModelEvents.RULE_LOAD);
            assertThat(events.get(0).getReason()).contains("broken");

            harness.processElement1(vector(0), 0);
            harness.processBothWatermarks(new Watermark(1));
            assertThat(harness.extractOutputValues()).hasSize(1);
        }
    }

    private List<ModelSignal> run(int batchSize, boolean watermarkAtEnd) throws Exception {
        try (var harness = harness(batchSize)) {
            harness.open();
            for (int i = 0; i < TestModels.ROWS.length; i++) {
                harness.processElement1(vector(i), vector(i).getTime().toEpochMilli());
            }
            if (watermarkAtEnd) {
                harness.processBothWatermarks(new Watermark(Long.MAX_VALUE));
            }
            return new ArrayList<>(harness.extractOutputValues());
        }
    }

    @Test
    void registersANewModelByCommandAndScoresWithItFromTheNextVector() throws Exception {
        writeLogisticModel();
        Path other = models.getParent().resolve(models.getFileName() + "-registered");
        TestModels.writeLogistic(other.resolve("logit2"), "logit2", "1");
        try (var harness = harness(64)) {
            harness.open();
            harness.processElement1(vector(0), 0);
            harness.processElement2(register("c1", other.resolve("logit2")), 0);
            harness.processElement1(vector(1), 0);
            harness.processBothWatermarks(new Watermark(Long.MAX_VALUE));

            assertThat(harness.extractOutputValues())
                    .extracting(s -> s.getModel() + "@" + s.getTime())
                    .containsExactly(
                            "logit@" + vector(0).getTime(),
                            "logit@" + vector(1).getTime(),
                            "logit2@" + vector(1).getTime());
            assertThat(events(harness))
                    .extracting(GovernanceEvent::getRuleId, GovernanceEvent::getCommandId)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("model.register", "c1"));
        }
    }

    @Test
    void aNewVersionReplacesTheOldAndARetiredModelStopsWithoutARestart() throws Exception {
        writeLogisticModel();
        Path v2 = models.getParent().resolve(models.getFileName() + "-v2").resolve("logit");
        TestModels.writeLogistic(v2, "logit", "2");
        try (var harness = harness(64)) {
            harness.open();
            harness.processElement2(register("c1", v2), 0);
            harness.processElement1(vector(0), 0);
            harness.processElement2(retire("c2", "logit"), 0);
            harness.processElement1(vector(1), 0);
            harness.processBothWatermarks(new Watermark(Long.MAX_VALUE));

            assertThat(harness.extractOutputValues())
                    .extracting(s -> s.getModel() + " " + s.getVersion())
                    .containsExactly("logit 2");
            assertThat(events(harness))
                    .extracting(GovernanceEvent::getReason)
                    .containsExactly(
                            "model logit 2 replaces version 1 (from " + v2 + ")",
                            "model logit 2 retired: its signals stop");
        }
    }

    @Test
    void aRegistrationThatDoesNotLoadIsAnEventAndTheServedModelsCarryOn() throws Exception {
        writeLogisticModel();
        try (var harness = harness(64)) {
            harness.open();
            harness.processElement2(register("c1", models.resolve("missing")), 0);
            harness.processElement1(vector(0), 0);
            harness.processBothWatermarks(new Watermark(Long.MAX_VALUE));

            assertThat(harness.extractOutputValues()).hasSize(1);
            assertThat(events(harness))
                    .singleElement()
                    .satisfies(
                            e -> {
                                assertThat(e.getKind()).isEqualTo(GovernanceKind.MODEL_ERROR);
                                assertThat(e.getReason()).contains("missing", "command c1");
                            });
        }
    }

    @Test
    void registrationsAndRetirementsSurviveARestoreFromASnapshot() throws Exception {
        writeLogisticModel();
        Path other = models.getParent().resolve(models.getFileName() + "-registered");
        TestModels.writeLogistic(other.resolve("logit2"), "logit2", "7");
        OperatorSubtaskState snapshot;
        try (var harness = harness(64)) {
            harness.open();
            harness.processElement2(register("c1", other.resolve("logit2")), 0);
            harness.processElement2(retire("c2", "logit"), 0);
            snapshot = harness.snapshot(1L, 1L);
        }
        try (var restored = harness(64)) {
            restored.initializeState(snapshot);
            restored.open();
            restored.processElement1(vector(0), 0);
            restored.processBothWatermarks(new Watermark(Long.MAX_VALUE));

            assertThat(restored.extractOutputValues())
                    .extracting(s -> s.getModel() + " " + s.getVersion())
                    .containsExactly("logit2 7");
        }
    }

    @Test
    void reportsABatchThatTookTheModelLongerThanThePolicysScoringLatency() throws Exception {
        writeLogisticModel();
        // A limit of one nanosecond: every real ONNX Runtime run is slower.
        ScoringSettings strict =
                new ScoringSettings(
                        models.toString(),
                        64,
                        Duration.ofMillis(5),
                        "cpu",
                        Policy.defaults().gates(),
                        "test-policy",
                        Duration.ofNanos(1));
        try (var harness = new TwoInputStreamOperatorTestHarness<>(new ScoringOperator(strict))) {
            harness.open();
            harness.processElement1(vector(0), 0);
            harness.processBothWatermarks(new Watermark(Long.MAX_VALUE));

            assertThat(harness.extractOutputValues()).hasSize(1); // its signal still goes out
            assertThat(events(harness))
                    .singleElement()
                    .satisfies(
                            e -> {
                                assertThat(e.getRuleId()).isEqualTo(ModelEvents.RULE_LATENCY);
                                assertThat(e.getModel()).isEqualTo("logit");
                                assertThat(e.getMetrics().get(ModelEvents.LATENCY_MS)).isPositive();
                            });
        }
    }

    private static List<GovernanceEvent> events(
            TwoInputStreamOperatorTestHarness<FeatureVector, ControlCommand, ModelSignal> harness) {
        List<GovernanceEvent> events = new ArrayList<>();
        var side = harness.getSideOutput(ScoringOperator.MODEL_EVENTS);
        if (side != null) {
            side.forEach(record -> events.add(record.getValue()));
        }
        return events;
    }

    static ControlCommand register(String id, Path directory) {
        return command(
                id, CommandType.REGISTER_MODEL, null, "{\"manifest\": \"" + directory + "\"}");
    }

    static ControlCommand retire(String id, String model) {
        return command(id, CommandType.RETIRE_MODEL, model, "{}");
    }

    private static ControlCommand command(
            String id, CommandType type, String model, String payload) {
        return ControlCommand.newBuilder()
                .setCommandId(id)
                .setBook("*")
                .setType(type)
                .setModel(model)
                .setPayload(payload)
                .setIssuer("test")
                .setTime(BEGINNING)
                .setSignature("verified-upstream")
                .build();
    }

    private TwoInputStreamOperatorTestHarness<FeatureVector, ControlCommand, ModelSignal> harness(
            int batchSize) throws Exception {
        return new TwoInputStreamOperatorTestHarness<>(
                new ScoringOperator(
                        new ScoringSettings(
                                models.toString(),
                                batchSize,
                                Duration.ofMillis(5),
                                "cpu",
                                Policy.defaults().gates(),
                                "test-policy")));
    }

    private void writeLogisticModel() {
        TestModels.writeLogistic(models.resolve("logit"), "logit", "1");
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
}
