package io.arbiter.jobs.cli;

import io.arbiter.jobs.config.ArbiterConfig;
import io.arbiter.jobs.config.ArbiterOptions;
import io.arbiter.jobs.config.ConfigException;
import io.arbiter.jobs.monitor.CommittedTail;
import io.arbiter.jobs.monitor.OutputTopic;
import org.apache.kafka.common.KafkaException;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * {@code arbiter tail signals|orders|fills|alloc|gov|health|dlq [options]}: an output topic in
 * readable form, one line per record, as a downstream consumer sees it ({@code read_committed}).
 *
 * <pre>
 * --from beginning|end   where to start (default beginning: everything committed so far)
 * --max N                stop after N records (default: no limit)
 * --follow-ms T          once caught up, keep printing new records until none has come for T ms
 *                        (default 0: stop as soon as caught up with what was committed at start)
 * --config FILE          Kafka settings and topic names (default conf/arbiter.yaml when present)
 * --bootstrap-servers H:P  overrides the configured brokers
 * --topic NAME           overrides the configured name of the alias's topic
 * </pre>
 *
 * Records print to standard output, nothing else does: a value that does not decode prints as a
 * line starting with {@code !} and the read goes on; how the read ended goes to standard error.
 * Exit 0 when read, 1 when the topic does not exist or Kafka fails, 2 on a usage error (an unknown
 * alias among them).
 */
public final class TailCommand {

    static final Set<String> OPTIONS =
            Set.of("from", "max", "follow-ms", "config", "bootstrap-servers", "topic");

    static final String USAGE =
            "tail "
                    + OutputTopic.aliases()
                    + " [--from beginning|end] [--max N] [--follow-ms T]"
                    + " [--config FILE | --bootstrap-servers H:P] [--topic NAME]";

    private TailCommand() {}

    /**
     * Runs {@code tail <alias> [options]} with {@code args[from]} the alias; bin/arbiter passes
     * {@code System.getenv()} (for secrets the configuration names).
     *
     * @return the exit code: 0 read, 1 no such topic or Kafka failed, 2 usage
     */
    public static int run(String[] args, int from, Map<String, String> environment) {
        return run(args, from, environment, System.out, System.err);
    }

    static int run(
            String[] args,
            int from,
            Map<String, String> environment,
            PrintStream out,
            PrintStream err) {
        try {
            OutputTopic topic = alias(args, from);
            CliArgs options = CliArgs.parse("tail " + topic.alias(), args, from + 1, OPTIONS);
            return tail(topic, options, environment, out, err);
        } catch (UsageException e) {
            err.println("arbiter: " + e.getMessage());
            return 2;
        } catch (ConfigException e) {
            err.println("arbiter tail: " + e.getMessage());
            return 1;
        } finally {
            out.flush();
        }
    }

    private static int tail(
            OutputTopic topic,
            CliArgs options,
            Map<String, String> environment,
            PrintStream out,
            PrintStream err) {
        CommittedTail.Start start = start(options);
        int max = options.integer("max", 0);
        if (options.string("max", null) != null && max < 1) {
            throw new UsageException("tail: --max " + max + " must be at least 1");
        }
        int followMs = options.integer("follow-ms", 0);
        if (followMs < 0) {
            throw new UsageException("tail: --follow-ms " + followMs + " must not be negative");
        }
        ArbiterConfig config = kafkaConfig(topic, options, environment);
        String name = config.get(topic.topicOption());
        long[] undecodable = {0};
        CommittedTail.Result result;
        try (CommittedTail reader = new CommittedTail(config.kafkaProperties(), name)) {
            result =
                    reader.read(
                            start,
                            max,
                            Duration.ofMillis(followMs),
                            record -> {
                                String line;
                                try {
                                    line = topic.line(record.value());
                                } catch (IOException | RuntimeException e) {
                                    undecodable[0]++;
                                    line =
                                            String.format(
                                                    "! p%d@%d is not a %s: %s",
                                                    record.partition(),
                                                    record.offset(),
                                                    topic.recordType(),
                                                    e.getMessage());
                                }
                                out.println(line);
                                out.flush();
                            });
        } catch (CommittedTail.NoSuchTopicException e) {
            err.println("arbiter tail: " + e.getMessage() + " (" + topic.topicOption().key() + ")");
            return 1;
        } catch (KafkaException e) {
            err.println("arbiter tail: reading " + name + " failed: " + e);
            return 1;
        }
        err.printf(
                "arbiter tail %s: %d record%s from %s%s, %s%n",
                topic.alias(),
                result.records(),
                result.records() == 1 ? "" : "s",
                name,
                undecodable[0] == 0 ? "" : " (" + undecodable[0] + " undecodable)",
                result.caughtUp() ? "caught up" : "stopped at --max");
        return 0;
    }

    private static OutputTopic alias(String[] args, int from) {
        if (args.length <= from) {
            throw new UsageException("tail: which topic? (" + USAGE + ")");
        }
        OutputTopic topic = OutputTopic.byAlias(args[from]);
        if (topic == null) {
            throw new UsageException(
                    "tail: unknown topic '"
                            + args[from]
                            + "' ("
                            + OutputTopic.aliases()
                            + "); usage: "
                            + USAGE);
        }
        return topic;
    }

    private static CommittedTail.Start start(CliArgs options) {
        String from = options.string("from", "beginning");
        return switch (from) {
            case "beginning" -> CommittedTail.Start.BEGINNING;
            case "end" -> CommittedTail.Start.END;
            default ->
                    throw new UsageException("tail: --from '" + from + "' is not beginning or end");
        };
    }

    /**
     * --config, else the installation's conf/arbiter.yaml when present, else a local broker; then
     * --bootstrap-servers and --topic on top.
     */
    private static ArbiterConfig kafkaConfig(
            OutputTopic topic, CliArgs options, Map<String, String> environment) {
        Path file = options.path("config", null);
        if (file == null) {
            Path shipped = ArbiterHome.resolve("conf/arbiter.yaml");
            file = Files.isRegularFile(shipped) ? shipped : null;
        }
        ArbiterConfig config =
                file == null ? ArbiterConfig.defaults() : ArbiterConfig.load(file, environment);
        Map<String, String> overrides = new LinkedHashMap<>();
        String servers = options.string("bootstrap-servers", null);
        if (servers != null) {
            overrides.put(ArbiterOptions.BOOTSTRAP_SERVERS.key(), servers);
        }
        String name = options.string("topic", null);
        if (name != null) {
            overrides.put(topic.topicOption().key(), name);
        }
        return overrides.isEmpty() ? config : config.with(overrides);
    }
}
