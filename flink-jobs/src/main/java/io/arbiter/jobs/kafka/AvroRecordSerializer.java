package io.arbiter.jobs.kafka;

import org.apache.flink.api.common.serialization.SerializationSchema;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;

import io.arbiter.schemas.codec.AvroCodec;
import org.apache.avro.specific.SpecificRecordBase;
import org.apache.kafka.clients.producer.ProducerRecord;

import java.nio.charset.StandardCharsets;

/**
 * Writes a record to its topic: UTF-8 key from {@link RecordKey}, value in Avro single-object
 * encoding, and the record's own event time as the Kafka timestamp (not the Flink element
 * timestamp, which a timer-emitted record may carry from its timer).
 */
final class AvroRecordSerializer<T extends SpecificRecordBase>
        implements KafkaRecordSerializationSchema<T> {

    private static final long serialVersionUID = 1L;

    private final Class<T> type;
    private final String topic;
    private final RecordKey<T> key;
    private final EventTime<T> time;
    private transient AvroCodec<T> codec;

    AvroRecordSerializer(Class<T> type, String topic, RecordKey<T> key, EventTime<T> time) {
        this.type = type;
        this.topic = topic;
        this.key = key;
        this.time = time;
    }

    @Override
    public void open(
            SerializationSchema.InitializationContext context, KafkaSinkContext sinkContext) {
        codec = AvroCodec.of(type);
    }

    @Override
    public ProducerRecord<byte[], byte[]> serialize(
            T element, KafkaSinkContext context, Long timestamp) {
        if (codec == null) {
            codec = AvroCodec.of(type);
        }
        return new ProducerRecord<>(
                topic,
                null,
                Math.max(0L, time.of(element)),
                key.of(element).getBytes(StandardCharsets.UTF_8),
                codec.encode(element));
    }
}
