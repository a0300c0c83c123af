package io.arbiter.benchmarks.pipeline;

import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.Configuration;

import io.arbiter.benchmarks.features.SyntheticBars;
import io.arbiter.benchmarks.minicluster.BenchmarkJvm;
import io.arbiter.jobs.config.ArbiterConfig;
import io.arbiter.jobs.config.ArbiterOptions;
import io.arbiter.jobs.demo.DemoSettings;
import io.arbiter.jobs.demo.WorkDirs;
import io.arbiter.jobs.kafka.TopicAdmin;
import io.arbiter.jobs.pipeline.JobEnvironment;
import io.arbiter.localkafka.LocalKafkaBroker;
import io.arbiter.models.manifest.ModelManifest;
import io.arbiter.schemas.Fill;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * {@code bin/arbiter bench}: a real local broker, N generated bars over K symbols and matching
 * fills preloaded once, then passthrough, features and the full job measured one after another on
 * that data, and the full job's latency at half its measured maximum; the table is printed last.
 */
public final class PipelineBench {

    static final String BOOK = "desk";

    /** Warm-up runs end once compilation takes less than this share of a run's CPU. */
    static final double SETTLED_JIT_SHARE = 0.05;

    /** Round trips each model opens per bar step (daily bars: under the 10 trades/day breaker). */
    static final double TRADES_PER_MODEL_PER_STEP = 3.0;

    private final BenchOptions options;
    private final String bootstrapServers;
    private final Path workDir;
    private final SharedCluster cluster;

    PipelineBench(
            BenchOptions options, String bootstrapServers, Path workDir, SharedCluster cluster) {
        this.options = options;
        this.bootstrapServers = bootstrapServers;
        this.workDir = workDir;
        this.cluster = cluster;
    }

    public static void main(String[] args) throws Exception {
        Path home = Path.of(System.getProperty("arbiter.home", "."));
        BenchOptions options =
                BenchmarkJvm.parseOrExit(args, a -> BenchOptions.parse(a, home.resolve("models")));
        String kafkaClasspath = System.getProperty(DemoSettings.KAFKA_CLASSPATH_PROPERTY);
        if (kafkaClasspath == null || kafkaClasspath.isBlank()) {
            System.err.println(
                    "bench: system property "
                            + DemoSettings.KAFKA_CLASSPATH_PROPERTY
                            + " (the broker's classpath) is not set; run it through bin/arbiter");
            System.exit(2);
        }
        BenchmarkJvm.describe("Arbiter pipeline benchmark");
        Path workDir = Files.createTempDirectory("arbiter-bench-");
        try (LocalKafkaBroker broker =
                        LocalKafkaBroker.builder()
                                .dataDir(workDir.resolve("kafka"))
                                .port(0)
                                .classpath(kafkaClasspath)
                                .build()
                                .start();
                SharedCluster cluster =
                        new SharedCluster(options.parallelism(), clusterSettings(options))) {
            say("Kafka broker (own JVM, pid " + broker.pid() + ") at " + broker.bootstrapServers());
            BenchReport report =
                    new PipelineBench(options, broker.bootstrapServers(), workDir, cluster).run();
            List<Path> files = report.write(options.out());
            for (StageResult stage : report.stages()) {
                if (stage.stage() == Stage.FULL && stage.profile() != null) {
                    System.out.println("\nWhere the full job's CPU goes:");
                    System.out.println(stage.profile().toText());
                }
            }
            System.out.println("Results: " + files.get(0) + ", " + files.get(1));
            System.out.println();
            System.out.print(report.table());
        } finally {
            try {
                WorkDirs.deleteRecursively(workDir);
            } catch (IOException e) {
                System.err.println("bench: could not delete " + workDir + ": " + e.getMessage());
            }
        }
    }

    /**
     * The task-manager settings of the run's {@code --set} keys (buffer debloating): the shared
     * cluster is built with them, since a task manager reads them at start, not from a job.
     */
    static Configuration clusterSettings(BenchOptions options) {
        return JobEnvironment.clusterConfiguration(
                ArbiterConfig.defaults().with(options.settings()));
    }

