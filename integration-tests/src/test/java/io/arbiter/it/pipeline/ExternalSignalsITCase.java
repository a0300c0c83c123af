package io.arbiter.it.pipeline;

import org.apache.flink.test.junit5.MiniClusterExtension;

import io.arbiter.it.flink.TestFlink;
import io.arbiter.it.flink.TestJobs;
import io.arbiter.it.kafka.EmbeddedKafka;
import io.arbiter.jobs.config.ArbiterConfig;
import io.arbiter.jobs.config.ArbiterOptions;
import io.arbiter.models.manifest.ModelManifest;
import io.arbiter.operators.ingest.BarCsv;
import io.arbiter.operators.policy.Policy;
import io.arbiter.schemas.Bar;
import io.arbiter.schemas.DeadLetter;
import io.arbiter.schemas.ExternalSignal;
import io.arbiter.schemas.FeatureVector;
import io.arbiter.schemas.GateDecision;
import io.arbiter.schemas.ModelSignal;
import io.arbiter.schemas.Regime;
import io.arbiter.schemas.SignalSide;
import io.arbiter.schemas.codec.AvroCodec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.AbstractMap.SimpleEntry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Signals scored outside the job go through the same calibrate-and-gate step as our own: ttrc's
 * bars and an external model's signals on every 7th bar through Kafka and the whole job. Each gated
 * signal must carry the regime of the feature vector of its bar, its model's calibrated p and the
 * gate decision of that regime's threshold; malformed signals are dead letters.
 */
class ExternalSignalsITCase {

    @RegisterExtension static final MiniClusterExtension FLINK = TestFlink.miniCluster();

    @RegisterExtension static final EmbeddedKafka KAFKA = new EmbeddedKafka();

    private static final Path BARS = Path.of("../data/raw/ttrc.csv");

    // Platt calibrator of the external model in every regime: sigmoid(A + B * p).
    private static final double A = -3.0;
    private static final double B = 6.0;

    @TempDir Path dir;

