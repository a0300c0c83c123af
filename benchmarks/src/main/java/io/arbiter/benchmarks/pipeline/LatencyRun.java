package io.arbiter.benchmarks.pipeline;

import org.apache.flink.api.common.JobID;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.util.TimeUtils;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.arbiter.benchmarks.features.SyntheticBars;
import io.arbiter.jobs.config.ArbiterConfig;
import io.arbiter.jobs.config.ArbiterOptions;
import io.arbiter.jobs.config.Delivery;
import io.arbiter.jobs.kafka.RecordIds;
import io.arbiter.jobs.pipeline.ArbiterPipeline;
import io.arbiter.jobs.pipeline.KafkaWiring;
import io.arbiter.operators.policy.Policy;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The full job, unbounded, on a live topic fed at a fixed rate by {@link PacedFeed}, while three
 * consumers time every record made from a bar: receive time minus the bar's event time (a record's
 * Kafka timestamp is its bar's time).
 *
 * <ul>
 *   <li>the at-least-once lane: signals and trade intents, read_uncommitted, as the execution
 *       service reads them;
 *   <li>the exactly-once lane: feature vectors, which this run writes exactly once (their default
 *       lane is at-least-once), read_committed. The audit trail's events follow fills, not bars, so
 *       no bar of a live feed causes one; a feature vector is the exactly-once record a bar causes,
 *       and its transaction commits when the checkpoint completes across the whole graph, which is
 *       the wait every exactly-once topic has.
 * </ul>
 *
 * Samples of bars sent in the first {@code warmup} are dropped.
 */
final class LatencyRun {

    /** How long the consumers keep reading after the feed ends, beyond two checkpoints. */
    private static final Duration DRAIN = Duration.ofSeconds(5);

    /** The lane settings of the latency phase: what it measures in which lane. */
    static final Map<String, String> LANES =
            Map.of(
                    ArbiterOptions.DELIVERY_SIGNALS.key(), Delivery.AT_LEAST_ONCE.toString(),
                    ArbiterOptions.DELIVERY_INTENTS.key(), Delivery.AT_LEAST_ONCE.toString(),
                    ArbiterOptions.DELIVERY_FEATURES.key(), Delivery.EXACTLY_ONCE.toString());

    /** The settings that shape latency, reported with the numbers. */
    static final List<org.apache.flink.configuration.ConfigOption<?>> REPORTED =
            List.of(
                    ArbiterOptions.CHECKPOINT_INTERVAL,
                    ArbiterOptions.CHECKPOINT_UNALIGNED,
                    ArbiterOptions.CHECKPOINT_ALIGNED_TIMEOUT,
                    ArbiterOptions.BUFFER_TIMEOUT,
                    ArbiterOptions.BUFFER_DEBLOAT,
                    ArbiterOptions.BUFFER_DEBLOAT_TARGET,
                    ArbiterOptions.WATERMARK_INTERVAL,
                    ArbiterOptions.IDLENESS,
                    ArbiterOptions.MAX_DELAY,
                    ArbiterOptions.BATCH_SIZE,
                    ArbiterOptions.DELIVERY_SIGNALS,
                    ArbiterOptions.DELIVERY_INTENTS,
                    ArbiterOptions.DELIVERY_FEATURES);

    /**
     * What the live run changes in the desk's policy, so that a phase of a few dozen bars per
     * symbol makes trade intents at all: regimes named after 20 bars (the desk's 252 leave every
     * regime UNKNOWN, and an unknown regime never passes the gate), and gates at 0.5 (the shipped
     * models, trained on real markets, rarely reach the desk's 0.60-0.65 on random walks). The
     * planner's guardrails, the routing and the breakers stay the desk's. None of this changes how
     * long a record takes through the graph, only whether there is one.
     */
    static final String LIVE_POLICY =
            """
            features:
              regime:
                window-bars: 20
                min-history-bars: 20
            gating:
              thresholds:
                low_vol: 0.5
                med_vol: 0.5
                high_vol: 0.5
            """;

