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
import io.arbiter.operators.ingest.BarCsv;
import io.arbiter.operators.policy.Policy;
import io.arbiter.operators.validation.BarValidator;
import io.arbiter.operators.validation.RecordValidator;
import io.arbiter.operators.validation.Violation;
import io.arbiter.schemas.Bar;
import io.arbiter.schemas.ModelSignal;
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
 * The delivery lanes with the shipped defaults, on the whole job: the shipped models score the bars
 * of one symbol, signals pass the gate and the planner turns them into trade intents. Checkpoints
 * are half an hour apart (and at least half an hour after the start), so within these tests none
 * completes:
 *
 * <ul>
 *   <li>signals and intents (at-least-once) are readable by a read_uncommitted consumer at once,
 *       each with its deterministic id in the {@code arbiter-id} header, while a dead letter on the
 *       exactly-once {@code dlq.records} is written but stays invisible to read_committed;
 *   <li>after a failover, which replays everything since no checkpoint completed, a consumer reads
 *       the records again: every copy is byte-identical and carries the same id, so dropping ids
 *       already seen leaves each record once.
 * </ul>
 */
class DeliveryLanesITCase {

    @RegisterExtension static final MiniClusterExtension FLINK = TestFlink.miniCluster();

    @RegisterExtension static final EmbeddedKafka KAFKA = new EmbeddedKafka();

    private static final Path USDCHF = Path.of("../data/bars/usdchf_2h.csv");
    private static final int BARS = 200;
    private static final Duration PATIENCE = Duration.ofMinutes(3);

    // A short regime history and gates at 0.5 so the shipped models' signals pass early; the
    // models share the book on probation, no baseline model; the planner's limits let the one
    // symbol hold the book.
    private static final String POLICY_YAML =
            String.join(
                    "\n",
                    "version: lanes-test",
                    "features:",
                    "  regime:",
                    "    window-bars: 30",
                    "    min-history-bars: 30",
                    "gating:",
                    "  thresholds:",
                    "    low_vol: 0.5",
                    "    med_vol: 0.5",
                    "    high_vol: 0.5",
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

    /** The shipped models, scored in the job: a replay scores the same vectors the same way. */
    private static final Path MODELS = Path.of("../models").toAbsolutePath().normalize();

    /** The one shipped model that scores every bar (trees take missing inputs). */
    private static final String EVERY_BAR = "gbdt-ttr28";

    private static Policy policy;
    private static List<Bar> bars;
    private static List<SimpleEntry<byte[], byte[]>> barRecords;

    /** The bar after them, which fails the job once. */
    private static Bar poison;

    @BeforeAll
    static void data() throws Exception {
        policy = Policy.load(Files.writeString(dir.resolve("policy.yaml"), POLICY_YAML));
        List<Bar> rows =
                BarCsv.readTable(USDCHF, "USDCHF", Duration.ZERO)
                        .rows()
                        .subList(0, BARS + 1)
                        .stream()
                        .map(BarCsv.Row::bar)
                        .toList();
        bars = rows.subList(0, BARS);
        poison = rows.get(BARS);
        AvroCodec<Bar> barCodec = AvroCodec.of(Bar.class);
        barRecords = new ArrayList<>();
        for (Bar bar : bars) {
            barRecords.add(new SimpleEntry<>(key("USDCHF"), barCodec.encode(bar)));
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
                                signal.getModel()
                                        + "|"
                                        + signal.getVersion()
                                        + "|USDCHF|"
                                        + signal.getTime().toEpochMilli());
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
        // The tree model scores every bar; the last bar waits for a later one to move the
        // watermark past it.
        Set<String> expectedSignals = new HashSet<>();
        for (Bar bar : bars.subList(0, BARS - 1)) {
            expectedSignals.add(EVERY_BAR + "|1|USDCHF|" + bar.getTime().toEpochMilli());
        }
        CrashOnce.arm(poison.getTime());

        JobClient job = start(config, new CrashOnce());
        Map<String, List<byte[]>> signals;
        Map<String, List<byte[]>> intents;
        try {
            // Every bar's signals and some intents are read while no checkpoint has completed.
            Set<String> signalsSeen =
                    ids(awaitUncommitted(
                                    config.get(ArbiterOptions.TOPIC_SIGNALS),
                                    r -> ids(r).keySet().containsAll(expectedSignals),
                                    "a signal of every bar"))
                            .keySet();
            Set<String> intentsSeen =
                    ids(awaitUncommitted(
                                    config.get(ArbiterOptions.TOPIC_INTENTS),
                                    r -> !r.isEmpty(),
                                    "an intent"))
                            .keySet();
            // The next bar fails the job once; it restarts with nothing to restore, so it reads
            // and writes everything again.
            KAFKA.send(
                    config.get(ArbiterOptions.TOPIC_BARS),
                    key("USDCHF"),
                    AvroCodec.of(Bar.class).encode(poison));
            signals =
                    ids(
                            awaitUncommitted(
                                    config.get(ArbiterOptions.TOPIC_SIGNALS),
                                    r -> CrashOnce.crashed && twiceEach(ids(r), signalsSeen),
                                    "the signals read before the failure, again"));
            intents =
                    ids(
                            awaitUncommitted(
                                    config.get(ArbiterOptions.TOPIC_INTENTS),
                                    r -> twiceEach(ids(r), intentsSeen),
                                    "the intents read before the failure, again"));
        } finally {
            job.cancel().get();
        }

        assertThat(signals.keySet()).containsAll(expectedSignals);
        // The other models' signals are there too (logistic and MLP need complete features).
        assertThat(signals.keySet()).anyMatch(id -> !id.startsWith(EVERY_BAR + "|"));
        assertOneContentPerId(signals);
        assertThat(intents).isNotEmpty();
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
                        "scoring.models-dir", MODELS.toString(),
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

    /** Accepts every bar, but throws once at the armed bar (static: it survives the restart). */
    static final class CrashOnce implements RecordValidator<Bar> {
        private static final long serialVersionUID = 1L;
        static final AtomicBoolean armed = new AtomicBoolean();
        static volatile boolean crashed;
        static volatile Instant crashBar;

        static void arm(Instant bar) {
            crashBar = bar;
            crashed = false;
            armed.set(true);
        }

        @Override
        public List<Violation> validate(Bar bar) {
            if (bar.getTime().equals(crashBar) && armed.compareAndSet(true, false)) {
                crashed = true;
                throw new IllegalStateException("injected failure");
            }
            return List.of();
        }
    }

    private static byte[] key(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
