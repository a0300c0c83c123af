package io.arbiter.benchmarks.pipeline;

import io.arbiter.benchmarks.minicluster.BenchmarkJvm;
import io.arbiter.jobs.config.ArbiterConfig;
import io.arbiter.jobs.config.ConfigException;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What {@code bin/arbiter bench} runs: how much data, on what parallelism, for how long the latency
 * phase offers load, and where the results go.
 *
 * @param bars bars preloaded (N)
 * @param symbols symbols they are spread over (K)
 * @param parallelism of every stage's job
 * @param partitions of the preloaded bars topic
 * @param seed of the bars and fills
 * @param warmupFraction share of a stage's input read before its measured window opens
 * @param warmupBudget how long each stage may keep warming up on the warm-up data
 * @param checkpointInterval of every stage (exactly-once output is visible once per checkpoint)
 * @param latencyWarmup first part of the latency phase, whose samples are dropped
 * @param latencyMeasured part of the latency phase whose samples are kept
 * @param out folder of {@code bench-results.json} and {@code bench-results.md}
 * @param modelsDir the models the full job scores
 * @param settings {@code conf/arbiter.yaml} keys set for every job of the run ({@code --set}), over
 *     the defaults of {@code ArbiterOptions}: checkpoint, network and scoring settings
 * @param latencyRate bars per second the latency phase offers; 0: half the full stage's maximum
 * @param latencyOnly only the latency phase (at {@code latencyRate}), no throughput stages
 */
