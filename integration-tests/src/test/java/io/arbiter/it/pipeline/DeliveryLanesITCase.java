package io.arbiter.it.pipeline;

import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;

import io.arbiter.it.flink.TestFlink;
import io.arbiter.it.flink.TestJobs;
import io.arbiter.it.kafka.EmbeddedKafka;
import io.arbiter.jobs.config.ArbiterConfig;
import io.arbiter.jobs.config.ArbiterOptions;
import io.arbiter.jobs.config.Delivery;
import io.arbiter.jobs.kafka.RecordIds;
import io.arbiter.jobs.pipeline.ArbiterPipeline;
import io.arbiter.jobs.pipeline.JobEnvironment;
import io.arbiter.jobs.pipeline.KafkaWiring;
import io.arbiter.models.manifest.ModelManifest;
import io.arbiter.operators.ingest.BarCsv;
import io.arbiter.operators.policy.Policy;
import io.arbiter.operators.validation.BarValidator;
import io.arbiter.operators.validation.RecordValidator;
import io.arbiter.operators.validation.Violation;
import io.arbiter.schemas.Bar;
import io.arbiter.schemas.ExternalSignal;
import io.arbiter.schemas.ModelSignal;
import io.arbiter.schemas.SignalSide;
import io.arbiter.schemas.TradeIntent;
import io.arbiter.schemas.codec.AvroCodec;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.AbstractMap.SimpleEntry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The delivery lanes with the shipped defaults, on the whole job: an external model signals every
 * bar of one symbol, its signals pass the gate and the planner turns them into trade intents.
 * Checkpoints are half an hour apart (and at least half an hour after the start), so within these
 * tests none completes:
 *
 * <ul>
 *   <li>signals and intents (at-least-once) are readable by a read_uncommitted consumer at once,
 *       each with its deterministic id in the {@code arbiter-id} header, while a dead letter on the
 *       exactly-once {@code dlq.records} is written but stays invisible to read_committed;
 *   <li>after a failover, which replays everything since no checkpoint completed, a consumer reads
 *       records again: every copy is byte-identical and carries the same id, so dropping ids
 *       already seen leaves each record once.
 * </ul>
 */
class DeliveryLanesITCase {

    @RegisterExtension static final MiniClusterExtension FLINK = TestFlink.miniCluster();

    @RegisterExtension static final EmbeddedKafka KAFKA = new EmbeddedKafka();

    private static final Path USDCHF = Path.of("../data/bars/usdchf_2h.csv");
    private static final int BARS = 200;
    private static final int CRASH_AT_BAR = 150;
    private static final Duration PATIENCE = Duration.ofMinutes(3);

    // A short regime history so the gate passes early; two models share the book half and half
    // on probation, no baseline model; the planner's limits let the one symbol hold the book.
    private static final String POLICY_YAML =
            String.join(
                    "\n",
                    "version: lanes-test",
                    "features:",
                    "  regime:",
                    "    window-bars: 30",
                    "    min-history-bars: 30",
                    "allocation:",
                    "  start-share: 0.5",
                    "  cap-without-approval: 0.5",
                    "  baseline-model: null",
                    "  bandit-flow:",
                    "    min: 0.9",
                    "    max: 1.0",
                    "planner:",
                    "  account-cash: 2000",
                    "  max-open-positions: 8",
                    "  max-per-ticker: 8",
                    "  exposure:",
                    "    single-ticker: 1.0",
                    "    top-five: 1.0",
                    "    sector: 1.0",
                    "  etth:",
                    "    default-bar-interval: \"2 h\"",
                    "");

    @TempDir static Path dir;

    private static Policy policy;
    private static Path models;
    private static List<Bar> bars;
    private static List<SimpleEntry<byte[], byte[]>> barRecords;
    private static List<SimpleEntry<byte[], byte[]>> signalRecords;

