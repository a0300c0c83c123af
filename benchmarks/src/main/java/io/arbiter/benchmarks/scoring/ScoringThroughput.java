package io.arbiter.benchmarks.scoring;

import org.apache.flink.formats.avro.typeutils.AvroTypeInfo;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

import io.arbiter.benchmarks.minicluster.BenchmarkJvm;
import io.arbiter.benchmarks.minicluster.CountingSink;
import io.arbiter.benchmarks.minicluster.HarnessOptions;
import io.arbiter.benchmarks.minicluster.ReplayArray;
import io.arbiter.benchmarks.minicluster.TimedJob;
import io.arbiter.models.registry.ModelLoadFailure;
import io.arbiter.models.registry.ModelLoader;
import io.arbiter.models.registry.ModelRegistry;
import io.arbiter.models.registry.ScoringModel;
import io.arbiter.models.scoring.OnnxScorer;
import io.arbiter.models.scoring.ScoringDevice;
import io.arbiter.models.signals.ScoringSettings;
import io.arbiter.operators.policy.Policy;
import io.arbiter.schemas.ControlCommand;
import io.arbiter.schemas.FeatureVector;
import io.arbiter.schemas.ModelSignal;
import io.arbiter.stream.models.ScoringOperator;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Feature vectors per second through the stream's {@link ScoringOperator} (every shipped model,
 * micro-batched, gated into signals) on a local MiniCluster, for several batch sizes, against the
 * same vectors replayed without scoring in the same JVM: the difference is what scoring costs a
 * core.
 *
 * <p>The vectors are computed once from synthetic bars ({@link ReplayVectors}) and replayed by a
 * {@code fromSequence(0, n - 1).map(new ReplayArray<>(...))} source with monotonous event-time
 * watermarks, chained to the operator as the production job chains it to the feature function.
 * Settings follow the production job: no generic types, object reuse on (so the operator copies
 * each vector it holds for a batch, as in production), one ONNX Runtime intra-op thread per model,
 * CPU, heap state, no checkpoints (a bounded run).
 *
 * <p>Rates are over the {@link io.arbiter.benchmarks.minicluster.JobWindow}, from the first record
 * leaving the source to the last sink closing, with the CPU time of the whole process (GC, JIT and
 * Flink's own threads count): per CPU-second is per core. Starting the MiniCluster and opening the
 * ORT sessions fall outside the window; they cost seconds per {@code execute()} and would drown the
 * features-only run.
 *
 * <pre>{@code
 * java -Dorg.apache.avro.SERIALIZABLE_PACKAGES=io.arbiter.schemas --add-opens=... \
 *     -cp benchmarks/target/benchmarks.jar io.arbiter.benchmarks.scoring.ScoringThroughput \
 *     --rows 200000 --symbols 500 --batch-sizes 1,64,256 --models models
 * }</pre>
 */
public final class ScoringThroughput {

    private static final ControlCommand NO_OP_COMMAND =
            ControlCommand.newBuilder()
                    .setCommandId("none")
                    .setBook("*")
                    .setType(io.arbiter.schemas.CommandType.UNKNOWN)
                    .setModel(null)
                    .setPayload("{}")
                    .setIssuer("bench")
                    .setTime(java.time.Instant.EPOCH)
                    .setSignature("")
                    .build();

    static final String VECTORS = "vectors";
    static final String SIGNALS = "signals";
    static final String MODEL_EVENTS = "model-events";

    private static final String VECTOR_SLOT = "feature-vectors";

    /**
     * Bars generated per symbol beyond the replayed rows, so every model has the history it needs
     * (the indicators' warm-up and the 64-bar window) before the first replayed row.
     */
    static final int MAX_LEAD_BARS = 160;

    private ScoringThroughput() {}

    /** What to run: the common harness options, feature vectors (rows) being the records. */
    record Options(HarnessOptions run, List<Integer> batchSizes, Path models, Duration maxDelay) {

        static Options defaults() {
            // Batch size, max delay and device as the job's defaults (scoring.batch-size 64 is one
            // of the sizes; scoring.max-delay 5 ms); object reuse on as JobEnvironment sets it.
            return new Options(
                    new HarnessOptions(200_000, 500, 1, 42, 50_000, 1, true),
                    List.of(1, 64, 256),
                    Path.of("models"),
                    Duration.ofMillis(5));
        }

        static Options parse(String[] args) {
            Options d = defaults();
            List<Integer> batchSizes = new ArrayList<>(d.batchSizes());
            Path[] models = {d.models()};
            Duration[] maxDelay = {d.maxDelay()};
            HarnessOptions run =
                    HarnessOptions.parse(
                            args,
                            d.run(),
                            "rows",
                            usage(),
                            (flag, value) -> {
                                switch (flag) {
                                    case "--models" -> models[0] = Path.of(text(flag, value));
                                    case "--batch-sizes" -> {
                                        batchSizes.clear();
                                        batchSizes.addAll(sizes(text(flag, value)));
                                    }
                                    case "--max-delay-ms" ->
                                            maxDelay[0] =
                                                    Duration.ofMillis(
                                                            BenchmarkJvm.number(
                                                                    flag, value, usage()));
                                    default -> {
                                        return false;
                                    }
                                }
                                return true;
                            });
            Options options = new Options(run, List.copyOf(batchSizes), models[0], maxDelay[0]);
            options.validate();
            return options;
        }

        private static String text(String flag, String value) {
            if (value == null) {
                throw new IllegalArgumentException(flag + " needs a value\n" + usage());
            }
            return value;
        }

        private static List<Integer> sizes(String list) {
            List<Integer> sizes = new ArrayList<>();
            for (String size : list.split(",")) {
                sizes.add(Math.toIntExact(BenchmarkJvm.number("--batch-sizes", size, usage())));
            }
            return sizes;
        }

        void validate() {
            List<String> problems = run.problems("rows");
            if (((long) run.perSymbol() + MAX_LEAD_BARS) * run.symbols() > Integer.MAX_VALUE) {
                problems.add("--rows must fit in one array");
            }
            if (batchSizes.isEmpty() || batchSizes.stream().anyMatch(size -> size < 1)) {
                problems.add("--batch-sizes must list sizes of at least 1");
            }
            if (maxDelay.isNegative()) {
                problems.add("--max-delay-ms must be >= 0");
            }
            if (!Files.isDirectory(models)) {
                problems.add("--models " + models.toAbsolutePath() + " is not a directory");
            }
            if (!problems.isEmpty()) {
                throw new IllegalArgumentException(String.join("\n", problems) + "\n" + usage());
            }
        }

        static String usage() {
            return "usage: ScoringThroughput [--rows N (200000)] [--symbols K (500)]"
                    + " [--batch-sizes B,B,.. (1,64,256)] [--models DIR (models)]"
                    + " [--parallelism P (1)] [--warmup-rows W (50000, 0: none)] [--repeat R (1)]"
                    + " [--max-delay-ms D (5)] [--seed S (42)] [--no-object-reuse]";
        }
    }

    /** Which job runs over the vectors. */
    enum Pipeline {
        /** The replayed vectors → counting sink: the features-only baseline. */
        FEATURES_ONLY,
        /** The replayed vectors → ScoringOperator → counting sinks for signals and model events. */
        SCORING
    }

    /**
     * One timed run.
     *
     * @param batchSize the operator's batch size (0 for the features-only pipeline)
     * @param outputs vectors (features only) or signals (scoring) that reached the sink
     */
    record Result(
            Pipeline pipeline,
            int batchSize,
            long rows,
            TimedJob timing,
            long outputs,
            long modelEvents) {

        String label() {
            return pipeline == Pipeline.FEATURES_ONLY
                    ? "features only"
                    : "scoring, batch " + batchSize;
        }

        /** Rows per second between the first record and the last sink close. */
        double rowsPerWallSecond() {
            return rows / timing.windowWallSeconds();
        }

        /** Rows per CPU-second of the whole process over that window: rows/s per core. */
        double rowsPerCpuSecond() {
            return rows / timing.windowCpuSeconds();
        }
    }

    /** What a whole run measured, with the ids of the models the operator loaded. */
    record Report(ReplayVectors replay, List<String> modelIds, List<Result> results) {}

    public static void main(String[] args) throws Exception {
        run(BenchmarkJvm.parseOrExit(args, Options::parse), true);
    }

    /** Prepares the vectors, warms up, runs every pipeline and prints the table. */
    static Report run(Options options, boolean print) throws Exception {
        Policy policy = Policy.defaults();
        if (print) {
            BenchmarkJvm.describe("ScoringThroughput");
        }
        long preparing = System.nanoTime();
        ReplayVectors replay;
        List<String> modelIds;
        try (ModelRegistry registry = new ModelRegistry(new ModelLoader(ScoringDevice.CPU))) {
            List<ModelLoadFailure> failures = registry.loadAll(options.models());
            if (!failures.isEmpty() || registry.size() == 0) {
                throw new IllegalStateException(
                        "models in " + options.models().toAbsolutePath() + ": " + failures);
            }
            modelIds = registry.models().stream().map(ScoringModel::id).toList();
            replay =
                    ReplayVectors.prepare(
                            options.run().symbols(),
                            options.run().perSymbol(),
                            MAX_LEAD_BARS,
                            options.run().seed(),
                            options.run().parallelism(),
                            policy.features(),
                            registry.models());
        }
        if (print) {
            printSetup(options, replay, modelIds, (System.nanoTime() - preparing) / 1e9);
        }
        try (ReplayArray.Held held = ReplayArray.hold(VECTOR_SLOT, replay.vectors())) {
            long n = replay.vectors().length;
            long warmup = Math.min(options.run().warmupRecords(), n);
            if (warmup > 0) {
                // A first run of each pipeline compiles the code paths and loads Flink's and ONNX
                // Runtime's classes; its numbers are not the steady state, so it is reported apart.
                for (Result result : pass(options, policy, warmup, null)) {
                    if (print) {
                        System.out.printf(
                                Locale.ROOT,
                                "warm-up %-20s %,d rows in %.2f s%n",
                                result.label(),
                                warmup,
                                result.timing().wallSeconds());
                    }
                }
            }
            List<Result> results = new ArrayList<>();
            for (int r = 0; r < options.run().repeat(); r++) {
                results.addAll(pass(options, policy, n, replay));
            }
            if (print) {
                printTable(options, results);
            }
            return new Report(replay, modelIds, results);
        }
    }

    /**
     * The features-only pipeline, then scoring at every batch size, over the first {@code n}
     * vectors; with {@code replay} given, every run must deliver every vector and every signal.
     */
    private static List<Result> pass(Options options, Policy policy, long n, ReplayVectors replay)
            throws Exception {
        List<Result> results = new ArrayList<>();
        results.add(check(execute(Pipeline.FEATURES_ONLY, 0, n, options, policy), replay));
        for (int batchSize : options.batchSizes()) {
            results.add(check(execute(Pipeline.SCORING, batchSize, n, options, policy), replay));
        }
        return results;
    }

    private static Result check(Result result, ReplayVectors replay) {
        if (replay == null) {
            return result;
        }
        long expected =
                result.pipeline() == Pipeline.FEATURES_ONLY
                        ? result.rows()
                        : replay.expectedSignals();
        if (result.outputs() != expected || result.modelEvents() != 0) {
            throw new IllegalStateException(
                    result.label()
                            + ": "
                            + result.rows()
                            + " vectors in, "
                            + result.outputs()
                            + " records and "
                            + result.modelEvents()
                            + " model events out; expected "
                            + expected
                            + " records and no model event");
        }
        return result;
    }

    static Result execute(Pipeline pipeline, int batchSize, long n, Options options, Policy policy)
            throws Exception {
        StreamExecutionEnvironment env =
                TimedJob.environment(options.run().parallelism(), options.run().objectReuse());
        DataStream<FeatureVector> vectors =
                ReplayArray.source(
                        env,
                        n,
                        VECTOR_SLOT,
                        new AvroTypeInfo<>(FeatureVector.class),
                        (vector, previous) -> vector.getTime().toEpochMilli());
        switch (pipeline) {
            case FEATURES_ONLY ->
                    vectors.sinkTo(new CountingSink<>(VECTORS)).uid("vector-sink").name(VECTORS);
            case SCORING -> {
                ScoringSettings settings =
                        new ScoringSettings(
                                options.models().toAbsolutePath().toString(),
                                batchSize,
                                options.maxDelay(),
                                ScoringDevice.CPU.toString(),
                                policy.gates(),
                                policy.version());
                // As in the job: a second, broadcast input of model commands (here one that asks
                // for nothing), which also means scoring is not chained to its input.
                var commands =
                        env.fromData(
                                        java.util.List.of(NO_OP_COMMAND),
                                        new AvroTypeInfo<>(ControlCommand.class))
                                .uid("no-commands")
                                .broadcast();
                SingleOutputStreamOperator<ModelSignal> signals =
                        vectors.connect(commands)
                                .transform(
                                        "score models",
                                        new AvroTypeInfo<>(ModelSignal.class),
                                        new ScoringOperator(settings))
                                .uid("scoring");
                signals.sinkTo(new CountingSink<>(SIGNALS)).uid("signal-sink").name(SIGNALS);
                signals.getSideOutput(ScoringOperator.MODEL_EVENTS)
                        .sinkTo(new CountingSink<>(MODEL_EVENTS))
                        .uid("model-event-sink")
                        .name(MODEL_EVENTS);
            }
        }
        CountingSink.reset();
        TimedJob timing = TimedJob.execute(env, "scoring throughput: " + pipeline);
        long outputs = CountingSink.count(pipeline == Pipeline.FEATURES_ONLY ? VECTORS : SIGNALS);
        return new Result(
                pipeline, batchSize, n, timing, outputs, CountingSink.count(MODEL_EVENTS));
    }

    private static void printSetup(
            Options options, ReplayVectors replay, List<String> modelIds, double seconds) {
        System.out.printf(
                Locale.ROOT,
                "N = %,d vectors (K = %,d symbols × %,d rows each, after a lead of %d bars),"
                        + " parallelism %d, seed %d, object reuse %s, max delay %d ms,"
                        + " ORT on CPU with %d intra-op thread(s) per model%n",
                replay.vectors().length,
                options.run().symbols(),
                replay.rowsPerSymbol(),
                replay.leadBars(),
                options.run().parallelism(),
                options.run().seed(),
                options.run().objectReuse() ? "on" : "off",
                options.maxDelay().toMillis(),
                OnnxScorer.DEFAULT_INTRA_OP_THREADS);
        System.out.printf(
                Locale.ROOT,
                "models %s from %s: %,d signals expected per pass (%.2f per vector)%n",
                modelIds,
                options.models().toAbsolutePath(),
                replay.expectedSignals(),
                (double) replay.expectedSignals() / replay.vectors().length);
        if (replay.vectors().length != options.run().records()) {
            System.out.printf(
                    Locale.ROOT,
                    "(--rows %,d rounded down to a whole number of rows per symbol)%n",
                    options.run().records());
        }
        System.out.printf(
                Locale.ROOT,
                "bars generated and vectors computed in %.1f s (outside every timed window)%n",
                seconds);
    }

    private static void printTable(Options options, List<Result> results) {
        System.out.println();
        String header = "%-18s %9s %9s %8s %8s %5s %10s %10s %9s %10s%n";
        System.out.printf(
                Locale.ROOT,
                header,
                "pipeline",
                "rows",
                "execute s",
                "window s",
                "cpu s",
                "gc s",
                "rows/s",
                "rows/cpu-s",
                "signals",
                "cpu µs/row");
        for (Result r : results) {
            System.out.printf(
                    Locale.ROOT,
                    "%-18s %,9d %9.2f %8.2f %8.2f %5.2f %,10.0f %,10.0f %,9d %10.2f%n",
                    r.label(),
                    r.rows(),
                    r.timing().wallSeconds(),
                    r.timing().windowWallSeconds(),
                    r.timing().windowCpuSeconds(),
                    r.timing().gcSeconds(),
                    r.rowsPerWallSecond(),
                    r.rowsPerCpuSecond(),
                    r.pipeline() == Pipeline.SCORING ? r.outputs() : 0,
                    r.timing().windowCpuSeconds() * 1e6 / r.rows());
        }
        System.out.printf(
                Locale.ROOT,
                "%nScoring alone: CPU beyond the features-only run of the same pass"
                        + " (parallelism %d)%n",
                options.run().parallelism());
        Result baseline = null;
        for (Result r : results) {
            if (r.pipeline() == Pipeline.FEATURES_ONLY) {
                baseline = r;
                continue;
            }
            double seconds = r.timing().windowCpuSeconds() - baseline.timing().windowCpuSeconds();
            System.out.printf(
                    Locale.ROOT,
                    "  batch %4d: %7.2f CPU µs per row, %,9.0f rows/s per core, %,10.0f signals/s"
                            + " per core; wall throughput %.3f of features only%n",
                    r.batchSize(),
                    seconds * 1e6 / r.rows(),
                    r.rows() / seconds,
                    r.outputs() / seconds,
                    r.rowsPerWallSecond() / baseline.rowsPerWallSecond());
        }
        System.out.println(
                "(execute s: env.execute(), MiniCluster start and stop included; window s and cpu"
                        + " s: from the first record leaving the source to the last sink closing,"
                        + " CPU of the whole process, GC and JIT threads included; rows/s and"
                        + " rows/cpu-s over that window; signals: one per (row, model) scored)");
    }
}
