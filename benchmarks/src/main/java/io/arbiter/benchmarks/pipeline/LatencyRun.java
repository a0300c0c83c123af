package io.arbiter.benchmarks.pipeline;

import org.apache.flink.api.common.JobID;
import org.apache.flink.api.common.JobStatus;

import io.arbiter.benchmarks.features.SyntheticBars;
import io.arbiter.jobs.config.ArbiterConfig;
import io.arbiter.jobs.config.ArbiterOptions;
import io.arbiter.jobs.pipeline.KafkaWiring;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

/**
 * The full job, unbounded, on a live topic fed at a fixed rate by {@link PacedFeed}, while a
 * read_committed consumer times every signal: receive time minus the bar's event time (the signal's
 * Kafka timestamp is its bar's time). Samples of the first {@code warmup} are dropped.
 */
final class LatencyRun {

    /** How long the consumer keeps reading after the feed ends, beyond two checkpoints. */
    private static final Duration DRAIN = Duration.ofSeconds(5);

    private LatencyRun() {}

    static LatencyResult run(
            SharedCluster cluster,
            ArbiterConfig config,
            SyntheticBars prices,
            double barsPerSecond,
            Duration warmup,
            Duration measured)
            throws Exception {
        System.gc();
        JobID job = cluster.submit(config, env -> KafkaWiring.defineJob(env, config, false));
        try (KafkaConsumer<byte[], byte[]> consumer =
                consumer(config.kafkaProperties(), config.get(ArbiterOptions.TOPIC_SIGNALS))) {
            awaitRunning(cluster, job);
            PacedFeed feed =
                    new PacedFeed(
                            config.kafkaProperties(),
                            config.get(ArbiterOptions.TOPIC_BARS),
                            prices,
                            barsPerSecond,
                            (warmup.toMillis() + measured.toMillis()) / 1000.0);
            Thread feeder = new Thread(feed, "bench-paced-feed");
            feeder.setDaemon(true);
            feeder.start();
            long[] samples = new long[1 << 16];
            int count = 0;
            long measureFrom = Long.MAX_VALUE;
            long drainUntil = Long.MAX_VALUE;
            long checkpoint = config.get(ArbiterOptions.CHECKPOINT_INTERVAL).toMillis();
            while (System.currentTimeMillis() < drainUntil) {
                if (measureFrom == Long.MAX_VALUE && feed.startedMillis() > 0) {
                    measureFrom = feed.startedMillis() + warmup.toMillis();
                }
                if (drainUntil == Long.MAX_VALUE && !feeder.isAlive()) {
                    drainUntil = System.currentTimeMillis() + 2 * checkpoint + DRAIN.toMillis();
                }
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(2))) {
                    long received = System.currentTimeMillis();
                    if (record.timestamp() >= measureFrom) {
                        if (count == samples.length) {
                            samples = Arrays.copyOf(samples, count * 2);
                        }
                        samples[count++] = received - record.timestamp();
                    }
                }
            }
            if (feed.failure() != null) {
                throw new IllegalStateException("the latency feed failed", feed.failure());
            }
            if (count == 0) {
                throw new IllegalStateException("no signal arrived during the latency phase");
            }
            SharedCluster.CheckpointTimes checkpoints = cluster.checkpointTimes(job);
            long[] sorted = Arrays.copyOf(samples, count);
            Arrays.sort(sorted);
            double achieved =
                    feed.sent()
                            * 1000.0
                            / Math.max(1, feed.finishedMillis() - feed.startedMillis());
            return new LatencyResult(
                    barsPerSecond,
                    achieved,
                    count,
                    percentile(sorted, 0.50),
                    percentile(sorted, 0.99),
                    percentile(sorted, 0.999),
                    sorted[count - 1],
                    checkpoint,
                    config.get(ArbiterOptions.MAX_OUT_OF_ORDERNESS).toMillis(),
                    checkpoints);
        } finally {
            cluster.cancel(job);
        }
    }

    /** Nearest rank: the smallest sample with at least {@code q} of the samples at or below it. */
    static double percentile(long[] sorted, double q) {
        int rank = (int) Math.ceil(q * sorted.length);
        return sorted[Math.max(0, rank - 1)];
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

    private static KafkaConsumer<byte[], byte[]> consumer(Properties kafka, String topic) {
        Properties props = new Properties();
        props.putAll(kafka);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
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
