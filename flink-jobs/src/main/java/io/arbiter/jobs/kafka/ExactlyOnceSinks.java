package io.arbiter.jobs.kafka;

import org.apache.flink.connector.kafka.sink.KafkaSink;

import io.arbiter.jobs.config.ArbiterConfig;
import io.arbiter.jobs.config.Delivery;
import org.apache.avro.specific.SpecificRecordBase;

/**
 * Transactional Kafka sinks without a record id header: the paper broker's outputs and the
 * benchmark's passthrough. The Arbiter job's own outputs go through {@link OutputSinks}, each in
 * its configured delivery lane and with its id.
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
        return OutputSinks.of(
                type, topic, key, time, null, sinkName, Delivery.EXACTLY_ONCE, config);
    }
}
