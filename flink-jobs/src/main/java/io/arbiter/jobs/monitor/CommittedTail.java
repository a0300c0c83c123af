package io.arbiter.jobs.monitor;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Consumer;

/**
 * Reads one topic the way a downstream consumer of the job does, with {@code read_committed}: only
 * what the exactly-once sinks committed, never a record of an open or aborted transaction. Starts
 * at the beginning or the end of every partition, and stops after a number of records, or when it
 * has caught up with the end offsets (last stable offsets) it saw when it started, and then, if
 * asked to follow, once no record has come for the follow time.
 *
 * <p>It assigns partitions itself (no consumer group, nothing committed) and never creates a topic.
 * Not thread-safe; one read per instance.
 */
public final class CommittedTail implements AutoCloseable {

    private static final Duration POLL = Duration.ofMillis(200);

    /** Where to start reading. */
    public enum Start {
        BEGINNING,
        END
    }

    /** How a read ended: records handed over, and whether it had caught up when it stopped. */
    public record Result(long records, boolean caughtUp) {}

    /** The topic does not exist (the tail does not create it). */
    public static final class NoSuchTopicException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NoSuchTopicException(String topic) {
            super("topic " + topic + " does not exist");
        }
    }

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final String topic;

    /**
     * @param kafka client properties (bootstrap servers, security); the isolation level, offset
     *     commits and topic creation are set here
     */
    public CommittedTail(Properties kafka, String topic) {
        Properties props = new Properties();
        props.putAll(kafka);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
        props.putIfAbsent(ConsumerConfig.CLIENT_ID_CONFIG, "arbiter-tail");
        // A person is waiting: give up on an unreachable broker after seconds, not the minute
        // Kafka allows by default (kafka.properties.default.api.timeout.ms overrides).
        props.putIfAbsent(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "15000");
        this.consumer =
                new KafkaConsumer<>(
                        props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        this.topic = topic;
    }

    /**
     * Hands each committed record to {@code sink} in partition order.
     *
     * @param max stop after this many records; 0 for no limit
     * @param follow after catching up, keep reading until no record has come for this long; zero
     *     stops as soon as it has caught up
     * @throws NoSuchTopicException when the topic does not exist
     */
    public Result read(
            Start start, long max, Duration follow, Consumer<ConsumerRecord<byte[], byte[]>> sink) {
        List<TopicPartition> partitions =
                consumer.partitionsFor(topic).stream()
                        .map(p -> new TopicPartition(topic, p.partition()))
                        .toList();
        if (partitions.isEmpty()) {
            throw new NoSuchTopicException(topic);
        }
        consumer.assign(partitions);
        if (start == Start.BEGINNING) {
            consumer.seekToBeginning(partitions);
        } else {
            consumer.seekToEnd(partitions);
        }
        // With read_committed these are the last stable offsets: the end of what is committed.
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
        long read = 0;
        long lastRecordAt = System.nanoTime();
        while (true) {
            boolean caughtUp = caughtUp(partitions, end);
            if (caughtUp && System.nanoTime() - lastRecordAt >= follow.toNanos()) {
                return new Result(read, true);
            }
            Iterator<ConsumerRecord<byte[], byte[]>> batch = consumer.poll(POLL).iterator();
            while (batch.hasNext()) {
                sink.accept(batch.next());
                lastRecordAt = System.nanoTime();
                if (++read == max) {
                    // The consumer's position is past the whole batch, shown or not.
                    return new Result(read, !batch.hasNext() && caughtUp(partitions, end));
                }
            }
        }
    }

    private boolean caughtUp(List<TopicPartition> partitions, Map<TopicPartition, Long> end) {
        for (TopicPartition partition : partitions) {
            if (consumer.position(partition) < end.get(partition)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(2));
    }
}