    @Test
    void externalSignalsAreCalibratedAndGatedInTheRegimeOfTheirBar() throws Exception {
        Path models = dir.resolve("models");
        writeExternalModel(models.resolve("rule"));

        List<Bar> bars = new ArrayList<>();
        for (BarCsv.Row row : BarCsv.readTable(BARS, "TTRC", Duration.ZERO).rows()) {
            bars.add(row.bar());
        }
        AvroCodec<Bar> barCodec = AvroCodec.of(Bar.class);
        List<SimpleEntry<byte[], byte[]>> barRecords = new ArrayList<>();
        for (Bar bar : bars) {
            barRecords.add(new SimpleEntry<>(key("TTRC"), barCodec.encode(bar)));
        }
        AvroCodec<ExternalSignal> signalCodec = AvroCodec.of(ExternalSignal.class);
        List<SimpleEntry<byte[], byte[]>> signalRecords = new ArrayList<>();
        Map<Instant, Double> sent = new HashMap<>();
        for (int i = 0; i < bars.size(); i += 7) {
            double p = (i % 100) / 100.0;
            sent.put(bars.get(i).getTime(), p);
            signalRecords.add(
                    new SimpleEntry<>(
                            key("rule"),
                            signalCodec.encode(signal("rule", bars.get(i).getTime(), p))));
        }
        Instant someBar = bars.get(3000).getTime();
        signalRecords.add(
                new SimpleEntry<>(
                        key("nobody"), signalCodec.encode(signal("nobody", someBar, 0.9))));
        signalRecords.add(
                new SimpleEntry<>(key("rule"), signalCodec.encode(signal("rule", someBar, 1.5))));
        signalRecords.add(
                new SimpleEntry<>(key("rule"), "not avro".getBytes(StandardCharsets.UTF_8)));

        String barsTopic = KAFKA.freshTopic("bars", 2);
        String externalTopic = KAFKA.freshTopic("external", 2);
        KAFKA.sendAll(barsTopic, new ArrayList<>(barRecords));
        KAFKA.sendAll(externalTopic, new ArrayList<>(signalRecords));
        ArbiterConfig config =
                TestJobs.config(
                        KAFKA,
                        "external-it",
                        Map.of(
                                "topics.market-bars", barsTopic,
                                "topics.external-signals", externalTopic,
                                "scoring.models-dir", models.toString()));
        TestJobs.runBounded(config, Policy.defaults());

        Map<Instant, Regime> regimeOfBar = new HashMap<>();
        AvroCodec<FeatureVector> vectors = AvroCodec.of(FeatureVector.class);
        for (ConsumerRecord<byte[], byte[]> record :
                KAFKA.drainCommitted(config.get(ArbiterOptions.TOPIC_FEATURES))) {
            FeatureVector vector = vectors.decode(record.value());
            // features.publish-window is off by default: the topic carries no windows.
            assertThat(vector.getWindow().remaining()).as(vector.getTime().toString()).isZero();
            regimeOfBar.put(vector.getTime(), vector.getRegime());
        }
        assertThat(regimeOfBar).hasSize(bars.size());

        AvroCodec<ModelSignal> signals = AvroCodec.of(ModelSignal.class);
        Map<GateDecision, Integer> decisions = new HashMap<>();
        int rule = 0;
        for (ConsumerRecord<byte[], byte[]> record :
                KAFKA.drainCommitted(config.get(ArbiterOptions.TOPIC_SIGNALS))) {
            ModelSignal signal = signals.decode(record.value());
            assertThat(signal.getExternal()).isTrue();
            Regime regime = regimeOfBar.get(signal.getTime());
            assertThat(signal.getRegime()).as(signal.getTime().toString()).isEqualTo(regime);
            if (signal.getModel().equals("nobody")) {
                assertThat(signal.getGate()).isEqualTo(GateDecision.NO_CALIBRATOR);
                continue;
            }
            rule++;
            double p = sent.get(signal.getTime());
            assertThat(signal.getPRaw()).isEqualTo(p);
            double threshold = Policy.defaults().gates().threshold(regime);
            GateDecision expected;
            if (regime == Regime.UNKNOWN) {
                expected = GateDecision.REGIME_UNKNOWN;
            } else {
                double pCal = 1 / (1 + Math.exp(-(A + B * p)));
                assertThat(signal.getPCal()).isCloseTo(pCal, within(1e-12));
                expected = pCal >= threshold ? GateDecision.PASS : GateDecision.BELOW_THRESHOLD;
            }
            assertThat(signal.getGate()).as(signal.getTime().toString()).isEqualTo(expected);
            assertThat(signal.getSide())
                    .isEqualTo(expected == GateDecision.PASS ? SignalSide.SHORT : SignalSide.FLAT);
            decisions.merge(expected, 1, Integer::sum);
        }
        assertThat(rule).isEqualTo(sent.size());
        // Not degenerate: all three outcomes occur.
        assertThat(decisions)
                .containsKeys(
                        GateDecision.PASS,
                        GateDecision.BELOW_THRESHOLD,
                        GateDecision.REGIME_UNKNOWN);

        List<String> reasons = new ArrayList<>();
        AvroCodec<DeadLetter> letters = AvroCodec.of(DeadLetter.class);
        for (ConsumerRecord<byte[], byte[]> record :
                KAFKA.drainCommitted(config.get(ArbiterOptions.TOPIC_DEAD_LETTERS))) {
            DeadLetter letter = letters.decode(record.value());
            assertThat(letter.getSourceTopic()).isEqualTo(externalTopic);
            reasons.add(letter.getReason());
        }
        assertThat(reasons).hasSize(2);
        assertThat(String.join("\n", reasons)).contains("pWin");
    }

    private static void writeExternalModel(Path directory) throws Exception {
        ModelManifest.Calibrator platt =
                new ModelManifest.Calibrator(ModelManifest.Calibrator.PLATT, A, B, null, null, 0.2);
        new ModelManifest(
                        "rule",
                        "1",
                        ModelManifest.EXTERNAL,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        "P(the named trade wins)",
                        null,
                        null,
                        null,
                        Map.of("low_vol", platt, "med_vol", platt, "high_vol", platt),
                        null)
                .write(directory);
    }

    private static ExternalSignal signal(String model, Instant time, double p) {
        return ExternalSignal.newBuilder()
                .setModel(model)
                .setVersion("1")
                .setSymbol("TTRC")
                .setTime(time)
                .setPWin(p)
                .setSide(SignalSide.SHORT)
                .build();
    }

    private static byte[] key(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
