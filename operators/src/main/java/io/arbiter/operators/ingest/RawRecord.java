package io.arbiter.operators.ingest;

import java.nio.ByteBuffer;

/**
 * A record as it was read, before decoding: where it came from and its exact bytes. Kept so a
 * refused record can be dead-lettered whole.
 *
 * @param topic source topic
 * @param partition source partition
 * @param offset offset in that partition
 * @param timestamp the record's Kafka timestamp in epoch milliseconds
 * @param key raw key bytes, may be null
 * @param value raw value bytes, may be null
 */
public record RawRecord(
        String topic, int partition, long offset, long timestamp, byte[] key, byte[] value) {

    /** The key bytes for a sourced record's {@code rawKey} field; null when there is no key. */
    public ByteBuffer keyBuffer() {
        return key == null ? null : ByteBuffer.wrap(key);
    }

    /** The value bytes for a sourced record's {@code rawValue} field; null when there is none. */
    public ByteBuffer valueBuffer() {
        return value == null ? null : ByteBuffer.wrap(value);
    }
}
