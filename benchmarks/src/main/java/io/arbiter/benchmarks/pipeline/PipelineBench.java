package io.arbiter.benchmarks.pipeline;

import org.apache.flink.configuration.ConfigOption;

import io.arbiter.benchmarks.features.SyntheticBars;
import io.arbiter.benchmarks.minicluster.BenchmarkJvm;
import io.arbiter.jobs.config.ArbiterConfig;
import io.arbiter.jobs.config.ArbiterOptions;
import io.arbiter.jobs.kafka.TopicAdmin;
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

    /** System property through which bin/arbiter names the broker's classpath. */
    static final String KAFKA_CLASSPATH_PROPERTY = "arbiter.kafka.classpath";

    static final String BOOK = "desk";
    static final String BARS_TOPIC = "bench.market.bars";
    static final String FILLS_TOPIC = "bench.exec.fills";

    /** Round trips each model opens per bar step (daily bars: under the 10 trades/day breaker). */
    static final double TRADES_PER_MODEL_PER_STEP = 3.0;

    private final BenchOptions options;
    private final String bootstrapServers;
    private final Path workDir;

    PipelineBench(BenchOptions options, String bootstrapServers, Path workDir) {
        this.options = options;
        this.bootstrapServers = bootstrapServers;
        this.workDir = workDir;
    }

    public static void main(String[] args) throws Exception {
        Path home = Path.of(System.getProperty("arbiter.home", "."));
        BenchOptions options =
                BenchmarkJvm.parseOrExit(args, a -> BenchOptions.parse(a, home.resolve("models")));
        String kafkaClasspath = System.getProperty(KAFKA_CLASSPATH_PROPERTY);
        if (kafkaClasspath == null || kafkaClasspath.isBlank()) {
            System.err.println(
                    "bench: system property "
                            + KAFKA_CLASSPATH_PROPERTY
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
                        .start()) {
            say("Kafka broker (own JVM, pid " + broker.pid() + ") at " + broker.bootstrapServers());
            BenchReport report =
                    new PipelineBench(options, broker.bootstrapServers(), workDir).run();
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
            deleteQuietly(workDir);
        }
    }

    /** Preloads, runs every stage and the latency phase. */
    BenchReport run() throws Exception {
        List<String> modelIds = scoredModels(options.modelsDir());
        say(
                String.format(
                        Locale.ROOT,
                        "Generating %,d bars over %,d symbols and fills of %s (seed %d)…",
                        options.bars(),
                        options.symbols(),
                        modelIds,
                        options.seed()));
        SyntheticBars bars =
                SyntheticBars.generate(options.symbols(), options.steps(), options.seed());
        List<Fill> fills =
                MatchingFills.generate(
                        bars, BOOK, modelIds, TRADES_PER_MODEL_PER_STEP, options.seed());
        ArbiterConfig base = config("preload", Map.of());
        TopicAdmin.ensureTopics(
                base.kafkaProperties(),
                List.of(BARS_TOPIC),
                options.partitions(),
                Map.of("retention.ms", "-1"));
        // Every fill is keyed by its book: one partition holds them all.
        TopicAdmin.ensureTopics(
                base.kafkaProperties(), List.of(FILLS_TOPIC), 1, Map.of("retention.ms", "-1"));
        Preload.Written written =
                Preload.write(base.kafkaProperties(), BARS_TOPIC, FILLS_TOPIC, bars, fills);
        say(
                String.format(
                        Locale.ROOT,
                        "Preloaded %,d bars and %,d fills in %.1f s",
                        written.bars(),
                        written.fills(),
                        written.seconds()));
        bars = null; // the stages read Kafka; the generator's arrays are not theirs to carry

        List<StageResult> results = new ArrayList<>();
        for (Stage stage : Stage.values()) {
            ArbiterConfig config = config(stage.label(), Map.of());
            createOutputs(config);
            long total = written.bars() + (stage == Stage.FULL ? written.fills() : 0);
            long warmup = (long) (total * options.warmupFraction());
            say(
                    String.format(
                            Locale.ROOT,
                            "Stage %s: %,d events, the first %,d of them warm-up…",
                            stage.label(),
                            total,
                            warmup));
            StageResult result = StageRunner.run(stage, config, total, warmup);
            say(
                    String.format(
                            Locale.ROOT,
                            "  %,d events in %.2f s wall, %.2f CPU s: %,.0f events/s per core",
                            result.events(),
                            result.wallSeconds(),
                            result.cpuSeconds(),
                            result.eventsPerCoreSecond()));
            results.add(result);
        }

        StageResult full = results.get(results.size() - 1);
        double offered = full.eventsPerSecond() / 2;
        double seconds =
                options.latencyWarmup().toMillis() / 1000.0
                        + options.latencyMeasured().toMillis() / 1000.0;
        int liveSteps = (int) Math.max(2, Math.ceil(offered * seconds / options.symbols()) + 1);
        SyntheticBars live =
                SyntheticBars.generate(options.symbols(), liveSteps, options.seed() + 1);
        ArbiterConfig liveConfig =
                config(
                        "live",
                        Map.of(
                                // The live feed is in order per partition: no disorder to wait for.
                                ArbiterOptions.MAX_OUT_OF_ORDERNESS.key(), "0 ms",
                                ArbiterOptions.TOPIC_BARS.key(), "bench.live.market.bars",
                                ArbiterOptions.TOPIC_FILLS.key(), "bench.live.exec.fills"));
        createOutputs(liveConfig);
        TopicAdmin.ensureTopics(
                liveConfig.kafkaProperties(),
                List.of(liveConfig.get(ArbiterOptions.TOPIC_BARS)),
                options.partitions(),
                Map.of());
        TopicAdmin.ensureTopics(
                liveConfig.kafkaProperties(),
                List.of(liveConfig.get(ArbiterOptions.TOPIC_FILLS)),
                1,
                Map.of());
        say(
                String.format(
                        Locale.ROOT,
                        "Latency: the full job fed %,.0f bars/s (half of %,.0f) for %d s, the first %d s"
                                + " dropped…",
                        offered,
                        full.eventsPerSecond(),
                        Math.round(seconds),
                        options.latencyWarmup().toSeconds()));
        LatencyResult latency =
                LatencyRun.run(
                        liveConfig,
                        live,
                        offered,
                        options.latencyWarmup(),
                        options.latencyMeasured());
        return new BenchReport(options, written, results, latency);
    }

    /**
     * The job's configuration for one stage: its own job name (so transactional ids never clash),
     * its own output topics, the preloaded input topics.
     */
    ArbiterConfig config(String stage, Map<String, String> extra) {
        Map<String, String> overrides = new HashMap<>();
        overrides.put(ArbiterOptions.JOB_NAME.key(), "bench-" + stage);
        overrides.put(ArbiterOptions.PARALLELISM.key(), String.valueOf(options.parallelism()));
        overrides.put(ArbiterOptions.BOOTSTRAP_SERVERS.key(), bootstrapServers);
        overrides.put(
                ArbiterOptions.CHECKPOINT_INTERVAL.key(),
                options.checkpointInterval().toMillis() + " ms");
        overrides.put(
                ArbiterOptions.CHECKPOINT_DIR.key(),
                workDir.resolve("checkpoints").resolve(stage).toUri().toString());
        overrides.put(ArbiterOptions.MODELS_DIR.key(), options.modelsDir().toString());
        for (ConfigOption<String> topic : ArbiterOptions.TOPICS) {
            overrides.put(topic.key(), "bench." + stage + "." + topic.defaultValue());
        }
        overrides.put(ArbiterOptions.TOPIC_BARS.key(), BARS_TOPIC);
        overrides.put(ArbiterOptions.TOPIC_FILLS.key(), FILLS_TOPIC);
        overrides.putAll(extra);
        return ArbiterConfig.defaults().with(overrides);
    }

    private void createOutputs(ArbiterConfig config) throws Exception {
        List<String> topics = new ArrayList<>();
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

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            System.err.println("bench: could not delete " + dir + ": " + e.getMessage());
        }
    }
}
