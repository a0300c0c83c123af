package io.arbiter.jobs.kafka;

import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.sink.KafkaSink;

import io.arbiter.jobs.config.ArbiterConfig;
import io.arbiter.jobs.config.ArbiterOptions;
import org.apache.avro.specific.SpecificRecordBase;
import org.apache.kafka.clients.producer.ProducerConfig;

import java.util.Properties;

/**
 * Transactional Kafka sinks: a record becomes visible to read_committed consumers once, when the
 * checkpoint that covers it completes. Each sink has its own transactional-id prefix ({@code
 * <job>-<sink>}), so two jobs or two sinks never fence each other (STACK.md trap 5).
 */
public final class ExactlyOnceSinks {

    private ExactlyOnceSinks() {}

    public static <T extends SpecificRecordBase> KafkaSink<T> of(
            Class<T> type,
            String topic,
            RecordKey<T> key,
            EventTime<T> time,
            String sinkName,
            ArbiterConfig config) {
        Properties producer = config.kafkaProperties();
        producer.setProperty(
                ProducerConfig.TRANSACTION_TIMEOUT_CONFIG,
                String.valueOf(config.get(ArbiterOptions.TRANSACTION_TIMEOUT).toMillis()));
        return KafkaSink.<T>builder()
                .setKafkaProducerConfig(producer)
                .setRecordSerializer(new AvroRecordSerializer<>(type, topic, key, time))
                .setDeliveryGuarantee(DeliveryGuarantee.EXACTLY_ONCE)
                .setTransactionalIdPrefix(config.get(ArbiterOptions.JOB_NAME) + "-" + sinkName)
                .build();
    }
}
