package io.arbiter.jobs.demo;

import io.arbiter.jobs.cli.ArbiterHome;
import io.arbiter.jobs.cli.CliArgs;
import io.arbiter.jobs.cli.PolicyOption;
import io.arbiter.jobs.cli.UsageException;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;

/**
 * What {@code arbiter demo} was asked to do.
 *
 * @param duration how long to feed (the clock starts when the feed does; startup and the drain come
 *     on top), or null to run until Ctrl-C
 * @param barsPerSecond feed rate
 * @param dataDir folder of bar CSV files to feed
 * @param workDir where the broker keeps its data; null for a fresh temporary folder
 * @param policyFile the desk's policy, or null for the built-in defaults
 * @param modelsDir folder of model directories to score with, or null for none
 * @param kafkaClasspath classpath of the broker's JVM (bin/arbiter passes it)
 */
public record DemoSettings(
        Duration duration,
        int barsPerSecond,
        Path dataDir,
        Path workDir,
        int webPort,
        int prometheusPort,
        int kafkaPort,
        Path policyFile,
        Path modelsDir,
        String kafkaClasspath) {

    public static final Set<String> OPTIONS =
            Set.of(
                    "duration",
                    "rate",
                    "data",
                    "work-dir",
                    "web-port",
                    "prometheus-port",
                    "kafka-port");

    /** System property through which bin/arbiter names the broker's classpath. */
    public static final String KAFKA_CLASSPATH_PROPERTY = "arbiter.kafka.classpath";

    /** {@code --models DIR}, else the installation's {@code models/} when it exists. */
    private static Path modelsDir(CliArgs args) {
        Path given = args.path("models", null);
        if (given != null) {
            return given;
        }
        Path shipped = ArbiterHome.resolve("models");
        return java.nio.file.Files.isDirectory(shipped) ? shipped : null;
    }

    public static DemoSettings from(CliArgs args) {
        int rate = args.integer("rate", 2000);
        if (rate < 1) {
            throw new UsageException("demo: --rate must be at least 1 bar per second");
        }
        String kafkaClasspath = System.getProperty(KAFKA_CLASSPATH_PROPERTY);
        if (kafkaClasspath == null || kafkaClasspath.isBlank()) {
            throw new UsageException(
                    "demo: system property "
                            + KAFKA_CLASSPATH_PROPERTY
                            + " is not set (start it with bin/arbiter demo)");
        }
        return new DemoSettings(
                args.duration("duration"),
                rate,
                args.path("data", ArbiterHome.resolve("data/bars")),
                args.path("work-dir", null),
                args.integer("web-port", 8081),
                args.integer("prometheus-port", 9249),
                args.integer("kafka-port", 0),
                PolicyOption.file(args),
                modelsDir(args),
                kafkaClasspath);
    }
}
