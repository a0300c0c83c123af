package io.arbiter.jobs.kafka;

import org.apache.flink.api.common.serialization.DeserializationSchema;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.java.typeutils.EitherTypeInfo;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.formats.avro.typeutils.AvroTypeInfo;
import org.apache.flink.types.Either;
import org.apache.flink.util.Collector;

import io.arbiter.operators.ingest.Decoded;
import io.arbiter.operators.ingest.RawRecord;
import io.arbiter.operators.ingest.ValidatingDecoder;
import io.arbiter.operators.validation.RecordValidator;
import io.arbiter.schemas.DeadLetter;
import org.apache.avro.specific.SpecificRecordBase;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Decodes and validates each Kafka record inside the source, where its partition, offset and bytes
 * are still at hand. It never throws: a record it cannot use leaves as a {@code Left} dead letter,
 * a usable one as a {@code Right} value.
 */
public final class DecodingDeserializer<T extends SpecificRecordBase, U extends SpecificRecordBase>
        implements KafkaRecordDeserializationSchema<Either<DeadLetter, U>> {

    private static final long serialVersionUID = 1L;

    private final Class<T> type;
    private final RecordValidator<T> validator;
    private final Class<U> emittedType;
    private final Positioner<T, U> positioner;
    private transient ValidatingDecoder<T> decoder;

    /**
     * @param positioner wraps each valid record with the Kafka record it came from (position, key
     *     and value bytes) into the emitted type (or keeps it, {@link Positioner#none()})
     */
    public DecodingDeserializer(
            Class<T> type,
            RecordValidator<T> validator,
            Class<U> emittedType,
            Positioner<T, U> positioner) {
        this.type = type;
        this.validator = validator;
        this.emittedType = emittedType;
        this.positioner = positioner;
    }

    @Override
    public void open(DeserializationSchema.InitializationContext context) {
        decoder = new ValidatingDecoder<>(type, validator);
    }

    @Override
    public void deserialize(
            ConsumerRecord<byte[], byte[]> record, Collector<Either<DeadLetter, U>> out) {
        if (decoder == null) {
            decoder = new ValidatingDecoder<>(type, validator);
        }
        RawRecord raw =
                new RawRecord(
                        record.topic(),
                        record.partition(),
                        record.offset(),
                        record.timestamp(),
                        record.key(),
                        record.value());
        Decoded<T> decoded = decoder.decode(raw);
        if (decoded.isAccepted()) {
            out.collect(Either.Right(positioner.wrap(decoded.value(), raw)));
        } else {
            out.collect(Either.Left(decoded.deadLetter()));
        }
    }

    @Override
    public TypeInformation<Either<DeadLetter, U>> getProducedType() {
        return typeOf(emittedType);
    }

    /** Explicit Avro serializers on both sides, so nothing falls back to Kryo. */
    public static <T extends SpecificRecordBase> TypeInformation<Either<DeadLetter, T>> typeOf(
            Class<T> type) {
        return new EitherTypeInfo<>(new AvroTypeInfo<>(DeadLetter.class), new AvroTypeInfo<>(type));
    }
}
