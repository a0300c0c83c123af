package io.arbiter.operators.ingest;

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
        String topic, int partition, long offset, long timestamp, byte[] key, byte[] value) {}
