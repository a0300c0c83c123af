package io.arbiter.jobs.demo;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts what a downstream consumer sees on the job's output topics: records read with
 * read_committed, i.e. only what the exactly-once sinks committed.
 *
 * <p>Once the jobs have stopped, {@link #readToEnd()} makes the counts final: the counter notes the
 * topics' end offsets (for read_committed, the last stable offsets) and reports {@link #atEnd()}
 * when it has read up to them, so the summary never counts while records are in flight.
 */
final class CommittedCounter implements Runnable {

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final Map<String, AtomicLong> counts = new ConcurrentHashMap<>();
    // topic + "\n" + record key → count, for topics keyed by something worth telling apart (the
    // dead-letter topic is keyed by the source topic of each letter).
    private final Map<String, AtomicLong> keyedCounts = new ConcurrentHashMap<>();
    private final List<String> topics;
    private volatile boolean stopped;
    private volatile boolean endWanted;
    private volatile boolean atEnd;
    // The end offsets noted after readToEnd(); only the counter's thread touches the consumer.
    private Map<TopicPartition, Long> end;

    CommittedCounter(Properties kafka, List<String> topics) {
        Properties props = new Properties();
        props.putAll(kafka);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        this.consumer =
                new KafkaConsumer<>(
                        props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        this.topics = topics;
        topics.forEach(t -> counts.put(t, new AtomicLong()));
    }

    @Override
    public void run() {
        try {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : topics) {
                consumer.partitionsFor(topic)
                        .forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            while (!stopped) {
                consumer.poll(Duration.ofMillis(500))
                        .forEach(
                                r -> {
                                    counts.get(r.topic()).incrementAndGet();
                                    String key =
                                            r.key() == null
                                                    ? ""
                                                    : new String(
                                                            r.key(),
                                                            java.nio.charset.StandardCharsets
                                                                    .UTF_8);
                                    keyedCounts
                                            .computeIfAbsent(
                                                    r.topic() + "\n" + key, k -> new AtomicLong())
                                            .incrementAndGet();
                                });
                if (endWanted && !atEnd) {
                    atEnd = reachedEnd(partitions);
                }
            }
        } catch (WakeupException e) {
            // stop() woke the poll
        } finally {
            consumer.close(Duration.ofSeconds(2));
        }
    }

    /** Whether the consumer's position has reached the noted end offsets of every partition. */
    private boolean reachedEnd(List<TopicPartition> partitions) {
        try {
            if (end == null) {
                end = consumer.endOffsets(partitions);
            }
            for (TopicPartition partition : partitions) {
                // Commit markers occupy offsets too; the consumer's position moves past them.
                if (consumer.position(partition) < end.getOrDefault(partition, 0L)) {
                    return false;
                }
            }
            return true;
        } catch (TimeoutException e) {
            return false; // a slow broker: ask again after the next poll
        }
    }

    /**
     * Asks the counter to read up to the topics' current end: call once nothing writes to them any
     * more, then wait for {@link #atEnd()}.
     */
    void readToEnd() {
        endWanted = true;
    }

    /** Whether the counts are final: everything committed before {@link #readToEnd()} was read. */
    boolean atEnd() {
        return atEnd;
    }

    /** Records read so far, all topics together (for watching progress). */
    long total() {
        return counts.values().stream().mapToLong(AtomicLong::get).sum();
    }

    long count(String topic) {
        return counts.get(topic).get();
    }

    /** Records of {@code topic} whose key is {@code key} (UTF-8). */
    long count(String topic, String key) {
        AtomicLong count = keyedCounts.get(topic + "\n" + key);
        return count == null ? 0 : count.get();
    }

    void stop() {
        stopped = true;
        consumer.wakeup();
    }
}
