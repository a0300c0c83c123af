package io.arbiter.jobs.pipeline;

import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.configuration.TaskManagerOptions;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

import io.arbiter.jobs.config.ArbiterConfig;
import io.arbiter.jobs.config.ArbiterOptions;

/**
 * Settings of the embedded MiniCluster that {@code arbiter run} and {@code arbiter demo} use: the
 * Flink web UI on 127.0.0.1 and a Prometheus endpoint, as an operator would see on a cluster.
 */
public final class LocalCluster {

    private LocalCluster() {}

    /**
     * @param webPort port of the Flink web UI and REST API, bound to 127.0.0.1
     * @param prometheusPort port of the Prometheus scrape endpoint (Flink's reporter listens on
     *     every interface; it has no bind-address option)
     * @param slots task slots, at least the job's parallelism
     */
    /**
     * The production Kafka job on an embedded MiniCluster with the web UI and Prometheus endpoint
     * (what {@code arbiter run} and {@code arbiter demo} start); execute it to run.
     */
    public static StreamExecutionEnvironment kafkaJob(
            ArbiterConfig config, int webPort, int prometheusPort) {
        Configuration flink =
                configuration(webPort, prometheusPort, config.get(ArbiterOptions.PARALLELISM));
        flink.addAll(JobEnvironment.clusterConfiguration(config));
        flink.addAll(JobEnvironment.flinkConfiguration(config));
        StreamExecutionEnvironment env =
                StreamExecutionEnvironment.createLocalEnvironmentWithWebUI(flink);
        KafkaWiring.defineJob(env, config, false);
        return env;
    }

    public static Configuration configuration(int webPort, int prometheusPort, int slots) {
        Configuration flink = new Configuration();
        flink.set(RestOptions.BIND_ADDRESS, "127.0.0.1");
        flink.set(RestOptions.ADDRESS, "127.0.0.1");
        flink.set(RestOptions.PORT, webPort);
        flink.set(TaskManagerOptions.NUM_TASK_SLOTS, slots);
        flink.setString(
                "metrics.reporter.prom.factory.class",
                "org.apache.flink.metrics.prometheus.PrometheusReporterFactory");
        flink.setString("metrics.reporter.prom.port", String.valueOf(prometheusPort));
        return flink;
    }
}
