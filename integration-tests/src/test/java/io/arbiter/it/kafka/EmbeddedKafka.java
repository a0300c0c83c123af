package io.arbiter.it.kafka;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;

/**
 * A real Kafka broker inside the test JVM (Kafka's own {@code KafkaClusterTestKit}, combined broker
 * and controller), started once per test class. Each test makes its own fresh topics and drains
 * them to the end offsets captured when the drain starts, so tests never sleep and never see each
 * other's records.
 *
 * <pre>{@code
 * @RegisterExtension static final EmbeddedKafka KAFKA = new EmbeddedKafka();
 * String topic = KAFKA.freshTopic("bars", 2);
 * }</pre>
 */
public final class EmbeddedKafka implements BeforeAllCallback, AfterAllCallback {

    private KafkaClusterTestKit cluster;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        cluster =
                new KafkaClusterTestKit.Builder(
                                new TestKitNodes.Builder()
                                        .setCombined(true)
                                        .setNumBrokerNodes(1)
                                        .setNumControllerNodes(1)
                                        .build())
                        .setConfigProp("offsets.topic.replication.factor", "1")
                        .setConfigProp("offsets.topic.num.partitions", "1")
                        .setConfigProp("transaction.state.log.replication.factor", "1")
                        .setConfigProp("transaction.state.log.min.isr", "1")
                        .setConfigProp("transaction.state.log.num.partitions", "1")
                        .setConfigProp("group.initial.rebalance.delay.ms", "0")
                        .setConfigProp("transaction.max.timeout.ms", "3600000")
                        .build();
        cluster.format();
        cluster.startup();
        cluster.waitForReadyBrokers();
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        if (cluster != null) {
            cluster.close();
        }
    }

    public String bootstrapServers() {
        return cluster.bootstrapServers();
    }

    /** Creates a topic with a unique name starting with {@code prefix}. */
    public String freshTopic(String prefix, int partitions)
            throws ExecutionException, InterruptedException {
        String topic = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        try (Admin admin = Admin.create(clientProperties())) {
            admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get();
        }
        return topic;
    }

    /** Sends one record synchronously and returns where it landed. */
    public RecordMetadata send(String topic, byte[] key, byte[] value)
            throws ExecutionException, InterruptedException {
        try (KafkaProducer<byte[], byte[]> producer = producer()) {
            return producer.send(new ProducerRecord<>(topic, key, value)).get();
        }
    }

    /**
     * Sends records in order (one idempotent producer keeps each partition's order) and waits for
     * all of them; returns where each landed.
     */
    public List<RecordMetadata> sendAll(String topic, List<Map.Entry<byte[], byte[]>> records)
            throws ExecutionException, InterruptedException {
        List<java.util.concurrent.Future<RecordMetadata>> pending = new ArrayList<>();
        try (KafkaProducer<byte[], byte[]> producer = producer()) {
            for (Map.Entry<byte[], byte[]> record : records) {
                pending.add(
                        producer.send(
                                new ProducerRecord<>(topic, record.getKey(), record.getValue())));
            }
            producer.flush();
        }
        List<RecordMetadata> landed = new ArrayList<>(pending.size());
        for (var future : pending) {
            landed.add(future.get());
        }
        return landed;
    }

    /**
     * Every committed record of the topic, read with read_committed up to the end offsets captured
     * now (the last stable offsets).
     */
    public List<ConsumerRecord<byte[], byte[]>> drainCommitted(String topic) {
        Properties props = clientProperties();
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        try (KafkaConsumer<byte[], byte[]> consumer =
                new KafkaConsumer<>(
                        props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions =
                    consumer.partitionsFor(topic).stream()
                            .map(p -> new TopicPartition(topic, p.partition()))
                            .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not drain " + topic + " to " + end);
                }
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            return records;
        }
    }

    public Properties clientProperties() {
        Properties props = new Properties();
        props.put("bootstrap.servers", bootstrapServers());
        return props;
    }

    private KafkaProducer<byte[], byte[]> producer() {
        Properties props = clientProperties();
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        return new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
    }

    /** A unique suffix for job names and transactional ids. */
    public static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