    @BeforeAll
    static void data() throws Exception {
        policy = Policy.load(Files.writeString(dir.resolve("policy.yaml"), POLICY_YAML));
        models = dir.resolve("models");
        externalModel(models.resolve("bull"), "bull");
        externalModel(models.resolve("bear"), "bear");
        bars =
                BarCsv.readTable(USDCHF, "USDCHF", Duration.ZERO).rows().subList(0, BARS).stream()
                        .map(BarCsv.Row::bar)
                        .toList();
        AvroCodec<Bar> barCodec = AvroCodec.of(Bar.class);
        AvroCodec<ExternalSignal> signalCodec = AvroCodec.of(ExternalSignal.class);
        barRecords = new ArrayList<>();
        signalRecords = new ArrayList<>();
        for (Bar bar : bars) {
            barRecords.add(new SimpleEntry<>(key("USDCHF"), barCodec.encode(bar)));
            for (String model : List.of("bull", "bear")) {
                signalRecords.add(
                        new SimpleEntry<>(
                                key(model),
                                signalCodec.encode(
                                        ExternalSignal.newBuilder()
                                                .setModel(model)
                                                .setVersion("1")
                                                .setSymbol("USDCHF")
                                                .setTime(bar.getTime())
                                                .setPWin(model.equals("bull") ? 0.9 : 0.2)
                                                .setSide(SignalSide.LONG)
                                                .build())));
            }
        }
    }

    @Test
    void signalsAndIntentsAreReadableWithTheirIdsBeforeAnyCheckpointWhileExactlyOnceWaits()
            throws Exception {
        ArbiterConfig config = config("lanes-visible");
        assertThat(config.delivery(ArbiterOptions.TOPIC_SIGNALS)).isEqualTo(Delivery.AT_LEAST_ONCE);
        assertThat(config.delivery(ArbiterOptions.TOPIC_INTENTS)).isEqualTo(Delivery.AT_LEAST_ONCE);
        assertThat(config.delivery(ArbiterOptions.TOPIC_DEAD_LETTERS))
                .isEqualTo(Delivery.EXACTLY_ONCE);
        send(config);
        // One fill the job cannot decode: a dead letter for the exactly-once dlq.records.
        KAFKA.send(
                config.get(ArbiterOptions.TOPIC_FILLS),
                key("desk"),
                "not avro".getBytes(StandardCharsets.UTF_8));

        JobClient job = start(config, new BarValidator());
        try {
            List<ConsumerRecord<byte[], byte[]>> signals =
                    awaitUncommitted(
                            config.get(ArbiterOptions.TOPIC_SIGNALS), r -> !r.isEmpty(), "signals");
            List<ConsumerRecord<byte[], byte[]>> intents =
                    awaitUncommitted(
                            config.get(ArbiterOptions.TOPIC_INTENTS), r -> !r.isEmpty(), "intents");
            List<ConsumerRecord<byte[], byte[]>> letters =
                    awaitUncommitted(
                            config.get(ArbiterOptions.TOPIC_DEAD_LETTERS),
                            r -> !r.isEmpty(),
                            "the dead letter, written in its open transaction");

            // The dead letter exists but no checkpoint has committed it: read_committed stops at
            // the open transaction. The audit trail, exactly once too, shows nothing either.
            assertThat(letters).hasSize(1);
            assertThat(KAFKA.drainCommitted(config.get(ArbiterOptions.TOPIC_DEAD_LETTERS)))
                    .isEmpty();
            assertThat(KAFKA.drainCommitted(config.get(ArbiterOptions.TOPIC_ALLOCATIONS)))
                    .isEmpty();
            assertThat(KAFKA.drainCommitted(config.get(ArbiterOptions.TOPIC_GOVERNANCE))).isEmpty();

            // Every at-least-once record carries its identity as its id.
            AvroCodec<ModelSignal> signalCodec = AvroCodec.of(ModelSignal.class);
            for (ConsumerRecord<byte[], byte[]> record : signals) {
                ModelSignal signal = signalCodec.decode(record.value());
                assertThat(RecordIds.of(record.headers()))
                        .isEqualTo(
                                signal.getModel() + "|1|USDCHF|" + signal.getTime().toEpochMilli());
            }
            AvroCodec<TradeIntent> intentCodec = AvroCodec.of(TradeIntent.class);
            for (ConsumerRecord<byte[], byte[]> record : intents) {
                TradeIntent intent = intentCodec.decode(record.value());
                assertThat(RecordIds.of(record.headers()))
                        .isEqualTo(intent.getIntentId())
                        .isEqualTo(
                                "desk|"
                                        + intent.getModel()
                                        + "|USDCHF|"
                                        + intent.getTime().toEpochMilli());
            }
        } finally {
            job.cancel().get();
        }
    }

