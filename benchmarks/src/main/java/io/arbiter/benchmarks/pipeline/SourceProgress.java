package io.arbiter.benchmarks.pipeline;

import org.apache.flink.configuration.Configuration;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Metric;
import org.apache.flink.metrics.MetricConfig;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.metrics.reporter.MetricReporter;
import org.apache.flink.metrics.reporter.MetricReporterFactory;

import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * How many records each Kafka source of a job running in this JVM has emitted so far, read from
 * Flink's own {@code numRecordsOut} counters of the source operators. The harness opens its
 * measured window once the sources have passed the warm-up records, without adding an operator to
 * the graph it measures.
 *
 * <p>Flink creates the reporter from {@link #install(Configuration)}'s settings; the counters it is
 * handed live in a static map because the MiniCluster runs in this JVM and Flink, not the harness,
 * instantiates the reporter.
 */
public final class SourceProgress implements MetricReporter {

    private static final String REPORTER = "metrics.reporter.arbiter-bench-progress.";
    private static final String OPERATOR_NAME = "<operator_name>";
    private static final String RECORDS_OUT = "numRecordsOut";
    private static final String SOURCE_PREFIX = "Source: ";

    /** Source operator name (the topic) → the counters of its subtasks. */
    private static final Map<String, List<Counter>> SOURCES = new ConcurrentHashMap<>();

    /** Settings that make Flink report into this class. */
    public static void install(Configuration flink) {
        flink.setString(REPORTER + "factory.class", Factory.class.getName());
    }

    /** Forgets the counters of earlier jobs. */
    public static void reset() {
        SOURCES.clear();
    }

    /** Records the sources named {@code topics} have emitted (dead letters included). */
    public static long emitted(List<String> topics) {
        long total = 0;
        for (String topic : topics) {
            for (Counter counter : SOURCES.getOrDefault(topic, List.of())) {
                total += counter.getCount();
            }
        }
        return total;
    }

    @Override
    public void open(MetricConfig config) {}

    @Override
    public void close() {}

    @Override
    public void notifyOfAddedMetric(Metric metric, String name, MetricGroup group) {
        if (!RECORDS_OUT.equals(name) || !(metric instanceof Counter counter)) {
            return;
        }
        // Only operator groups carry an operator name; a source operator is "Source: <topic>".
        String operator = group.getAllVariables().get(OPERATOR_NAME);
        if (operator != null && operator.startsWith(SOURCE_PREFIX)) {
            SOURCES.computeIfAbsent(
                            operator.substring(SOURCE_PREFIX.length()),
                            k -> new CopyOnWriteArrayList<>())
                    .add(counter);
        }
    }

    @Override
    public void notifyOfRemovedMetric(Metric metric, String name, MetricGroup group) {}

    /** Flink's entry point to the reporter. */
    public static final class Factory implements MetricReporterFactory {
        @Override
        public MetricReporter createMetricReporter(Properties properties) {
            return new SourceProgress();
        }
    }
}
