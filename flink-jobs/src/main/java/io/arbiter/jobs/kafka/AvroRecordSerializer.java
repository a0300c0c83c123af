package io.arbiter.jobs.kafka;

import org.apache.flink.api.common.serialization.SerializationSchema;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;

import io.arbiter.schemas.codec.AvroCodec;
import org.apache.avro.specific.SpecificRecordBase;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;

import java.nio.charset.StandardCharsets;

/**
 * Writes a record to its topic: UTF-8 key from {@link RecordKey}, value in Avro single-object
 * encoding, the record's own event time as the Kafka timestamp (not the Flink element timestamp,
 * which a timer-emitted record may carry from its timer), and its deterministic id from {@link
 * RecordId} in the {@value RecordIds#HEADER} header (none when the id function is null).
 */
final class AvroRecordSerializer<T extends SpecificRecordBase>
        implements KafkaRecordSerializationSchema<T> {

    private static final long serialVersionUID = 1L;

    private final Class<T> type;
    private final String topic;
    private final RecordKey<T> key;
    private final EventTime<T> time;
    private final RecordId<T> id;
    private transient AvroCodec<T> codec;

    AvroRecordSerializer(
            Class<T> type, String topic, RecordKey<T> key, EventTime<T> time, RecordId<T> id) {
        this.type = type;
        this.topic = topic;
        this.key = key;
        this.time = time;
        this.id = id;
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
        byte[] value = codec.encode(element);
        Header[] headers =
                id == null
                        ? new Header[0]
                        : new Header[] {
                            new RecordHeader(
                                    RecordIds.HEADER,
                                    id.of(element, value).getBytes(StandardCharsets.UTF_8))
                        };
        return new ProducerRecord<>(
                topic,
                null,
                Math.max(0L, time.of(element)),
                key.of(element).getBytes(StandardCharsets.UTF_8),
                value,
                new RecordHeaders(headers));
    }
}
