package io.arbiter.benchmarks.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.arbiter.localkafka.LocalKafkaBroker;
import io.arbiter.schemas.ModelSignal;
import io.arbiter.schemas.codec.AvroCodec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole benchmark, small: a real broker in its own JVM, 4,000 bars over 40 symbols, every stage
 * on the shared MiniCluster, the latency phase, and both result files. Checks that the numbers are
 * what the rows say they are and that each stage did the work it was timed for: every output record
 * is in its topic, committed.
 */
class PipelineBenchITCase {

    private static final int SYMBOLS = 40;
    private static final int BARS = 4_000;
    private static final AvroCodec<ModelSignal> SIGNALS = AvroCodec.of(ModelSignal.class);

    @TempDir Path work;

    @Test
    void measuresEveryStageOnTheSameDataAndWritesTheResults() throws Exception {
        BenchOptions options =
                BenchOptions.parse(
                        new String[] {
                            "--bars", String.valueOf(BARS),
                            "--symbols", String.valueOf(SYMBOLS),
                            "--partitions", "2",
                            "--warmup-seconds", "1",
                            "--latency-warmup-seconds", "2",
                            "--latency-seconds", "3",
                            "--out", work.resolve("out").toString()
                        },
                        Path.of("..", "models").toAbsolutePath().normalize());
        try (LocalKafkaBroker broker =
                        LocalKafkaBroker.builder()
                                .dataDir(work.resolve("kafka"))
                                .classpath(brokerClasspath())
                                .build()
                                .start();
                SharedCluster cluster =
                        new SharedCluster(
                                options.parallelism(), PipelineBench.clusterSettings(options))) {
            PipelineBench bench =
                    new PipelineBench(options, broker.bootstrapServers(), work, cluster);
            BenchReport report = bench.run();
            report.write(options.out());

            JsonNode json =
                    new ObjectMapper()
                            .readTree(options.out().resolve(BenchReport.JSON_FILE).toFile());
            JsonNode stages = json.get("stages");
            assertThat(stages).hasSize(3);
            assertThat(stages.get(0).get("name").asText()).isEqualTo("passthrough");
            assertThat(stages.get(1).get("name").asText()).isEqualTo("features");
            assertThat(stages.get(2).get("name").asText()).isEqualTo("full");
            long fills = json.get("data").get("fills").asLong();
            assertThat(fills).isPositive();
            double passthroughRate = stages.get(0).get("events_per_core_second").asDouble();
            for (JsonNode stage : stages) {
                long total = BARS + (stage.get("name").asText().equals("full") ? fills : 0);
                // The window holds what the sources read after the warm-up tenth.
                assertThat(stage.get("events").asLong() + stage.get("warmup_events").asLong())
                        .isEqualTo(total);
                assertThat(stage.get("warmup_events").asLong()).isGreaterThanOrEqualTo(total / 10);
                assertThat(stage.get("cpu_seconds").asDouble()).isPositive();
                assertThat(stage.get("wall_seconds").asDouble()).isPositive();
                assertThat(stage.get("events_per_core_second").asDouble())
                        .isCloseTo(
                                stage.get("events").asLong() / stage.get("cpu_seconds").asDouble(),
                                org.assertj.core.data.Percentage.withPercentage(1e-9));
                assertThat(stage.get("ratio_to_passthrough").asDouble())
                        .isCloseTo(
                                stage.get("events_per_core_second").asDouble() / passthroughRate,
                                org.assertj.core.data.Percentage.withPercentage(1e-9));
            }
            JsonNode latency = json.get("latency_ms");
            assertThat(latency.get("samples").asLong()).isPositive();
            assertThat(latency.get("p50").asDouble()).isPositive();
            assertThat(latency.get("p99").asDouble())
                    .isGreaterThanOrEqualTo(latency.get("p50").asDouble());
            assertThat(latency.get("p999").asDouble())
                    .isGreaterThanOrEqualTo(latency.get("p99").asDouble());
            // Both lanes, each with its own samples and ordered percentiles.
            JsonNode atLeastOnce = latency.get("at_least_once");
            JsonNode exactlyOnce = latency.get("exactly_once");
            assertOrderedPercentiles(atLeastOnce);
            assertOrderedPercentiles(exactlyOnce);
            assertThat(atLeastOnce.get("isolation").asText()).isEqualTo("read_uncommitted");
            assertThat(exactlyOnce.get("isolation").asText()).isEqualTo("read_committed");
            assertThat(atLeastOnce.get("p99").asDouble()).isEqualTo(latency.get("p99").asDouble());
            assertThat(atLeastOnce.get("duplicates_dropped").asLong()).isNotNegative();
            JsonNode intents = atLeastOnce.get("intents");
            assertThat(intents.get("samples").asLong()).isNotNegative();
            if (intents.get("samples").asLong() > 0) {
                assertOrderedPercentiles(intents);
            }
            assertThat(latency.get("checkpoint_interval_ms").asLong()).isEqualTo(1000);
            JsonNode checkpoints = latency.get("checkpoints");
            assertThat(checkpoints.get("completed").asLong()).isPositive();
            assertThat(checkpoints.get("end_to_end_max_ms").asDouble())
                    .isGreaterThanOrEqualTo(checkpoints.get("end_to_end_p50_ms").asDouble());
            assertThat(checkpoints.get("recent_unaligned").asInt())
                    .isBetween(0, checkpoints.get("recent").asInt());
            // An exactly-once record waits for a checkpoint to complete; at-least-once ones do
            // not.
            assertThat(exactlyOnce.get("p50").asDouble())
                    .isGreaterThan(atLeastOnce.get("p50").asDouble());
            assertThat(latency.get("settings").get("delivery.signals").asText())
                    .isEqualTo("at-least-once");
            assertThat(latency.get("settings").get("delivery.features").asText())
                    .isEqualTo("exactly-once");
            assertThat(latency.get("settings").get("checkpointing.unaligned").asText())
                    .isEqualTo("true");
            assertThat(json.get("parallelism").asInt()).isEqualTo(1);
            assertThat(json.get("jvm").get("flags").isArray()).isTrue();
            assertThat(stages.get(2).get("profile").get("byOperator")).isNotEmpty();

            String markdown = Files.readString(options.out().resolve(BenchReport.MARKDOWN_FILE));
            assertThat(markdown)
                    .contains("| stage | events | CPU s |")
                    .contains("| passthrough |")
                    .contains("| features |")
                    .contains("| full |")
                    .contains("p99.9")
                    .contains("| at-least-once | signal | read_uncommitted |")
                    .contains("| exactly-once | feature vector | read_committed |");

            // Each stage did the work it was timed for, exactly once.
            Properties kafka = new Properties();
            kafka.put("bootstrap.servers", broker.bootstrapServers());
            assertThat(committed(kafka, "bench-passthrough.bars.copy")).isEqualTo(BARS);
            assertThat(committed(kafka, "bench.features.features.vectors")).isEqualTo(BARS);
            assertThat(committed(kafka, "bench.full.features.vectors")).isEqualTo(BARS);
            // Trees take missing inputs, so the tree model scores every bar; the logistic and MLP
            // models score the bars whose features (and 64-bar window) are complete.
            Map<String, Long> signals = new TreeMap<>();
            for (byte[] value : committedValues(kafka, "bench.full.signals.scored")) {
                signals.merge(SIGNALS.decode(value).getModel(), 1L, Long::sum);
            }
            assertThat(signals).containsOnlyKeys("gbdt-ttr28", "logistic-ttr", "mlp-window");
            assertThat(signals.get("gbdt-ttr28")).isEqualTo(BARS);
            assertThat(signals.values()).allSatisfy(n -> assertThat(n).isBetween(1L, (long) BARS));
            assertThat(committed(kafka, "bench.full.alloc.events")).isPositive();
            assertThat(committed(kafka, "bench.full.dlq.records")).isZero();
        }
    }

