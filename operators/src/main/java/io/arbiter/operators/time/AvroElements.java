package io.arbiter.operators.time;

import io.arbiter.schemas.codec.AvroCodec;
import org.apache.avro.specific.SpecificRecord;

import java.io.DataInput;
import java.io.IOException;

/**
 * Element forms for buffers of whole Avro records: the record in its single-object encoding (the
 * topics' wire format, which carries the writer schema's fingerprint) after its length, so a buffer
 * written before a schema change is still read after it, as a topic's old records are. The length
 * is checked against a bound, so corrupt bytes fail with an {@link IOException} instead of
 * allocating without limit.
 *
 * <p>Safe to share between threads (a Flink serializer singleton is): each thread gets its own
 * codec.
 */
public final class AvroElements {

    /** Far above any record held for the watermark (a few hundred bytes). */
    static final int MAX_RECORD_BYTES = 1 << 20;

    private AvroElements() {}

    public static <T extends SpecificRecord> ElementWriter<T> writer(Class<T> type) {
        ThreadLocal<AvroCodec<T>> codec = ThreadLocal.withInitial(() -> AvroCodec.of(type));
        return (out, item) -> {
            byte[] bytes = codec.get().encode(item);
            out.writeInt(bytes.length);
            out.write(bytes);
        };
    }

    public static <T extends SpecificRecord> ElementReader<T> reader(Class<T> type) {
        ThreadLocal<AvroCodec<T>> codec = ThreadLocal.withInitial(() -> AvroCodec.of(type));
        return in -> codec.get().decode(readBytes(in));
    }

    private static byte[] readBytes(DataInput in) throws IOException {
        int length = in.readInt();
        if (length < 0 || length > MAX_RECORD_BYTES) {
            throw new IOException("corrupt buffered record: length " + length);
        }
        byte[] bytes = new byte[length];
        in.readFully(bytes);
        return bytes;
    }
}
