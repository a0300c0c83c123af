package io.arbiter.jobs.broker;

import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

import io.arbiter.jobs.cli.CliArgs;
import io.arbiter.jobs.cli.UsageException;
import io.arbiter.jobs.config.ArbiterConfig;
import io.arbiter.jobs.config.ArbiterOptions;
import io.arbiter.jobs.kafka.TopicAdmin;
import io.arbiter.jobs.pipeline.JobEnvironment;
import io.arbiter.jobs.pipeline.LocalCluster;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * {@code arbiter paper-broker --config F --slippage S --fee F}: the paper broker job against an
 * existing Kafka on its own embedded MiniCluster, beside {@code arbiter run}. Its web UI and
 * Prometheus ports default to one above {@code run}'s, so both run on one machine.
 *
 * <p>Slippage and fee come from the policy's {@code paper-broker} section (DOMAIN.md §9: 0.001
 * each); {@code --slippage} and {@code --fee} override them.
 */
public final class PaperBrokerCommand {

    public static final Set<String> OPTIONS =
            Set.of("config", "slippage", "fee", "web-port", "prometheus-port");

    private PaperBrokerCommand() {}

    public static int run(CliArgs args) throws Exception {
        ArbiterConfig config =
                PaperBrokerWiring.brokerConfig(
                        ArbiterConfig.load(Path.of(args.required("config")), System.getenv()));
        // The desk's terms (policy paper-broker section); the options override them for a test.
        var terms = config.policy().paperBroker();
        double slippage =
                args.string("slippage", null) == null
                        ? terms.slippage()
                        : fraction(args, "slippage");
        double fee = args.string("fee", null) == null ? terms.fee() : fraction(args, "fee");
        System.out.println("arbiter paper-broker: " + config);
        List<String> missing =
                TopicAdmin.missing(config.kafkaProperties(), PaperBrokerWiring.topics(config));
        if (!missing.isEmpty()) {
            throw new UsageException(
                    "paper-broker: topics missing on "
                            + config.get(ArbiterOptions.BOOTSTRAP_SERVERS)
                            + ": "
                            + String.join(", ", missing)
                            + " (start arbiter run --create-topics first, or create them)");
        }
        int webPort = args.integer("web-port", 8082);
        Configuration flink =
                LocalCluster.configuration(
                        webPort,
                        args.integer("prometheus-port", 9250),
                        config.get(ArbiterOptions.PARALLELISM));
        flink.addAll(JobEnvironment.flinkConfiguration(config));
        StreamExecutionEnvironment env =
                StreamExecutionEnvironment.createLocalEnvironmentWithWebUI(flink);
        PaperBrokerWiring.defineJob(env, config, false, slippage, fee);
        System.out.println("Flink web UI: http://127.0.0.1:" + webPort + "  (Ctrl-C stops)");
        env.execute();
        return 0;
    }

    /** A required option that must be a number in [0, 1). */
    private static double fraction(CliArgs args, String name) {
        String text = args.required(name);
        double value;
        try {
            value = Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new UsageException("paper-broker: --" + name + " '" + text + "' is not a number");
        }
        if (!(value >= 0 && value < 1)) {
            throw new UsageException(
                    "paper-broker: --" + name + " " + text + " must lie in [0, 1), e.g. 0.001");
        }
        return value;
    }
}
