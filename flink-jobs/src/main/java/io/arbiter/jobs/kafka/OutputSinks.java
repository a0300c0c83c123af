package io.arbiter.jobs.kafka;

import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.flink.connector.kafka.sink.KafkaSinkBuilder;

import io.arbiter.jobs.config.ArbiterConfig;
import io.arbiter.jobs.config.ArbiterOptions;
import io.arbiter.jobs.config.Delivery;
import org.apache.avro.specific.SpecificRecordBase;
import org.apache.kafka.clients.producer.ProducerConfig;

import java.util.Properties;

/**
 * The job's Kafka sinks, one per output topic, each in its delivery lane ({@link Delivery}):
 *
 * <ul>
 *   <li><b>exactly-once</b>: transactional; a record becomes visible to read_committed consumers
 *       once, when the checkpoint that covers it completes. Each sink has its own transactional-id
 *       prefix ({@code <job>-<sink>}), so two jobs or two sinks never fence each other (STACK.md
 *       trap 5).
 *   <li><b>at-least-once</b>: no transaction; the record is sent at once (and flushed at every
 *       checkpoint, so nothing before a completed checkpoint is lost). After a failover the records
 *       since the last checkpoint are written again, byte-identical, with the same id.
 * </ul>
 *
 * Every record carries its deterministic id in the {@value RecordIds#HEADER} header, whatever its
 * lane, so a consumer can treat every topic alike.
 */
public final class OutputSinks {

    private OutputSinks() {}

    public static <T extends SpecificRecordBase> KafkaSink<T> of(
            Class<T> type,
            String topic,
            RecordKey<T> key,
            EventTime<T> time,
            RecordId<T> id,
            String sinkName,
            Delivery delivery,
            ArbiterConfig config) {
        Properties producer = config.kafkaProperties();
        KafkaSinkBuilder<T> builder =
                KafkaSink.<T>builder()
                        .setKafkaProducerConfig(producer)
                        .setRecordSerializer(
                                new AvroRecordSerializer<>(type, topic, key, time, id));
        if (delivery == Delivery.EXACTLY_ONCE) {
            producer.setProperty(
                    ProducerConfig.TRANSACTION_TIMEOUT_CONFIG,
                    String.valueOf(config.get(ArbiterOptions.TRANSACTION_TIMEOUT).toMillis()));
            builder.setKafkaProducerConfig(producer)
                    .setDeliveryGuarantee(DeliveryGuarantee.EXACTLY_ONCE)
                    .setTransactionalIdPrefix(config.get(ArbiterOptions.JOB_NAME) + "-" + sinkName);
        } else {
            builder.setDeliveryGuarantee(DeliveryGuarantee.AT_LEAST_ONCE);
        }
        return builder.build();
    }
}