    @Test
    void afterAFailoverRecordsComeAgainByteIdenticalUnderTheSameIds() throws Exception {
        ArbiterConfig config = config("lanes-failover");
        send(config);
        CrashOnceVisible.arm(config);
        // The last bar waits for a later one to move the watermark past it: every other bar's
        // signals come out.
        Set<String> expectedSignals = new HashSet<>();
        for (Bar bar : bars.subList(0, BARS - 1)) {
            for (String model : List.of("bull", "bear")) {
                expectedSignals.add(model + "|1|USDCHF|" + bar.getTime().toEpochMilli());
            }
        }

        JobClient job = start(config, new CrashOnceVisible());
        Map<String, List<byte[]>> signals;
        Map<String, List<byte[]>> intents;
        try {
            // The restarted job goes through every bar again: each signal read before the crash
            // comes a second time, and every bar's signals come at least once.
            signals =
                    ids(
                            awaitUncommitted(
                                    config.get(ArbiterOptions.TOPIC_SIGNALS),
                                    r ->
                                            CrashOnceVisible.crashed
                                                    && ids(r).keySet().containsAll(expectedSignals)
                                                    && twiceEach(
                                                            ids(r), CrashOnceVisible.signalsSeen),
                                    "every signal, and again those read before the crash"));
            intents =
                    ids(
                            awaitUncommitted(
                                    config.get(ArbiterOptions.TOPIC_INTENTS),
                                    r -> twiceEach(ids(r), CrashOnceVisible.intentsSeen),
                                    "again the intents read before the crash"));
        } finally {
            job.cancel().get();
        }

        assertThat(signals.keySet()).containsAll(expectedSignals);
        assertThat(CrashOnceVisible.signalsSeen).isNotEmpty();
        assertOneContentPerId(signals);
        assertThat(CrashOnceVisible.intentsSeen).isNotEmpty();
        assertOneContentPerId(intents);
        AvroCodec<TradeIntent> intentCodec = AvroCodec.of(TradeIntent.class);
        for (Map.Entry<String, List<byte[]>> intent : intents.entrySet()) {
            assertThat(intentCodec.decode(intent.getValue().get(0)).getIntentId())
                    .isEqualTo(intent.getKey());
        }
    }

    /** Whether each of {@code ids} was read at least twice. */
    private static boolean twiceEach(Map<String, List<byte[]>> copies, Set<String> ids) {
        return ids.stream().allMatch(id -> copies.getOrDefault(id, List.of()).size() >= 2);
    }

    private static void assertOneContentPerId(Map<String, List<byte[]>> copies) {
        copies.forEach(
                (id, values) -> {
                    for (byte[] value : values) {
                        assertThat(value).as(id).isEqualTo(values.get(0));
                    }
                });
    }

    /** The values of each id, in the order read. */
    private static Map<String, List<byte[]>> ids(List<ConsumerRecord<byte[], byte[]>> records) {
        Map<String, List<byte[]>> byId = new HashMap<>();
        for (ConsumerRecord<byte[], byte[]> record : records) {
            String id = RecordIds.of(record.headers());
            assertThat(id).as("the arbiter-id header of " + record).isNotNull();
            byId.computeIfAbsent(id, k -> new ArrayList<>()).add(record.value());
        }
        return byId;
    }

    /**
     * The job's configuration: the shipped lanes, checkpoints half an hour apart with as long a
     * pause before the first (Flink starts the first one between the minimum pause and the
     * interval), partitions that carry nothing idle after a second.
     */
    private static ArbiterConfig config(String job) throws Exception {
        Map<String, String> settings = new HashMap<>();
        // Bars and everything made from them carry 1990s timestamps: topics that keep them
        // whatever their age, or the broker's retention check deletes them mid-test.
        for (var topic : ArbiterOptions.TOPICS) {
            settings.put(topic.key(), keptTopic(topic.defaultValue()));
        }
        settings.putAll(
                Map.of(
                        "scoring.models-dir", models.toString(),
                        "checkpointing.interval", "30 min",
                        "flink.execution.checkpointing.min-pause", "30 min",
                        // Above the interval, within the broker's transaction.max.timeout.ms.
                        "kafka.transaction-timeout", "50 min",
                        "watermarks.idleness", "1 s",
                        "flink.restart-strategy.type", "fixed-delay",
                        "flink.restart-strategy.fixed-delay.attempts", "3",
                        "flink.restart-strategy.fixed-delay.delay", "100 ms"));
        return TestJobs.config(KAFKA, job, settings);
    }

    /** A fresh topic of two partitions that keeps its records forever. */
    private static String keptTopic(String prefix) throws Exception {
        String topic = prefix + "-" + EmbeddedKafka.unique();
        try (Admin admin = Admin.create(KAFKA.clientProperties())) {
            admin.createTopics(
                            List.of(
                                    new NewTopic(topic, 2, (short) 1)
                                            .configs(Map.of("retention.ms", "-1"))))
                    .all()
                    .get();
        }
        return topic;
    }

