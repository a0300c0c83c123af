package io.arbiter.jobs.pipeline;

import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

import io.arbiter.jobs.config.ArbiterConfig;

import java.nio.file.Path;

/**
 * Entry point of the shaded job jar: {@code flink run arbiter-flink-jobs-job.jar --config
 * arbiter.yaml}. It only plugs the production Kafka connectors into {@link ArbiterPipeline}.
 */
public final class ArbiterJob {

    private ArbiterJob() {}

    public static void main(String[] args) throws Exception {
        Path configFile = null;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--config") && i + 1 < args.length) {
                configFile = Path.of(args[++i]);
            } else {
                throw new IllegalArgumentException("unknown argument: " + args[i]);
            }
        }
        ArbiterConfig config =
                configFile == null
                        ? ArbiterConfig.defaults()
                        : ArbiterConfig.load(configFile, System.getenv());
        Configuration flink = JobEnvironment.flinkConfiguration(config);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(flink);
        KafkaWiring.defineJob(env, config, false);
        env.execute();
    }
}
