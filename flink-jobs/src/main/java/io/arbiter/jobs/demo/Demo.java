package io.arbiter.jobs.demo;

import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

import io.arbiter.jobs.broker.PaperBrokerWiring;
import io.arbiter.jobs.config.ArbiterConfig;
import io.arbiter.jobs.config.ArbiterOptions;
import io.arbiter.jobs.kafka.TopicAdmin;
import io.arbiter.jobs.monitor.DeskWatcher;
import io.arbiter.jobs.pipeline.JobEnvironment;
import io.arbiter.jobs.pipeline.LocalCluster;
import io.arbiter.localkafka.LocalKafkaBroker;
import io.arbiter.schemas.Bar;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * {@code arbiter demo}: a real broker in its own JVM, the Arbiter job on an embedded MiniCluster
 * (web UI and Prometheus endpoint), and the repository's real bars fed through it, with progress
 * every few seconds and a summary at the end. Everything it starts stops with it.
 */
public final class Demo {

    /** The desk's table is printed every this many progress lines. */
    private static final int DESK_EVERY_TICKS = 2;

    /** Governance events listed under the desk's table. */
    private static final int DESK_EVENTS = 8;

    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(5);
    private static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(30);
    private static final int PARALLELISM = 2;

    private final DemoSettings settings;
    private final CountDownLatch stopRequested = new CountDownLatch(1);
    private final CountDownLatch finished = new CountDownLatch(1);

    private Demo(DemoSettings settings) {
        this.settings = settings;
    }

    public static int run(DemoSettings settings) throws Exception {
        return new Demo(settings).run();
    }

