package io.arbiter.jobs.kafka;

import org.apache.flink.api.common.serialization.SerializationSchema;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;

import io.arbiter.schemas.codec.AvroCodec;
import org.apache.avro.specific.SpecificRecordBase;
import org.apache.kafka.clients.producer.ProducerRecord;

import java.nio.charset.StandardCharsets;

/**
 * Writes a record to its topic: UTF-8 key from {@link RecordKey}, value in Avro single-object
 * encoding, and the record's Flink timestamp (its event time) as the Kafka timestamp.
 */
final class AvroRecordSerializer<T extends SpecificRecordBase>
        implements KafkaRecordSerializationSchema<T> {

    private static final long serialVersionUID = 1L;

    private final Class<T> type;
    private final String topic;
    private final RecordKey<T> key;
    private transient AvroCodec<T> codec;

    AvroRecordSerializer(Class<T> type, String topic, RecordKey<T> key) {
        this.type = type;
        this.topic = topic;
        this.key = key;
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
                timestamp == null || timestamp < 0 ? null : timestamp,
                key.of(element).getBytes(StandardCharsets.UTF_8),
                codec.encode(element));
    }
}
