package io.arbiter.jobs.cli;

import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

import io.arbiter.jobs.config.ArbiterConfig;
import io.arbiter.jobs.config.ArbiterOptions;
import io.arbiter.jobs.pipeline.ArbiterPipeline;
import io.arbiter.jobs.pipeline.JobEnvironment;
import io.arbiter.jobs.pipeline.KafkaWiring;
import io.arbiter.jobs.pipeline.LocalCluster;

import java.util.Set;

/** {@code arbiter run --config F}: the job against an existing Kafka on an embedded MiniCluster. */
final class RunCommand {

    static final Set<String> OPTIONS = Set.of("config", "web-port", "prometheus-port");

    private RunCommand() {}

    static int run(CliArgs args) throws Exception {
        ArbiterConfig config =
                ArbiterConfig.load(java.nio.file.Path.of(args.required("config")), System.getenv());
        System.out.println("arbiter run: " + config);
        Configuration flink =
                LocalCluster.configuration(
                        args.integer("web-port", 8081),
                        args.integer("prometheus-port", 9249),
                        config.get(ArbiterOptions.PARALLELISM));
        flink.addAll(JobEnvironment.flinkConfiguration(config));
        StreamExecutionEnvironment env =
                StreamExecutionEnvironment.createLocalEnvironmentWithWebUI(flink);
        ArbiterPipeline.define(env, KafkaWiring.inputs(config, false), KafkaWiring.outputs(config));
        System.out.println(
                "Flink web UI: http://127.0.0.1:"
                        + args.integer("web-port", 8081)
                        + "  (Ctrl-C stops)");
        env.execute();
        return 0;
    }
}