    private int run() throws Exception {
        long started = System.nanoTime();
        Thread hook = new Thread(this::onCtrlC, "demo-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            return runDemo(started);
        } finally {
            finished.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // already shutting down (Ctrl-C): the hook is running and waits for us
            }
        }
    }

    private int runDemo(long started) throws Exception {
        List<Bar> bars = DemoFeed.load(settings.dataDir());
        Path workDir =
                settings.workDir() != null
                        ? Files.createDirectories(settings.workDir())
                        : Files.createTempDirectory("arbiter-demo-");
        say(
                "Arbiter demo: "
                        + bars.size()
                        + " real bars from "
                        + settings.dataDir()
                        + ", work dir "
                        + workDir);

        try (LocalKafkaBroker broker =
                LocalKafkaBroker.builder()
                        .dataDir(workDir.resolve("kafka"))
                        .port(settings.kafkaPort())
                        .classpath(settings.kafkaClasspath())
                        // We stop it ourselves, after draining the outputs, also on Ctrl-C.
                        .stopOnJvmExit(false)
                        .build()
                        .start()) {
            say("Kafka broker (own JVM, pid " + broker.pid() + ") at " + broker.bootstrapServers());
            Map<String, String> overrides = new java.util.HashMap<>();
            overrides.put("job.name", "arbiter-demo");
            overrides.put("job.parallelism", String.valueOf(PARALLELISM));
            overrides.put("kafka.bootstrap-servers", broker.bootstrapServers());
            overrides.put("checkpointing.interval", "2 s");
            // Checkpoints on disk: the job manager's memory holds at most 5 MB of state, and the
            // books hold every input until the watermark passes it (quiet topics idle after 30 s).
            overrides.put(
                    "checkpointing.directory", workDir.resolve("checkpoints").toUri().toString());
            if (settings.policyFile() != null) {
                overrides.put("policy.file", settings.policyFile().toString());
            }
            if (settings.modelsDir() != null) {
                overrides.put("scoring.models-dir", settings.modelsDir().toString());
            }
            ArbiterConfig config = ArbiterConfig.defaults().with(overrides);
            String barsTopic = config.get(ArbiterOptions.TOPIC_BARS);
            String featuresTopic = config.get(ArbiterOptions.TOPIC_FEATURES);
            String dlqTopic = config.get(ArbiterOptions.TOPIC_DEAD_LETTERS);
            String signalsTopic = config.get(ArbiterOptions.TOPIC_SIGNALS);
            String governanceTopic = config.get(ArbiterOptions.TOPIC_GOVERNANCE);
            String allocationsTopic = config.get(ArbiterOptions.TOPIC_ALLOCATIONS);
            String intentsTopic = config.get(ArbiterOptions.TOPIC_INTENTS);
            String fillsTopic = config.get(ArbiterOptions.TOPIC_FILLS);
            Properties kafka = config.kafkaProperties();
            // Historical bars carry 1990s timestamps: keep them, whatever their age.
            TopicAdmin.ensureTopics(
                    kafka,
                    ArbiterOptions.TOPICS.stream().map(config::get).toList(),
                    PARALLELISM,
                    Map.of("retention.ms", "-1"));

            StreamExecutionEnvironment env =
                    LocalCluster.kafkaJob(config, settings.webPort(), settings.prometheusPort());
            JobClient job = env.executeAsync();
            // The paper broker: its own job (on its own embedded cluster), as it runs beside a
            // real deployment; the desk's slippage and fee from the policy.
            Configuration brokerFlink =
                    LocalCluster.configuration(
                            settings.webPort() + 1,
                            settings.prometheusPort() + 1,
                            config.get(ArbiterOptions.PARALLELISM));
            brokerFlink.addAll(
                    JobEnvironment.flinkConfiguration(PaperBrokerWiring.brokerConfig(config)));
            StreamExecutionEnvironment brokerEnv =
                    StreamExecutionEnvironment.createLocalEnvironment(brokerFlink);
            var terms = config.policy().paperBroker();
            PaperBrokerWiring.defineJob(brokerEnv, config, false, terms.slippage(), terms.fee());
            JobClient paperBroker = brokerEnv.executeAsync("arbiter paper broker");
            say(
                    "Flink job "
                            + job.getJobID()
                            + " running; web UI http://127.0.0.1:"
                            + settings.webPort()
                            + ", Prometheus http://127.0.0.1:"
                            + settings.prometheusPort()
                            + "/metrics");

            DemoFeed feed =
                    new DemoFeed(
                            bars,
                            barsTopic,
                            config.get(ArbiterOptions.TOPIC_EXTERNAL_SIGNALS),
                            kafka,
                            settings.barsPerSecond());
            CommittedCounter outputs =
                    new CommittedCounter(
                            kafka,
                            List.of(
                                    featuresTopic,
                                    dlqTopic,
                                    signalsTopic,
                                    governanceTopic,
                                    allocationsTopic,
                                    intentsTopic,
                                    fillsTopic));
            DeskWatcher desk = DeskWatcher.start(config, DESK_EVENTS);
            Thread feedThread = start(feed, "demo-feed");
            Thread counterThread = start(outputs, "demo-output-counter");
            say(
                    "Feeding at "
                            + settings.barsPerSecond()
                            + " bars/s; one deliberately malformed record every "
                            + DemoFeed.MALFORMED_EVERY
                            + " bars shows dead-lettering."
                            + (settings.duration() == null
                                    ? " Ctrl-C stops."
                                    : " Stops after " + settings.duration().toSeconds() + " s."));

            JobCounts counts = JobCounts.EMPTY;
            int ticks = 0;
            long deadline =
                    settings.duration() == null
                            ? Long.MAX_VALUE
                            : started + settings.duration().toNanos();
            while (System.nanoTime() < deadline
                    && !stopRequested.await(
                            Math.min(
                                    PROGRESS_EVERY.toNanos(),
                                    Math.max(1, deadline - System.nanoTime())),
                            TimeUnit.NANOSECONDS)) {
                counts = JobCounts.of(job, counts);
                say(progress(started, feed, counts, outputs, featuresTopic, dlqTopic));
                if (++ticks % DESK_EVERY_TICKS == 0) {
                    System.out.println(desk.render());
                }
            }

            feed.stop();
            feedThread.join();
            say("Feed stopped; waiting for the last checkpoint to commit the outputs…");
            long drainDeadline = System.nanoTime() + DRAIN_TIMEOUT.toNanos();
            // Caught up when the job has read everything sent and a downstream read_committed
            // consumer sees every vector and dead letter the job counted.
            while (System.nanoTime() < drainDeadline
                    && !(counts.in() == feed.sent()
                            && outputs.count(featuresTopic) == counts.processed()
                            && outputs.count(dlqTopic, barsTopic) == counts.deadLettered())) {
                TimeUnit.MILLISECONDS.sleep(200);
                counts = JobCounts.of(job, counts);
            }
            counts = JobCounts.of(job, counts);
            String lastDesk = desk.render();
            desk.close();
            job.cancel().get(30, TimeUnit.SECONDS);
            paperBroker.cancel().get(30, TimeUnit.SECONDS);
            outputs.stop();
            counterThread.join();

            System.out.println();
            System.out.println(lastDesk);
            printSummary(
                    started,
                    feed,
                    counts,
                    outputs.count(featuresTopic),
                    outputs.count(dlqTopic, barsTopic));
            line(
                    "external signals sent",
                    feed.externalSignals(),
                    "the trend rule on signals.external");
            line(
                    "signals (committed)",
                    outputs.count(signalsTopic),
                    "every model, every bar, and the external ones");
            line("trade intents", outputs.count(intentsTopic), "orders.intents");
            line("fills", outputs.count(fillsTopic), "exec.fills, from the paper broker");
            line("allocation events", outputs.count(allocationsTopic), "alloc.events");
            line("dead letters, all inputs", outputs.count(dlqTopic), "dlq.records");
            line(
                    "governance events",
                    outputs.count(governanceTopic),
                    "registrations, rule decisions, refused commands, model failures");
        }
        // A temporary folder of ours goes; a user-given work dir is kept.
        if (settings.workDir() == null) {
            WorkDirs.deleteRecursively(workDir);
        }
        say("Broker stopped. Bye.");
        return 0;
    }

    private void printSummary(
            long started, DemoFeed feed, JobCounts counts, long features, long deadLetters) {
        long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started);
        System.out.println();
        System.out.println("=== Arbiter demo summary (" + seconds + " s) ===");
        line(
                "bars in (sent to market.bars)",
                feed.sent(),
                feed.malformed() + " deliberately malformed");
        line("read by the job", counts.in(), "");
        line("  dead-lettered at the source", counts.refusedAtSource(), "undecodable or invalid");
        line("  accepted", counts.accepted(), "");
        line("    processed (feature vectors)", counts.processed(), "");
        line("    dead-lettered by features", counts.refusedByFeatures(), "duplicate or late");
        line("    held for the watermark", counts.held(), "each symbol's newest bars");
        line(
                "records out (committed)",
                features + deadLetters,
                String.format(
                        "%,d feature vectors + %,d dead letters of bars", features, deadLetters));
        check("every bar sent was read", counts.in() == feed.sent());
        check("read = accepted + dead-lettered at the source", counts.sourceBalances());
        check(
                "committed = processed + dead-lettered",
                features == counts.processed() && deadLetters == counts.deadLettered());
        System.out.flush();
    }

    private static void line(String label, long count, String note) {
        System.out.printf(
                "%-34s %,10d%s%n", label, count, note.isEmpty() ? "" : "  (" + note + ")");
    }

    private static void check(String what, boolean holds) {
        System.out.println("check: " + what + ": " + (holds ? "yes" : "NO, investigate"));
    }

    private String progress(
            long started,
            DemoFeed feed,
            JobCounts counts,
            CommittedCounter outputs,
            String features,
            String dlq) {
        long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started);
        return String.format(
                "t=%3ds  sent %,d bars (%d malformed)%s | job: in %,d, processed %,d, dead-lettered %,d | committed: %,d feature vectors, %,d dead letters",
                seconds,
                feed.sent(),
                feed.malformed(),
                feed.finished() ? ", feed done" : "",
                counts.in(),
                counts.processed(),
                counts.deadLettered(),
                outputs.count(features),
                outputs.count(dlq));
    }

    private void onCtrlC() {
        stopRequested.countDown();
        try {
            // Let the main thread stop the job and print its summary before the JVM exits.
            finished.await(DRAIN_TIMEOUT.toSeconds() + 30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Thread start(Runnable task, String name) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private static void say(String line) {
        System.out.println(line);
        System.out.flush();
    }
}
