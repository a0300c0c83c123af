package io.arbiter.benchmarks.pipeline;

import io.arbiter.jobs.kafka.TopicAdmin;

import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * A pair of preloaded input topics, bars and fills, and what was written to them.
 *
 * @param written null until preloaded
 */
record Inputs(String bars, String fills, Preload.Written written) {

    static Inputs topics(String prefix) {
        return new Inputs(prefix + ".market.bars", prefix + ".exec.fills", null);
    }

    Inputs with(Preload.Written written) {
        return new Inputs(bars, fills, written);
    }

    /** The records {@code stage} reads: bars, and fills for the full job. */
    long events(Stage stage) {
        return written.bars() + (stage.readsFills() ? written.fills() : 0);
    }

    /** Bars keyed by symbol over {@code partitions}; fills keyed by book, so one partition. */
    void create(Properties kafka, int partitions) throws Exception {
        // Historical bars carry old timestamps: keep them, whatever their age.
        Map<String, String> keepAll = Map.of("retention.ms", "-1");
        TopicAdmin.ensureTopics(kafka, List.of(bars), partitions, keepAll);
        TopicAdmin.ensureTopics(kafka, List.of(fills), 1, keepAll);
    }
}