    /** Preloads, runs every stage and the latency phase (only that with --latency-only). */
    BenchReport run() throws Exception {
        if (options.latencyOnly()) {
            return new BenchReport(
                    options, null, List.of(), latency(options.latencyRate(), Double.NaN));
        }
        List<String> models = scoredModels(options.modelsDir());
        Inputs measured = preload("bench", options.bars(), options.seed(), models);
        Inputs warmupData =
                preload("bench.warmup", warmupBars(options), options.seed() + 2, models);

        List<StageResult> results = new ArrayList<>();
        for (Stage stage : Stage.values()) {
            warmUp(stage, warmupData);
            long total = measured.events(stage);
            long warmup = windowOpensAfter(total);
            say(
                    String.format(
                            Locale.ROOT,
                            "Stage %s: %,d events, the window opens after %,d…",
                            stage.label(),
                            total,
                            warmup));
            StageResult result =
                    StageRunner.run(
                            cluster,
                            stage,
                            config(stage.label(), measured, Map.of()),
                            total,
                            warmup);
            say("  " + summary(result));
            results.add(result);
        }

        StageResult full = results.get(results.size() - 1);
        double offered =
                options.latencyRate() > 0 ? options.latencyRate() : full.eventsPerSecond() / 2;
        return new BenchReport(
                options, measured.written(), results, latency(offered, full.eventsPerSecond()));
    }

    /**
     * The latency phase: the full job on a live topic at {@code offered} bars/s, signals and
     * intents at-least-once, feature vectors exactly once ({@link LatencyRun}).
     *
     * @param maximum the full stage's measured events/s, NaN when not measured
     */
    private LatencyResult latency(double offered, double maximum) throws Exception {
        double seconds =
                options.latencyWarmup().toMillis() / 1000.0
                        + options.latencyMeasured().toMillis() / 1000.0;
        int liveSteps = (int) Math.max(2, Math.ceil(offered * seconds / options.symbols()) + 1);
        SyntheticBars live =
                SyntheticBars.generate(options.symbols(), liveSteps, options.seed() + 1);
        Inputs liveTopics = Inputs.topics("bench.live");
        liveTopics.create(kafka(), options.partitions());
        Map<String, String> extra = new HashMap<>(LatencyRun.LANES);
        // The live feed is in order per partition: no disorder to wait for.
        extra.put(ArbiterOptions.MAX_OUT_OF_ORDERNESS.key(), "0 ms");
        // Fills, commands and external signals are silent in the live run: their partitions must
        // not hold the books' and the planner's event time back for the production 30 s, as long
        // as the whole quick phase.
        extra.put(ArbiterOptions.IDLENESS.key(), "1 s");
        ArbiterConfig liveConfig = config("live", liveTopics, extra);
        say(
                String.format(
                        Locale.ROOT,
                        "Latency: the full job fed %,.0f bars/s (%s) for %d s, the first %d s"
                                + " dropped; settings %s…",
                        offered,
                        Double.isNaN(maximum)
                                ? "--latency-rate"
                                : options.latencyRate() > 0
                                        ? String.format(
                                                Locale.ROOT,
                                                "--latency-rate; the maximum was %,.0f",
                                                maximum)
                                        : String.format(Locale.ROOT, "half of %,.0f", maximum),
                        Math.round(seconds),
                        options.latencyWarmup().toSeconds(),
                        options.settings()));
        return LatencyRun.run(
                cluster,
                liveConfig,
                live,
                offered,
                options.latencyWarmup(),
                options.latencyMeasured());
    }

    /**
     * Runs {@code stage} on the warm-up data until the JIT compiler threads take under {@value
     * #SETTLED_JIT_SHARE} of a run's CPU, or the warm-up budget is spent (at least one run):
     * compiling the job's code costs more CPU than running it at first, and that is no stage's
     * steady cost. Short stages need many runs: the compilers work through the code for tens of
     * seconds, however little data a run reads.
     */
    private void warmUp(Stage stage, Inputs data) throws Exception {
        long total = data.events(stage);
        long deadline = System.nanoTime() + options.warmupBudget().toNanos();
        int round = 0;
        double jitShare;
        do {
            StageResult run =
                    StageRunner.run(
                            cluster,
                            stage,
                            config("warmup-" + stage.label(), data, Map.of()),
                            total,
                            windowOpensAfter(total));
            jitShare = run.jitSeconds() / run.cpuSeconds();
            round++;
        } while (jitShare >= SETTLED_JIT_SHARE && System.nanoTime() < deadline);
        say(
                String.format(
                        Locale.ROOT,
                        "Warm-up %s: %d runs, the JIT compilers at %.0f %% of the last one's CPU",
                        stage.label(),
                        round,
                        jitShare * 100));
    }

    /** Events a run reads before its window opens: the options' warm-up fraction of them. */
    private long windowOpensAfter(long events) {
        return (long) (events * options.warmupFraction());
    }

    /** Bars of the warm-up data: a tenth of the run's, at least 20 per symbol. */
    static long warmupBars(BenchOptions options) {
        long steps = Math.max(20, options.steps() / 10);
        return steps * options.symbols();
    }

