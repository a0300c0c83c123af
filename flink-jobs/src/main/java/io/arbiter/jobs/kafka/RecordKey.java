package io.arbiter.jobs.kafka;

import java.io.Serializable;

/** The Kafka key of an output record (ARCHITECTURE.md §2 names the key of every topic). */
@FunctionalInterface
public interface RecordKey<T> extends Serializable {
    String of(T record);
}
