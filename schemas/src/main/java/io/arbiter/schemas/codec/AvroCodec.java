package io.arbiter.schemas.codec;

import org.apache.avro.Schema;
import org.apache.avro.message.BinaryMessageDecoder;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Encodes and decodes one record type in Avro's single-object encoding, the wire format of every
 * Arbiter topic.
 *
 * <p>Single-object encoding prefixes each value with the 64-bit fingerprint of its writer schema,
 * so a reader resolves data written by any released version without a schema registry; bytes with
 * an unknown fingerprint or a bad header are rejected with an exception, never guessed at.
 *
 * <pre>{@code
 * AvroCodec<Bar> bars = AvroCodec.of(Bar.class);
 * byte[] bytes = bars.encode(bar);
 * Bar back = bars.decode(bytes);
 * }</pre>
 *
 * <p>Instances are not serializable: a Flink function creates its codec in {@code open()}.
 */
public final class AvroCodec<T extends SpecificRecord> {

    private final Class<T> type;
    private final BinaryMessageEncoder<T> encoder;
    private final BinaryMessageDecoder<T> decoder;

    private AvroCodec(Class<T> type) {
        this.type = type;
        SpecificData model = SpecificData.getForClass(type);
        Schema current = model.getSchema(type);
        this.encoder = new BinaryMessageEncoder<>(model, current);
        this.decoder = new BinaryMessageDecoder<>(model, current);
        for (Schema released : ReleasedSchemas.of(type.getSimpleName())) {
            decoder.addSchema(released);
        }
    }

    /** A codec for the generated class {@code type}, knowing all its released writer schemas. */
    public static <T extends SpecificRecord> AvroCodec<T> of(Class<T> type) {
        return new AvroCodec<>(type);
    }

    public Class<T> type() {
        return type;
    }

    /** The record's bytes in single-object encoding with the current schema. */
    public byte[] encode(T record) {
        try {
            return encoder.encode(record).array();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot encode " + type.getSimpleName(), e);
        }
    }

    /**
     * Decodes bytes written with the current or any released schema.
     *
     * @throws IOException if the bytes are not a complete, well-formed value of a known schema (the
     *     caller dead-letters them)
     */
    public T decode(byte[] bytes) throws IOException {
        if (bytes == null) {
            throw new IOException("no value (null record value)");
        }
        return decoder.decode(bytes);
    }
}
