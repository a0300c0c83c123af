package io.arbiter.jobs.kafka;

import java.io.Serializable;

/** Reads a record's event time in epoch milliseconds; declared with each source. */
@FunctionalInterface
public interface EventTime<T> extends Serializable {
    long of(T record);
}
