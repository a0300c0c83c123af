package io.arbiter.it.pipeline;

import org.apache.flink.test.junit5.MiniClusterExtension;

import io.arbiter.it.flink.TestFlink;
import io.arbiter.it.flink.TestJobs;
import io.arbiter.it.kafka.EmbeddedKafka;
import io.arbiter.jobs.cli.ArbiterCli;
import io.arbiter.jobs.config.ArbiterConfig;
import io.arbiter.models.testing.TestModels;
import io.arbiter.operators.ingest.BarCsv;
import io.arbiter.operators.policy.Policy;
import io.arbiter.schemas.Bar;
import io.arbiter.schemas.GateDecision;
import io.arbiter.schemas.ModelSignal;
import io.arbiter.schemas.codec.AvroCodec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.AbstractMap.SimpleEntry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The offline {@code score} command and the stream give the same signals for the same bars: a real
 * ONNX model, ttrc's 5,550 bars through Kafka and the whole job (micro-batches flushed whenever the
 * stream decides) against the CLI over the file.
 */
class StreamOfflineScoringITCase {

    @RegisterExtension static final MiniClusterExtension FLINK = TestFlink.miniCluster();

    @RegisterExtension static final EmbeddedKafka KAFKA = new EmbeddedKafka();

    private static final Path BARS = Path.of("../data/raw/ttrc.csv");

    @TempDir Path dir;

    @Test
    void streamAndOfflineScoresAreIdentical() throws Exception {
        Path models = dir.resolve("models");
        TestModels.writeLogistic(models.resolve("logit"), "logit", "1");

        Path offline = dir.resolve("offline.csv");
        int exit =
                ArbiterCli.run(
                        new String[] {
                            "score",
                            "--model",
                            models.resolve("logit").toString(),
                            "--bars",
                            BARS.toString(),
                            "--out",
                            offline.toString(),
                            "--symbol",
                            "TTRC"
                        });
        assertThat(exit).isZero();
        Map<String, String> expected = new HashMap<>();
        for (String line :
                Files.readAllLines(offline).subList(1, Files.readAllLines(offline).size())) {
            String[] cells = line.split(",");
            expected.put(cells[0] + "@" + cells[1] + "@" + cells[2], line);
        }

        String barsTopic = KAFKA.freshTopic("bars", 2);
        String signalsTopic = KAFKA.freshTopic("signals", 2);
        AvroCodec<Bar> codec = AvroCodec.of(Bar.class);
        List<SimpleEntry<byte[], byte[]>> records = new ArrayList<>();
        for (BarCsv.Row row : BarCsv.readTable(BARS, "TTRC", Duration.ZERO).rows()) {
            records.add(
                    new SimpleEntry<>(
                            "TTRC".getBytes(StandardCharsets.UTF_8), codec.encode(row.bar())));
        }
        KAFKA.sendAll(barsTopic, new ArrayList<>(records));
        ArbiterConfig config =
                TestJobs.config(
                        KAFKA,
                        "scoring-it",
                        Map.of(
                                "topics.market-bars", barsTopic,
                                "topics.features", KAFKA.freshTopic("features", 1),
                                "topics.signals", signalsTopic,
                                "topics.governance", KAFKA.freshTopic("gov", 1),
                                "topics.dead-letters", KAFKA.freshTopic("dlq", 1),
                                "checkpointing.interval", "300 ms",
                                "scoring.models-dir", models.toString()));
        TestJobs.runBounded(config, Policy.defaults());

        AvroCodec<ModelSignal> signals = AvroCodec.of(ModelSignal.class);
        List<ConsumerRecord<byte[], byte[]>> streamed = KAFKA.drainCommitted(signalsTopic);
        assertThat(streamed).hasSize(expected.size()).hasSizeGreaterThan(5000);
        long passed = 0;
        for (ConsumerRecord<byte[], byte[]> record : streamed) {
            ModelSignal signal = signals.decode(record.value());
            String key = signal.getSymbol() + "@" + signal.getTime() + "@" + signal.getModel();
            assertThat(csvLine(signal)).as(key).isEqualTo(expected.get(key));
            passed += signal.getGate() == GateDecision.PASS ? 1 : 0;
        }
        // Not a degenerate comparison: the gate decided both ways.
        assertThat(passed).isBetween(1L, (long) streamed.size() - 1);
    }

    /** The signal as the CLI writes it (see SignalCsv), doubles with every digit. */
    private static String csvLine(ModelSignal s) {
        return String.join(
                ",",
                s.getSymbol(),
                s.getTime().toString(),
                s.getModel(),
                s.getVersion(),
                s.getRegime().name().toLowerCase(java.util.Locale.ROOT),
                Double.toString(s.getPRaw()),
                Double.toString(s.getPCal()),
                s.getGate().name(),
                Double.toString(s.getGateThreshold()),
                s.getSide().name());
    }
}