    private static void assertOrderedPercentiles(JsonNode lane) {
        assertThat(lane.get("samples").asLong()).as(lane.toString()).isPositive();
        assertThat(lane.get("p50").asDouble()).as(lane.toString()).isNotNegative();
        assertThat(lane.get("p99").asDouble())
                .as(lane.toString())
                .isGreaterThanOrEqualTo(lane.get("p50").asDouble());
        assertThat(lane.get("p999").asDouble())
                .as(lane.toString())
                .isGreaterThanOrEqualTo(lane.get("p99").asDouble());
        assertThat(lane.get("max").asDouble())
                .as(lane.toString())
                .isGreaterThanOrEqualTo(lane.get("p999").asDouble());
    }

    private static long committed(Properties kafka, String topic) {
        return committedValues(kafka, topic).size();
    }

    /** The values of the records a read_committed consumer sees in {@code topic}. */
    private static List<byte[]> committedValues(Properties kafka, String topic) {
        Properties props = new Properties();
        props.putAll(kafka);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        try (KafkaConsumer<byte[], byte[]> consumer =
                new KafkaConsumer<>(
                        props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions =
                    consumer.partitionsFor(topic).stream()
                            .map(p -> new TopicPartition(topic, p.partition()))
                            .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            var end = consumer.endOffsets(partitions);
            List<byte[]> values = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))
                    && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> values.add(r.value()));
            }
            return values;
        }
    }

    /** What bin/arbiter passes: the local-kafka module's classes and its dependency list. */
    private static String brokerClasspath() throws Exception {
        Path module = Path.of("..", "local-kafka", "target").toAbsolutePath().normalize();
        return module.resolve("classes")
                + java.io.File.pathSeparator
                + Files.readString(module.resolve("kafka-classpath.txt")).strip();
    }
}