    private LatencyRun() {}

    /** The configured policy (its file, or the defaults) with {@link #LIVE_POLICY} over it. */
    static Policy livePolicy(ArbiterConfig config) throws Exception {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        String file = config.get(ArbiterOptions.POLICY_FILE);
        JsonNode base =
                file == null ? yaml.createObjectNode() : yaml.readTree(Path.of(file).toFile());
        JsonNode merged = yaml.readerForUpdating(base).readValue(LIVE_POLICY);
        Policy configured = config.policy();
        ((ObjectNode) merged).put("version", configured.version() + "+bench-live");
        return Policy.fromYaml("bench live policy", yaml.writeValueAsString(merged));
    }

    static LatencyResult run(
            SharedCluster cluster,
            ArbiterConfig config,
            SyntheticBars prices,
            double barsPerSecond,
            Duration warmup,
            Duration measured)
            throws Exception {
        if (config.get(ArbiterOptions.DELIVERY_SIGNALS) != Delivery.AT_LEAST_ONCE
                || config.get(ArbiterOptions.DELIVERY_INTENTS) != Delivery.AT_LEAST_ONCE
                || config.get(ArbiterOptions.DELIVERY_FEATURES) != Delivery.EXACTLY_ONCE) {
            throw new IllegalArgumentException("the latency phase runs with the lanes " + LANES);
        }
        System.gc();
        Policy policy = livePolicy(config);
        JobID job =
                cluster.submit(
                        config,
                        env ->
                                ArbiterPipeline.define(
                                        env,
                                        policy,
                                        KafkaWiring.scoring(config, policy),
                                        KafkaWiring.governance(config),
                                        KafkaWiring.inputs(config, false),
                                        KafkaWiring.outputs(config)));
        Properties kafka = config.kafkaProperties();
        Timer signals =
                new Timer(kafka, config.get(ArbiterOptions.TOPIC_SIGNALS), "read_uncommitted");
        Timer intents =
                new Timer(kafka, config.get(ArbiterOptions.TOPIC_INTENTS), "read_uncommitted");
        Timer features =
                new Timer(kafka, config.get(ArbiterOptions.TOPIC_FEATURES), "read_committed");
        List<Timer> timers = List.of(signals, intents, features);
        try {
            awaitRunning(cluster, job);
            timers.forEach(Timer::start);
            PacedFeed feed =
                    new PacedFeed(
                            kafka,
                            config.get(ArbiterOptions.TOPIC_BARS),
                            prices,
                            barsPerSecond,
                            (warmup.toMillis() + measured.toMillis()) / 1000.0);
            Thread feeder = new Thread(feed, "bench-paced-feed");
            feeder.setDaemon(true);
            feeder.start();
            while (feed.startedMillis() == 0 && feeder.isAlive()) {
                Thread.sleep(1);
            }
            long measureFrom = feed.startedMillis() + warmup.toMillis();
            timers.forEach(timer -> timer.measureFrom = measureFrom);
            feeder.join();
            long checkpoint = config.get(ArbiterOptions.CHECKPOINT_INTERVAL).toMillis();
            Thread.sleep(2 * checkpoint + DRAIN.toMillis()); // the exactly-once lane's last commit
            for (Timer timer : timers) {
                timer.stop();
            }
            if (feed.failure() != null) {
                throw new IllegalStateException("the latency feed failed", feed.failure());
            }
            if (signals.count == 0) {
                throw new IllegalStateException("no signal arrived during the latency phase");
            }
            if (features.count == 0) {
                throw new IllegalStateException(
                        "no exactly-once feature vector arrived during the latency phase");
            }
            SharedCluster.CheckpointTimes checkpoints = cluster.checkpointTimes(job);
            double achieved =
                    feed.sent()
                            * 1000.0
                            / Math.max(1, feed.finishedMillis() - feed.startedMillis());
            Map<String, String> settings = new LinkedHashMap<>();
            for (var option : REPORTED) {
                Object value = config.get(option);
                settings.put(
                        option.key(),
                        value instanceof Duration d
                                ? TimeUtils.formatWithHighestUnit(d)
                                : String.valueOf(value));
            }
            return new LatencyResult(
                    barsPerSecond,
                    achieved,
                    signals.percentiles(),
                    intents.percentiles(),
                    features.percentiles(),
                    checkpoint,
                    config.get(ArbiterOptions.MAX_OUT_OF_ORDERNESS).toMillis(),
                    checkpoints,
                    settings);
        } finally {
            for (Timer timer : timers) {
                timer.close();
            }
            cluster.cancel(job);
        }
    }

