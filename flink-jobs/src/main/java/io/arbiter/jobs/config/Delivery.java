package io.arbiter.jobs.config;

/**
 * How an output topic is written: its delivery lane (README, "Topics").
 *
 * <ul>
 *   <li>{@link #EXACTLY_ONCE}: a Kafka transaction per checkpoint; a read_committed consumer sees
 *       each record once, when the checkpoint after it completes (one checkpoint interval plus the
 *       checkpoint's own duration later).
 *   <li>{@link #AT_LEAST_ONCE}: written at once, without a transaction; after a failover the job
 *       replays from its last checkpoint and a consumer may read a record again, byte-identical,
 *       with the same deterministic id in the {@code arbiter-id} header: it drops an id it has
 *       seen.
 * </ul>
 *
 * <p>Written in the configuration as {@code exactly-once} or {@code at-least-once} (Flink reads an
 * enum option by its {@link #toString()}, ignoring case).
 */
public enum Delivery {
    EXACTLY_ONCE("exactly-once"),
    AT_LEAST_ONCE("at-least-once");

    private final String text;

    Delivery(String text) {
        this.text = text;
    }

    @Override
    public String toString() {
        return text;
    }
}