    /** Generates and preloads bars and matching fills into {@code prefix}'s two topics. */
    private Inputs preload(String prefix, long barCount, long seed, List<String> models)
            throws Exception {
        say(
                String.format(
                        Locale.ROOT,
                        "Generating %,d bars over %,d symbols and fills of %s (seed %d) for %s…",
                        barCount,
                        options.symbols(),
                        models,
                        seed,
                        prefix));
        SyntheticBars bars =
                SyntheticBars.generate(
                        options.symbols(), Math.toIntExact(barCount / options.symbols()), seed);
        List<Fill> fills =
                MatchingFills.generate(bars, BOOK, models, TRADES_PER_MODEL_PER_STEP, seed);
        Inputs topics = Inputs.topics(prefix);
        topics.create(kafka(), options.partitions());
        Preload.Written written =
                Preload.write(kafka(), topics.bars(), topics.fills(), bars, fills);
        say(
                String.format(
                        Locale.ROOT,
                        "Preloaded %,d bars and %,d fills in %.1f s",
                        written.bars(),
                        written.fills(),
                        written.seconds()));
        return topics.with(written);
    }

    private static String summary(StageResult result) {
        return String.format(
                Locale.ROOT,
                "%,d events in %.2f s wall, %.2f CPU s: %,.0f events/s per core (of which GC"
                        + " threads %.2f s, JIT compilers %.2f s)",
                result.events(),
                result.wallSeconds(),
                result.cpuSeconds(),
                result.eventsPerCoreSecond(),
                result.gcSeconds(),
                result.jitSeconds());
    }

    private java.util.Properties kafka() {
        java.util.Properties kafka = new java.util.Properties();
        kafka.put("bootstrap.servers", bootstrapServers);
        return kafka;
    }

    /**
     * The job's configuration for one run: its own job name (so transactional ids never clash), its
     * own output topics, the inputs given.
     */
    ArbiterConfig config(String run, Inputs inputs, Map<String, String> extra) throws Exception {
        Map<String, String> overrides = new HashMap<>();
        overrides.put(ArbiterOptions.JOB_NAME.key(), "bench-" + run);
        overrides.put(ArbiterOptions.PARALLELISM.key(), String.valueOf(options.parallelism()));
        overrides.put(ArbiterOptions.BOOTSTRAP_SERVERS.key(), bootstrapServers);
        overrides.put(
                ArbiterOptions.CHECKPOINT_INTERVAL.key(),
                options.checkpointInterval().toMillis() + " ms");
        overrides.put(
                ArbiterOptions.CHECKPOINT_DIR.key(),
                workDir.resolve("checkpoints").resolve(run).toUri().toString());
        overrides.put(ArbiterOptions.MODELS_DIR.key(), options.modelsDir().toString());
        for (ConfigOption<String> topic : ArbiterOptions.TOPICS) {
            overrides.put(topic.key(), "bench." + run + "." + topic.defaultValue());
        }
        overrides.put(ArbiterOptions.TOPIC_BARS.key(), inputs.bars());
        overrides.put(ArbiterOptions.TOPIC_FILLS.key(), inputs.fills());
        overrides.putAll(options.settings());
        overrides.putAll(extra);
        ArbiterConfig config = ArbiterConfig.defaults().with(overrides);
        createOutputs(config);
        return config;
    }

    private void createOutputs(ArbiterConfig config) throws Exception {
        List<String> topics = new ArrayList<>(List.of(Stage.copiedBarsTopic(config)));
        for (ConfigOption<String> option : ArbiterOptions.TOPICS) {
            if (option != ArbiterOptions.TOPIC_BARS && option != ArbiterOptions.TOPIC_FILLS) {
                topics.add(config.get(option));
            }
        }
        TopicAdmin.ensureTopics(
                config.kafkaProperties(),
                topics,
                options.partitions(),
                Map.of("retention.ms", "-1"));
    }

    /** The models the full job scores with ONNX Runtime: every non-external manifest. */
    static List<String> scoredModels(Path modelsDir) throws IOException {
        List<String> ids = new ArrayList<>();
        try (Stream<Path> entries = Files.list(modelsDir)) {
            for (Path dir : entries.filter(Files::isDirectory).sorted().toList()) {
                if (Files.exists(dir.resolve(ModelManifest.FILE_NAME))) {
                    ModelManifest manifest = ModelManifest.read(dir);
                    if (!manifest.isExternal()) {
                        ids.add(manifest.id());
                    }
                }
            }
        }
        if (ids.isEmpty()) {
            throw new IllegalArgumentException("no ONNX model in " + modelsDir);
        }
        return ids;
    }

    private static void say(String line) {
        System.out.println(line);
    }
}