public record BenchOptions(
        long bars,
        int symbols,
        int parallelism,
        int partitions,
        long seed,
        double warmupFraction,
        Duration warmupBudget,
        Duration checkpointInterval,
        Duration latencyWarmup,
        Duration latencyMeasured,
        Path out,
        Path modelsDir,
        Map<String, String> settings,
        double latencyRate,
        boolean latencyOnly) {

    /**
     * Keys the benchmark sets itself for each job (its own topics, broker, names, checkpoint
     * folder) or that the latency phase fixes (its lanes): {@code --set} may not change them.
     */
    static final List<String> FIXED_PREFIXES =
            List.of(
                    "job.name",
                    "job.parallelism",
                    "kafka.bootstrap-servers",
                    "topics.",
                    "delivery.",
                    "checkpointing.interval",
                    "checkpointing.directory",
                    "scoring.models-dir",
                    "watermarks.max-out-of-orderness",
                    "watermarks.idleness");

    static final String USAGE =
            """
            usage: bin/arbiter bench [--quick] [--out DIR] [--bars N] [--symbols K]
                                     [--parallelism P] [--partitions N] [--seed S]
                                     [--checkpoint-interval-ms MS] [--latency-seconds S]
                                     [--latency-warmup-seconds S] [--warmup-seconds S]
                                     [--models DIR] [--set KEY=VALUE]... [--latency-rate R]
                                     [--latency-only]
              Starts a local Kafka broker, preloads N bars over K symbols and matching fills, and
              measures passthrough, features and the full job on them, one after another, then the
              full job's end-to-end latency at half its measured maximum rate. Writes
              bench-results.json and bench-results.md to DIR (default: the current directory).
              --quick: N = 200,000 (a few minutes), for development.
              --set KEY=VALUE: a conf/arbiter.yaml key for every job of the run, e.g.
                checkpointing.unaligned=false or network.buffer-debloat.enabled=false.
              --latency-rate R: offer R bars/s in the latency phase (default: half the full
                job's measured maximum); --latency-only: skip the throughput stages (needs
                --latency-rate).""";

    /** The default run: 2,000,000 bars over 1,000 symbols. */
    public static BenchOptions defaults(Path modelsDir) {
        return new Builder(modelsDir).build();
    }

    /** The options of {@code args} over {@link #defaults}. */
    public static BenchOptions parse(String[] args, Path defaultModelsDir) {
        Builder o = new Builder(defaultModelsDir);
        boolean quick = false;
        Long bars = null;
        Long latencySeconds = null;
        for (int i = 0; i < args.length; i++) {
            String flag = args[i];
            switch (flag) {
                case "--help", "-h" -> throw new IllegalArgumentException(USAGE);
                case "--quick" -> {
                    quick = true;
                    continue;
                }
                case "--latency-only" -> {
                    o.latencyOnly = true;
                    continue;
                }
                default -> {}
            }
            String value = i + 1 < args.length ? args[++i] : null;
            switch (flag) {
                case "--out" -> o.out = Path.of(required(flag, value));
                case "--models" -> o.modelsDir = Path.of(required(flag, value));
                case "--bars" -> bars = positive(flag, value);
                case "--symbols" -> o.symbols = (int) positive(flag, value);
                case "--parallelism" -> o.parallelism = (int) positive(flag, value);
                case "--partitions" -> o.partitions = (int) positive(flag, value);
                case "--seed" -> o.seed = BenchmarkJvm.number(flag, value, USAGE);
                case "--checkpoint-interval-ms" ->
                        o.checkpointInterval = Duration.ofMillis(positive(flag, value));
                case "--warmup-seconds" ->
                        o.warmupBudget = Duration.ofSeconds(positive(flag, value));
                case "--latency-seconds" -> latencySeconds = positive(flag, value);
                case "--latency-warmup-seconds" ->
                        o.latencyWarmup =
                                Duration.ofSeconds(BenchmarkJvm.number(flag, value, USAGE));
                case "--set" -> setting(required(flag, value), o.settings);
                case "--latency-rate" -> o.latencyRate = positive(flag, value);
                default ->
                        throw new IllegalArgumentException("unknown option " + flag + "\n" + USAGE);
            }
        }
        if (quick) {
            o.bars = 200_000;
            o.warmupBudget = Duration.ofSeconds(20);
            o.latencyWarmup = Duration.ofSeconds(10);
            o.latencyMeasured = Duration.ofSeconds(20);
        }
        if (bars != null) {
            o.bars = bars;
        }
        if (latencySeconds != null) {
            o.latencyMeasured = Duration.ofSeconds(latencySeconds);
        }
        if (o.bars % o.symbols != 0) {
            throw new IllegalArgumentException(
                    "--bars (" + o.bars + ") must be a multiple of --symbols (" + o.symbols + ")");
        }
        if (o.latencyOnly && o.latencyRate == 0) {
            throw new IllegalArgumentException(
                    "--latency-only needs --latency-rate: there is no measured maximum to halve");
        }
        if (!o.settings.isEmpty()) {
            try {
                ArbiterConfig.defaults().with(o.settings);
            } catch (ConfigException e) {
                throw new IllegalArgumentException("--set: " + e.getMessage());
            }
        }
        if (o.bars / o.symbols < 20) {
            throw new IllegalArgumentException(
                    "need at least 20 bars per symbol, got " + o.bars / o.symbols);
        }
        return o.build();
    }

    /** Bars per symbol. */
    public int steps() {
        return Math.toIntExact(bars / symbols);
    }

    /** The defaults, changed field by field while the arguments are read. */
    private static final class Builder {
        long bars = 2_000_000;
        int symbols = 1_000;
        int parallelism = 1;
        int partitions = 4;
        long seed = 7;
        double warmupFraction = 0.1;
        Duration warmupBudget = Duration.ofSeconds(60);
        Duration checkpointInterval = Duration.ofSeconds(1);
        Duration latencyWarmup = Duration.ofSeconds(15);
        Duration latencyMeasured = Duration.ofSeconds(60);
        Path out = Path.of(".");
        Path modelsDir;
        Map<String, String> settings = new TreeMap<>();
        double latencyRate;
        boolean latencyOnly;

        Builder(Path modelsDir) {
            this.modelsDir = modelsDir;
        }

        BenchOptions build() {
            return new BenchOptions(
                    bars,
                    symbols,
                    parallelism,
                    partitions,
                    seed,
                    warmupFraction,
                    warmupBudget,
                    checkpointInterval,
                    latencyWarmup,
                    latencyMeasured,
                    out,
                    modelsDir,
                    Map.copyOf(settings),
                    latencyRate,
                    latencyOnly);
        }
    }

    private static void setting(String keyValue, Map<String, String> settings) {
        int eq = keyValue.indexOf('=');
        if (eq < 1) {
            throw new IllegalArgumentException("--set takes KEY=VALUE, got " + keyValue);
        }
        String key = keyValue.substring(0, eq).trim();
        for (String fixed : FIXED_PREFIXES) {
            if (key.startsWith(fixed)) {
                throw new IllegalArgumentException(
                        "--set "
                                + key
                                + ": the benchmark sets it itself (use --checkpoint-interval-ms"
                                + " for the interval)");
            }
        }
        settings.put(key, keyValue.substring(eq + 1).trim());
    }

    private static String required(String flag, String value) {
        if (value == null) {
            throw new IllegalArgumentException(flag + " needs a value\n" + USAGE);
        }
        return value;
    }

    private static long positive(String flag, String value) {
        long number = BenchmarkJvm.number(flag, value, USAGE);
        if (number < 1) {
            throw new IllegalArgumentException(flag + " must be at least 1, got " + number);
        }
        return number;
    }
}