    /**
     * One consumer on its own thread, reading a topic from its beginning and timing each record of
     * a bar sent after the warm-up.
     */
    private static final class Timer implements Runnable {
        private final KafkaConsumer<byte[], byte[]> consumer;
        private final Thread thread;
        private final AtomicReference<Exception> failure = new AtomicReference<>();
        private volatile boolean running = true;
        private boolean closedUnstarted;
        private volatile long measureFrom = Long.MAX_VALUE;
        private long[] samples = new long[1 << 16];
        private int count;
        private final Set<String> seen = new HashSet<>();
        private long duplicates;

        Timer(Properties kafka, String topic, String isolation) {
            consumer = consumer(kafka, topic, isolation);
            thread = new Thread(this, "bench-latency-" + topic);
            thread.setDaemon(true);
        }

        void start() {
            thread.start();
        }

        @Override
        public void run() {
            try {
                while (running) {
                    for (ConsumerRecord<byte[], byte[]> record :
                            consumer.poll(Duration.ofMillis(50))) {
                        long received = System.currentTimeMillis();
                        // As a consumer must: a record read again after a restart is dropped.
                        String id = RecordIds.of(record.headers());
                        if (id != null && !seen.add(id)) {
                            duplicates++;
                            continue;
                        }
                        if (record.timestamp() >= measureFrom) {
                            if (count == samples.length) {
                                samples = Arrays.copyOf(samples, count * 2);
                            }
                            samples[count++] = received - record.timestamp();
                        }
                    }
                }
            } catch (Exception e) {
                failure.set(e);
            } finally {
                consumer.close();
            }
        }

        /** Stops the consumer and waits for its thread; its samples are then safe to read. */
        void stop() throws InterruptedException {
            close();
            if (failure.get() != null) {
                throw new IllegalStateException("a latency consumer failed", failure.get());
            }
        }

        /** Stops the consumer, whether it ever started or not; never throws. */
        void close() throws InterruptedException {
            running = false;
            if (thread.getState() == Thread.State.NEW) {
                if (!closedUnstarted) {
                    closedUnstarted = true;
                    consumer.close();
                }
                return;
            }
            thread.join();
        }

        Percentiles percentiles() {
            return Percentiles.of(samples, count).withDuplicates(duplicates);
        }
    }

    private static void awaitRunning(SharedCluster cluster, JobID job) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        JobStatus status;
        while ((status = cluster.status(job)) != JobStatus.RUNNING) {
            if (System.nanoTime() > deadline || status.isTerminalState()) {
                throw new IllegalStateException("the latency job did not start: " + status);
            }
            Thread.sleep(50);
        }
    }

    private static KafkaConsumer<byte[], byte[]> consumer(
            Properties kafka, String topic, String isolation) {
        Properties props = new Properties();
        props.putAll(kafka);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, isolation);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000");
        KafkaConsumer<byte[], byte[]> consumer =
                new KafkaConsumer<>(
                        props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        List<PartitionInfo> partitions = consumer.partitionsFor(topic);
        List<TopicPartition> assigned =
                partitions.stream().map(p -> new TopicPartition(topic, p.partition())).toList();
        consumer.assign(assigned);
        consumer.seekToBeginning(assigned);
        return consumer;
    }
}
