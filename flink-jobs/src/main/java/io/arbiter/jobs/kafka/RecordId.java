package io.arbiter.jobs.kafka;

import java.io.Serializable;

/**
 * The deterministic id of an output record, written in its {@value RecordIds#HEADER} header: the
 * same record written again (a replay after a failover) has the same id, two different records
 * never do. A consumer of an at-least-once topic drops an id it has seen.
 */
@FunctionalInterface
public interface RecordId<T> extends Serializable {

    /**
     * @param record the record
     * @param value its encoded value, for ids that are a digest of the content
     */
    String of(T record, byte[] value);
}
