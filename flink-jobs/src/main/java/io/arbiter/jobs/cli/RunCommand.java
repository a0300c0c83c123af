package io.arbiter.jobs.cli;

import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

import io.arbiter.jobs.config.ArbiterConfig;
import io.arbiter.jobs.config.ArbiterOptions;
import io.arbiter.jobs.kafka.TopicAdmin;
import io.arbiter.jobs.pipeline.LocalCluster;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code arbiter run --config F}: the job against an existing Kafka on an embedded MiniCluster. */
final class RunCommand {

    static final Set<String> OPTIONS =
            Set.of("config", "web-port", "prometheus-port", "create-topics");

    private RunCommand() {}

    static int run(CliArgs args) throws Exception {
        ArbiterConfig config =
                ArbiterConfig.load(java.nio.file.Path.of(args.required("config")), System.getenv());
        System.out.println("arbiter run: " + config);
        ensureTopics(config, args.integer("create-topics", 0));
        StreamExecutionEnvironment env =
                LocalCluster.kafkaJob(
                        config,
                        args.integer("web-port", 8081),
                        args.integer("prometheus-port", 9249));
        System.out.println(
                "Flink web UI: http://127.0.0.1:"
                        + args.integer("web-port", 8081)
                        + "  (Ctrl-C stops)");
        env.execute();
        return 0;
    }

    /**
     * A missing topic would make the job fail over forever; say so at once instead, or create the
     * topics when asked ({@code --create-topics PARTITIONS}, replication factor 1: for local
     * brokers, not for production clusters).
     */
    private static void ensureTopics(ArbiterConfig config, int partitions) throws Exception {
        List<String> topics = ArbiterOptions.TOPICS.stream().map(config::get).toList();
        List<String> missing = TopicAdmin.missing(config.kafkaProperties(), topics);
        if (missing.isEmpty()) {
            return;
        }
        if (partitions < 1) {
            throw new UsageException(
                    "run: topics missing on "
                            + config.get(ArbiterOptions.BOOTSTRAP_SERVERS)
                            + ": "
                            + String.join(", ", missing)
                            + " (create them, or pass --create-topics PARTITIONS for a local broker)");
        }
        TopicAdmin.ensureTopics(config.kafkaProperties(), missing, partitions, Map.of());
        System.out.println("created topics " + missing + " with " + partitions + " partitions");
    }
}
