package io.arbiter.jobs.control;

import io.arbiter.schemas.ControlCommand;
import io.arbiter.schemas.codec.AvroCodec;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.ExecutionException;

/**
 * Writes one signed command to the control topic and waits until the broker has it: key = book
 * (UTF-8), value = Avro single-object encoding, Kafka timestamp = the command's own time (as every
 * Arbiter topic carries event time), acks from all in-sync replicas, idempotent.
 */
public final class CommandSender {

    /** How long a send may take before the command gives up (unless the config says otherwise). */
    static final Duration DELIVERY_TIMEOUT = Duration.ofSeconds(30);

    /** One request's wait; must be below the delivery timeout. */
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

    private CommandSender() {}

    /**
     * @param kafka client properties (bootstrap servers and security settings)
     * @return where the command landed
     * @throws ExecutionException when the broker did not take it (the cause says why)
     */
    public static RecordMetadata send(Properties kafka, String topic, ControlCommand command)
            throws ExecutionException, InterruptedException {
        Properties props = new Properties();
        props.putAll(kafka);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        props.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, "arbiter-control");
        props.putIfAbsent(ProducerConfig.MAX_BLOCK_MS_CONFIG, millis(DELIVERY_TIMEOUT));
        props.putIfAbsent(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, millis(REQUEST_TIMEOUT));
        props.putIfAbsent(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, millis(DELIVERY_TIMEOUT));
        byte[] key = command.getBook().getBytes(StandardCharsets.UTF_8);
        byte[] value = AvroCodec.of(ControlCommand.class).encode(command);
        try (KafkaProducer<byte[], byte[]> producer =
                new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer())) {
            return producer.send(
                            new ProducerRecord<>(
                                    topic,
                                    null,
                                    Math.max(0L, command.getTime().toEpochMilli()),
                                    key,
                                    value))
                    .get();
        }
    }

    /** Kafka reads numbers in Properties as text (a Long where it wants an int is refused). */
    private static String millis(Duration duration) {
        return Long.toString(duration.toMillis());
    }
}
