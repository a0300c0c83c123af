package io.arbiter.jobs.kafka;

import java.io.Serializable;

/**
 * Wraps a decoded record with the Kafka position it was read from, for operators that must
 * dead-letter a record after the source (e.g. a duplicate bar found after keyBy).
 */
@FunctionalInterface
public interface Positioner<T, U> extends Serializable {

    U wrap(T value, int partition, long offset);

    /** Keeps the record as it is. */
    static <T> Positioner<T, T> none() {
        return (value, partition, offset) -> value;
    }
}
