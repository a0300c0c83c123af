package io.arbiter.jobs.monitor;

import io.arbiter.jobs.config.ArbiterConfig;
import io.arbiter.jobs.config.ArbiterOptions;
import io.arbiter.schemas.AllocationEvent;
import io.arbiter.schemas.GovernanceEvent;
import io.arbiter.schemas.codec.AvroCodec;
import org.apache.avro.AvroRuntimeException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Keeps a {@link DeskMonitor} up to date from the job's allocation and governance topics, on a
 * thread of its own, reading with {@code read_committed} from the beginning (what a downstream
 * consumer would act on). The demo prints {@link #render()} every few seconds and closes the
 * watcher when it stops.
 *
 * <pre>{@code
 * try (DeskWatcher desk = DeskWatcher.start(config, 8)) {
 *     ...
 *     System.out.print(desk.render());
 * }
 * }</pre>
 *
 * Waits for topics that do not exist yet (it never creates one) and keeps trying after a Kafka
 * error, showing the error under the table until a poll succeeds. A value that does not decode is
 * counted and skipped. All public methods are thread-safe.
 */
public final class DeskWatcher implements AutoCloseable {

    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration RETRY = Duration.ofMillis(500);
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(5);

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final String allocationsTopic;
    private final String governanceTopic;
    private final Thread poller;
    private final CountDownLatch stop = new CountDownLatch(1);

    /** Guards everything below; notified after every batch. */
    private final Object lock = new Object();

    private final DeskMonitor monitor;
    private long allocations;
    private long governance;
    private long undecodable;
    private String problem;

    private DeskWatcher(
            Properties kafka, String allocationsTopic, String governanceTopic, int lastEvents) {
        Properties props = new Properties();
        props.putAll(kafka);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
        props.putIfAbsent(ConsumerConfig.CLIENT_ID_CONFIG, "arbiter-desk-watcher");
        this.consumer =
                new KafkaConsumer<>(
                        props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        this.allocationsTopic = allocationsTopic;
        this.governanceTopic = governanceTopic;
        this.monitor = new DeskMonitor(lastEvents);
        this.poller = new Thread(this::run, "desk-watcher");
        poller.setDaemon(true);
    }

    /**
     * Starts watching the two topics.
     *
     * @param kafka client properties (bootstrap servers, security settings)
     * @param lastEvents how many governance events {@link #render()} lists
     */
    public static DeskWatcher start(
            Properties kafka, String allocationsTopic, String governanceTopic, int lastEvents) {
        DeskWatcher watcher = new DeskWatcher(kafka, allocationsTopic, governanceTopic, lastEvents);
        watcher.poller.start();
        return watcher;
    }

    /** Starts watching the topics {@code config} names, with its Kafka settings. */
    public static DeskWatcher start(ArbiterConfig config, int lastEvents) {
        return start(
                config.kafkaProperties(),
                config.get(ArbiterOptions.TOPIC_ALLOCATIONS),
                config.get(ArbiterOptions.TOPIC_GOVERNANCE),
                lastEvents);
    }

    /**
     * The monitoring table and the latest governance events as they stand ({@link
     * DeskMonitor#render()}), then the last Kafka problem if the newest poll failed.
     */
    public String render() {
        synchronized (lock) {
            String text = monitor.render();
            return problem == null ? text : text + "(watcher: " + problem + ")\n";
        }
    }

    /** Committed allocation events read so far. */
    public long allocationEvents() {
        synchronized (lock) {
            return allocations;
        }
    }

    /** Committed governance events read so far. */
    public long governanceEvents() {
        synchronized (lock) {
            return governance;
        }
    }

    /** Values on either topic that did not decode, skipped. */
    public long undecodable() {
        synchronized (lock) {
            return undecodable;
        }
    }

    /**
     * Waits until at least this many allocation and governance events have been read.
     *
     * @return whether they were, false when {@code timeout} passed first
     */
    public boolean awaitEvents(long allocationEvents, long governanceEvents, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lock) {
            while (allocations < allocationEvents || governance < governanceEvents) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(lock, left);
            }
            return true;
        }
    }

    /** Stops the poller and closes its consumer; waits a few seconds for it at most. */
    @Override
    public void close() throws InterruptedException {
        stop.countDown();
        consumer.wakeup();
        poller.join(CLOSE_WAIT.toMillis());
    }

    /** Whether the poller thread still runs (false once {@link #close()} has returned). */
    boolean polling() {
        return poller.isAlive();
    }

    private void run() {
        AvroCodec<AllocationEvent> allocationCodec = AvroCodec.of(AllocationEvent.class);
        AvroCodec<GovernanceEvent> governanceCodec = AvroCodec.of(GovernanceEvent.class);
        try {
            if (!assignWhenTopicsExist()) {
                return;
            }
            while (stop.getCount() > 0) {
                ConsumerRecords<byte[], byte[]> records;
                try {
                    records = consumer.poll(POLL);
                } catch (WakeupException e) {
                    throw e;
                } catch (KafkaException e) {
                    report(e);
                    if (stop.await(RETRY.toMillis(), TimeUnit.MILLISECONDS)) {
                        return;
                    }
                    continue;
                }
                synchronized (lock) {
                    problem = null;
                    for (ConsumerRecord<byte[], byte[]> record : records) {
                        accept(record, allocationCodec, governanceCodec);
                    }
                    lock.notifyAll();
                }
            }
        } catch (WakeupException e) {
            // close() woke the poll
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            consumer.close(Duration.ofSeconds(2));
        }
    }

    /** Assigns every partition of both topics from the beginning; false when closed first. */
    private boolean assignWhenTopicsExist() throws InterruptedException {
        while (stop.getCount() > 0) {
            try {
                List<TopicPartition> partitions = new ArrayList<>();
                for (String topic : List.of(allocationsTopic, governanceTopic)) {
                    List<PartitionInfo> infos = consumer.partitionsFor(topic);
                    if (infos == null || infos.isEmpty()) {
                        throw new KafkaException("topic " + topic + " does not exist yet");
                    }
                    infos.forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
                }
                consumer.assign(partitions);
                consumer.seekToBeginning(partitions);
                synchronized (lock) {
                    problem = null;
                }
                return true;
            } catch (WakeupException e) {
                throw e;
            } catch (KafkaException e) {
                report(e);
                if (stop.await(RETRY.toMillis(), TimeUnit.MILLISECONDS)) {
                    return false;
                }
            }
        }
        return false;
    }

    private void accept(
            ConsumerRecord<byte[], byte[]> record,
            AvroCodec<AllocationEvent> allocationCodec,
            AvroCodec<GovernanceEvent> governanceCodec) {
        try {
            if (record.topic().equals(allocationsTopic)) {
                monitor.accept(allocationCodec.decode(record.value()));
                allocations++;
            } else {
                monitor.accept(governanceCodec.decode(record.value()));
                governance++;
            }
        } catch (IOException | AvroRuntimeException e) {
            undecodable++;
        }
    }

    private void report(KafkaException e) {
        synchronized (lock) {
            problem = e.getMessage();
        }
    }
}
