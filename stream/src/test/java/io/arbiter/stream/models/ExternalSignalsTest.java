package io.arbiter.stream.models;

import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;

import io.arbiter.models.manifest.ModelManifest;
import io.arbiter.models.signals.ModelEvents;
import io.arbiter.models.signals.ScoringSettings;
import io.arbiter.operators.features.SymbolFeatures;
import io.arbiter.operators.policy.Policy;
import io.arbiter.schemas.ExternalSignal;
import io.arbiter.schemas.FeatureVector;
import io.arbiter.schemas.GateDecision;
import io.arbiter.schemas.ModelSignal;
import io.arbiter.schemas.Regime;
import io.arbiter.schemas.SignalSide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ExternalSignalsTest {

    private static final Instant DAY0 = Instant.parse("2001-03-01T00:00:00Z");

    @TempDir Path models;

    @Test
    void aSignalTakesTheRegimeOfItsSymbolsLatestBarAtOrBeforeItsTimeOnceTheWatermarkPasses()
            throws Exception {
        var join = new ExternalRegimeJoin();
        try (var harness =
                ProcessFunctionTestHarnesses.forKeyedCoProcessFunction(
                        join,
                        FeatureVector::getSymbol,
                        ExternalSignal::getSymbol,
                        org.apache.flink.api.common.typeinfo.Types.STRING)) {
            harness.processElement1(vector(0, Regime.LOW_VOL), day(0));
            // The signal of day 2 arrives before its bar: it waits for the watermark.
            harness.processElement2(signal("llm", 2, 0.7), day(2));
            harness.processElement2(signal("llm", 1, 0.7), day(1));
            harness.processElement1(vector(1, Regime.MED_VOL), day(1));
            harness.processElement1(vector(2, Regime.HIGH_VOL), day(2));
            assertThat(harness.extractOutputValues()).isEmpty();

            harness.processBothWatermarks(new Watermark(day(2)));

            assertThat(harness.extractOutputValues())
                    .extracting(s -> s.getTime() + " " + s.getRegime())
                    .containsExactly(time(1) + " MED_VOL", time(2) + " HIGH_VOL");
            ModelSignal first = harness.extractOutputValues().get(0);
            assertThat(first.getGate()).isEqualTo(GateDecision.UNKNOWN);
            assertThat(first.getPRaw()).isEqualTo(0.7);
            assertThat(first.getExternal()).isTrue();

            // Late (its time is behind the watermark): joined at once with what is held.
            harness.processElement2(signal("llm", 2, 0.3), day(2));
            harness.processElement2(signal("llm", 0, 0.3), day(0));
            assertThat(harness.extractOutputValues().subList(2, 4))
                    .extracting(ModelSignal::getRegime)
                    .containsExactly(Regime.HIGH_VOL, Regime.UNKNOWN);
        }
    }

    @Test
    void signalsOfOneTimeLeaveInAFixedOrderAndASecondCopyOfAWaitingSignalIsDropped()
            throws Exception {
        for (boolean reversed : new boolean[] {false, true}) {
            try (var harness =
                    ProcessFunctionTestHarnesses.forKeyedCoProcessFunction(
                            new ExternalRegimeJoin(),
                            FeatureVector::getSymbol,
                            ExternalSignal::getSymbol,
                            org.apache.flink.api.common.typeinfo.Types.STRING)) {
                harness.processElement1(vector(1, Regime.MED_VOL), day(1));
                List<ExternalSignal> signals =
                        List.of(
                                signal("llm", 1, 0.7),
                                signal("llm", 1, 0.6),
                                signal("gbdt", 1, 0.9),
                                signal("llm", 1, 0.7)); // the first one again
                for (int i = 0; i < signals.size(); i++) {
                    ExternalSignal next = signals.get(reversed ? signals.size() - 1 - i : i);
                    harness.processElement2(next, day(1));
                }
                harness.processBothWatermarks(new Watermark(day(1)));

                assertThat(harness.extractOutputValues())
                        .as("reversed arrival: " + reversed)
                        .extracting(s -> s.getModel() + " " + s.getPRaw())
                        .containsExactly("gbdt 0.9", "llm 0.6", "llm 0.7");
            }
        }
    }

    @Test
    void gatesExternalSignalsWithTheirModelsCalibratorAndTheRegimesThreshold() throws Exception {
        writeExternal(models.resolve("llm"), "llm", "3");
        try (var harness =
                ProcessFunctionTestHarnesses.forBroadcastProcessFunction(
                        new ExternalSignalGate(settings()), ExternalSignalGate.REGISTRATIONS)) {
            harness.processElement(ungated("llm", Regime.MED_VOL, 0.7, SignalSide.SHORT), 0);
            harness.processElement(ungated("llm", Regime.MED_VOL, 0.4, SignalSide.SHORT), 0);
            harness.processElement(ungated("llm", Regime.HIGH_VOL, 0.7, SignalSide.LONG), 0);
            harness.processElement(ungated("nobody", Regime.MED_VOL, 0.9, SignalSide.LONG), 0);

            List<ModelSignal> out = harness.extractOutputValues();
            // med_vol platt: sigmoid(-2 + 4 * 0.7) = sigmoid(0.8) = 0.68997 >= 0.62: passes, keeps
            // its side; sigmoid(-2 + 4 * 0.4) = sigmoid(-0.4) = 0.40131 does not.
            assertThat(out.get(0).getPCal()).isCloseTo(0.6899744811276125, within(1e-12));
            assertThat(out.get(0).getGate()).isEqualTo(GateDecision.PASS);
            assertThat(out.get(0).getSide()).isEqualTo(SignalSide.SHORT);
            assertThat(out.get(0).getGateThreshold()).isEqualTo(0.62);
            assertThat(out.get(1).getPCal()).isCloseTo(0.401312339887548, within(1e-12));
            assertThat(out.get(1).getGate()).isEqualTo(GateDecision.BELOW_THRESHOLD);
            assertThat(out.get(1).getSide()).isEqualTo(SignalSide.FLAT);
            assertThat(out.get(2).getGate()).isEqualTo(GateDecision.NO_CALIBRATOR);
            assertThat(out.get(3).getGate()).isEqualTo(GateDecision.NO_CALIBRATOR);
            assertThat(out).allMatch(ModelSignal::getExternal);
        }
    }

    @Test
    void anExternalModelRegisteredByCommandGatesAndARetiredOnesSignalsStop() throws Exception {
        Path elsewhere = models.resolveSibling(models.getFileName() + "-cmd").resolve("ppo");
        writeExternal(elsewhere, "ppo", "1");
        try (var harness =
                ProcessFunctionTestHarnesses.forBroadcastProcessFunction(
                        new ExternalSignalGate(settings()), ExternalSignalGate.REGISTRATIONS)) {
            harness.processElement(ungated("ppo", Regime.MED_VOL, 0.7, SignalSide.LONG), 0);
            harness.processBroadcastElement(ScoringOperatorTest.register("c1", elsewhere), 0);
            harness.processElement(ungated("ppo", Regime.MED_VOL, 0.7, SignalSide.LONG), 0);
            harness.processBroadcastElement(ScoringOperatorTest.retire("c2", "ppo"), 0);
            harness.processElement(ungated("ppo", Regime.MED_VOL, 0.7, SignalSide.LONG), 0);

            assertThat(harness.extractOutputValues())
                    .extracting(ModelSignal::getGate)
                    .containsExactly(GateDecision.NO_CALIBRATOR, GateDecision.PASS);
            assertThat(harness.getSideOutput(ExternalSignalGate.MODEL_EVENTS))
                    .extracting(r -> r.getValue().getRuleId())
                    .containsExactly(ModelEvents.RULE_REGISTER, ModelEvents.RULE_RETIRE);
        }
    }

    private ScoringSettings settings() {
        return new ScoringSettings(
                models.toString(),
                64,
                Duration.ofMillis(5),
                "cpu",
                Policy.defaults().gates(),
                "test-policy");
    }

    static void writeExternal(Path directory, String id, String version) throws Exception {
        new ModelManifest(
                        id,
                        version,
                        ModelManifest.EXTERNAL,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        "P(the named trade wins), from a model scored outside the job",
                        null,
                        null,
                        null,
                        Map.of(
                                "med_vol",
                                new ModelManifest.Calibrator(
                                        ModelManifest.Calibrator.PLATT,
                                        -2.0,
                                        4.0,
                                        null,
                                        null,
                                        0.2)),
                        null)
                .write(directory);
    }

    private static long day(int i) {
        return time(i).toEpochMilli();
    }

    private static Instant time(int i) {
        return DAY0.plus(Duration.ofDays(i));
    }

    private static FeatureVector vector(int i, Regime regime) {
        return FeatureVector.newBuilder()
                .setSymbol("MSFT")
                .setTime(time(i))
                .setClose(60)
                .setFeatureSet(SymbolFeatures.FEATURE_SET)
                .setValues(List.of())
                .setRegime(regime)
                .setWindowFeatures(0)
                .setWindow(ByteBuffer.allocate(0))
                .build();
    }

    private static ExternalSignal signal(String model, int i, double p) {
        return ExternalSignal.newBuilder()
                .setModel(model)
                .setVersion("1")
                .setSymbol("MSFT")
                .setTime(time(i))
                .setPWin(p)
                .setSide(SignalSide.LONG)
                .build();
    }

    private static ModelSignal ungated(String model, Regime regime, double p, SignalSide side) {
        return ExternalRegimeJoin.ungated(
                ExternalSignal.newBuilder(signal(model, 1, p)).setSide(side).build(), regime);
    }
}
