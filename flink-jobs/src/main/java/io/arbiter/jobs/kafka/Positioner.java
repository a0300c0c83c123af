package io.arbiter.jobs.kafka;

import io.arbiter.operators.ingest.RawRecord;

import java.io.Serializable;

/**
 * Wraps a decoded record with the Kafka record it was read from (position, key and value bytes),
 * for operators that must dead-letter a record after the source (e.g. a duplicate bar found after
 * keyBy): they send the bytes as read, never the record encoded again.
 */
@FunctionalInterface
public interface Positioner<T, U> extends Serializable {

    U wrap(T value, RawRecord raw);

    /** Keeps the record as it is. */
    static <T> Positioner<T, T> none() {
        return (value, raw) -> value;
    }
}
