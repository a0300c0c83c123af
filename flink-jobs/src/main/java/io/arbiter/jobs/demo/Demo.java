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
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * {@code arbiter demo}: a real broker in its own JVM, the Arbiter job on an embedded MiniCluster
 * (web UI and Prometheus endpoint), and the repository's real bars fed through it, with progress
 * every few seconds and a summary at the end. Everything it starts stops with it.
 *
 * <p>It holds on any machine: the feed runs at most a bounded backlog ahead of what the job has
 * read ({@link FeedPacer}), the drain waits while the job's counts move rather than for a fixed
 * time ({@link Drain}), and the summary's checks are verdicts only on final counts ({@link
 * DemoSummary}).
 */
public final class Demo {

    /** The desk's table is printed every this many progress lines. */
    private static final int DESK_EVERY_TICKS = 2;

    /** Governance events listed under the desk's table. */
    private static final int DESK_EVENTS = 8;

    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(5);
    private static final int PARALLELISM = 2;

    /**
     * After Ctrl-C the JVM exits once the demo finished or this long passed: the drain's share
     * after Ctrl-C plus stopping the jobs and the broker.
     */
    private static final Duration SHUTDOWN_GRACE =
            StopRequest.DRAIN_AFTER_CTRL_C.plus(Drain.CANCEL_BOUND.multipliedBy(2)).plusSeconds(60);

    private final DemoSettings settings;
    private final StopRequest stop = new StopRequest(System::nanoTime);
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
            // Accumulators (the job's read count, which paces the feed) reach the client with the
            // task managers' heartbeats: every second rather than every 10 s.
            overrides.put("flink.heartbeat.interval", "1 s");
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

            LiveJobCounts live = new LiveJobCounts(job);
            start(live, "demo-job-counts");
            int rate = settings.barsPerSecond();
            DemoFeed feed =
                    new DemoFeed(
                            bars,
                            barsTopic,
                            config.get(ArbiterOptions.TOPIC_EXTERNAL_SIGNALS),
                            kafka,
                            new FeedPacer(
                                    rate, FeedPacer.backlogFor(rate), live, System::nanoTime));
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
            // --duration is feeding time: on a loaded machine the broker and the job can take most
            // of a minute to start, which must not eat the feed's time.
            long feedStarted = System.nanoTime();
            Thread feedThread = start(feed, "demo-feed");
            Thread counterThread = start(outputs, "demo-output-counter");
            say(
                    String.format(
                                    "Feeding at up to %,d bars/s, never more than %,d bars ahead"
                                            + " of what the job has read",
                                    rate, feed.maxBacklog())
                            + "; one deliberately malformed record every "
                            + DemoFeed.MALFORMED_EVERY
                            + " bars shows dead-lettering."
                            + (settings.duration() == null
                                    ? " Ctrl-C stops."
                                    : " Stops after "
                                            + settings.duration().toSeconds()
                                            + " s of feeding."));

            int ticks = 0;
            long deadline =
                    settings.duration() == null
                            ? Long.MAX_VALUE
                            : feedStarted + settings.duration().toNanos();
            while (System.nanoTime() < deadline
                    && !stop.awaitPress(
                            Math.min(
                                    PROGRESS_EVERY.toNanos(),
                                    Math.max(1, deadline - System.nanoTime())),
                            TimeUnit.NANOSECONDS)) {
                say(progress(started, feed, live.latest(), outputs, featuresTopic, dlqTopic));
                if (++ticks % DESK_EVERY_TICKS == 0) {
                    System.out.println(desk.render());
                }
            }

            feed.stop();
            feedThread.join();
            say(
                    String.format(
                            Locale.ROOT,
                            "Feed stopped: %,d bars sent, %.1f s of it waiting for the job.",
                            feed.sent(),
                            feed.heldBackFor().toMillis() / 1000.0));
            Drain.Outcome drained =
                    new Drain(
                                    job,
                                    paperBroker,
                                    live,
                                    outputs,
                                    workDir.resolve("savepoints"),
                                    stop,
                                    Demo::say)
                            .run(feed.sent());
            String lastDesk = desk.render();
            desk.close();
            outputs.stop();
            counterThread.join();

            System.out.println();
            System.out.println(lastDesk);
            DemoSummary.print(
                    TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started),
                    rate,
                    feed,
                    drained,
                    outputs.count(featuresTopic),
                    outputs.count(dlqTopic, barsTopic));
            DemoSummary.line(
                    "external signals sent",
                    feed.externalSignals(),
                    "the trend rule on signals.external");
            DemoSummary.line(
                    "signals (committed)",
                    outputs.count(signalsTopic),
                    "every model, every bar, and the external ones");
            DemoSummary.line("trade intents", outputs.count(intentsTopic), "orders.intents");
            DemoSummary.line(
                    "fills", outputs.count(fillsTopic), "exec.fills, from the paper broker");
            DemoSummary.line("allocation events", outputs.count(allocationsTopic), "alloc.events");
            DemoSummary.line("dead letters, all inputs", outputs.count(dlqTopic), "dlq.records");
            DemoSummary.line(
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

    private String progress(
            long started,
            DemoFeed feed,
            JobCounts counts,
            CommittedCounter outputs,
            String features,
            String dlq) {
        long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started);
        return String.format(
                "t=%3ds  sent %,d bars (%d malformed)%s%s | job: in %,d, processed %,d, dead-lettered %,d | committed: %,d feature vectors, %,d dead letters",
                seconds,
                feed.sent(),
                feed.malformed(),
                feed.finished() ? ", feed done" : "",
                feed.heldBack() ? ", feed waiting for the job" : "",
                counts.in(),
                counts.processed(),
                counts.deadLettered(),
                outputs.count(features),
                outputs.count(dlq));
    }

    private void onCtrlC() {
        stop.press();
        try {
            // Let the main thread drain (a bounded share after Ctrl-C, see StopRequest), stop the
            // jobs and print its summary before the JVM exits.
            finished.await(SHUTDOWN_GRACE.toSeconds(), TimeUnit.SECONDS);
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