    private static void send(ArbiterConfig config) throws Exception {
        KAFKA.sendAll(config.get(ArbiterOptions.TOPIC_BARS), new ArrayList<>(barRecords));
        KAFKA.sendAll(
                config.get(ArbiterOptions.TOPIC_EXTERNAL_SIGNALS), new ArrayList<>(signalRecords));
    }

    /** The production graph, unbounded, with {@code validator} on the bars. */
    private static JobClient start(ArbiterConfig config, RecordValidator<Bar> validator)
            throws Exception {
        StreamExecutionEnvironment env =
                StreamExecutionEnvironment.getExecutionEnvironment(
                        JobEnvironment.flinkConfiguration(config));
        ArbiterPipeline.define(
                env,
                policy,
                KafkaWiring.scoring(config, policy),
                KafkaWiring.governance(config),
                KafkaWiring.inputs(config, false, validator),
                KafkaWiring.outputs(config));
        return env.executeAsync(config.get(ArbiterOptions.JOB_NAME));
    }

    /** Reads the topic with read_uncommitted until {@code done} holds for what was read. */
    private static List<ConsumerRecord<byte[], byte[]>> awaitUncommitted(
            String topic, Predicate<List<ConsumerRecord<byte[], byte[]>>> done, String what) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        try (KafkaConsumer<byte[], byte[]> consumer = uncommittedConsumer(KAFKA, topic)) {
            List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
            while (!done.test(records)) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError(
                            "no "
                                    + what
                                    + " on "
                                    + topic
                                    + " within "
                                    + PATIENCE
                                    + ": read "
                                    + records.size());
                }
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            return records;
        }
    }

    static KafkaConsumer<byte[], byte[]> uncommittedConsumer(EmbeddedKafka kafka, String topic) {
        Properties props = kafka.clientProperties();
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_uncommitted");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        KafkaConsumer<byte[], byte[]> consumer =
                new KafkaConsumer<>(
                        props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions =
                consumer.partitionsFor(topic).stream()
                        .map(p -> new TopicPartition(topic, p.partition()))
                        .toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        return consumer;
    }

    /**
     * Accepts every bar, but at the {@value #CRASH_AT_BAR}th bar of its first run waits until a
     * signal and an intent are readable, notes which, then throws once. No checkpoint has
     * completed, so the restarted job replays everything: those records are certain to come again.
     */
    static final class CrashOnceVisible implements RecordValidator<Bar> {
        private static final long serialVersionUID = 1L;
        // Static: they must survive the task restart the failure causes (same JVM).
        static final AtomicBoolean armed = new AtomicBoolean();
        static volatile boolean crashed;
        static volatile String signalsTopic;
        static volatile String intentsTopic;
        static volatile Instant crashBar;
        static volatile Set<String> signalsSeen = Set.of();
        static volatile Set<String> intentsSeen = Set.of();

        static void arm(ArbiterConfig config) {
            signalsTopic = config.get(ArbiterOptions.TOPIC_SIGNALS);
            intentsTopic = config.get(ArbiterOptions.TOPIC_INTENTS);
            crashBar = bars.get(CRASH_AT_BAR).getTime();
            crashed = false;
            armed.set(true);
        }

        @Override
        public List<Violation> validate(Bar bar) {
            if (bar.getTime().equals(crashBar) && armed.compareAndSet(true, false)) {
                signalsSeen =
                        Set.copyOf(
                                ids(awaitUncommitted(
                                                signalsTopic,
                                                r -> !r.isEmpty(),
                                                "a signal before the crash"))
                                        .keySet());
                intentsSeen =
                        Set.copyOf(
                                ids(awaitUncommitted(
                                                intentsTopic,
                                                r -> !r.isEmpty(),
                                                "an intent before the crash"))
                                        .keySet());
                crashed = true;
                throw new IllegalStateException("injected failure");
            }
            return List.of();
        }
    }

    private static byte[] key(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static void externalModel(Path directory, String id) throws Exception {
        ModelManifest.Calibrator identity =
                new ModelManifest.Calibrator(
                        ModelManifest.Calibrator.ISOTONIC,
                        null,
                        null,
                        List.of(0.0, 1.0),
                        List.of(0.0, 1.0),
                        0.25);
        new ModelManifest(
                        id,
                        "1",
                        ModelManifest.EXTERNAL,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        "P(win)",
                        null,
                        null,
                        null,
                        Map.of("low_vol", identity, "med_vol", identity, "high_vol", identity),
                        null)
                .write(directory);
    }
}
