package io.arbiter.benchmarks.features;

import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.functions.KeySelector;
import org.apache.flink.formats.avro.typeutils.AvroTypeInfo;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

import io.arbiter.benchmarks.minicluster.BenchmarkJvm;
import io.arbiter.benchmarks.minicluster.CountingSink;
import io.arbiter.benchmarks.minicluster.HarnessOptions;
import io.arbiter.benchmarks.minicluster.ReplayArray;
import io.arbiter.benchmarks.minicluster.TimedJob;
import io.arbiter.operators.policy.Policy;
import io.arbiter.schemas.FeatureVector;
import io.arbiter.schemas.SourcedBar;
import io.arbiter.stream.features.FeatureFunction;
import io.arbiter.stream.ingest.DeadLetterOutput;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Bars per second through the keyed {@link FeatureFunction} on a local MiniCluster, against a
 * trivial keyed pass-through over the same input in the same JVM, so the ratio isolates what the
 * feature stage costs on top of Flink's source, shuffle and sink.
 *
 * <p>No Kafka: the bars are generated before anything is timed and replayed by a {@code
 * fromSequence(0, n - 1).map(new ReplayArray<>(...))} source (the MiniCluster runs in this JVM, so
 * its tasks see the array). With parallelism {@code p} the array holds {@code p} blocks, one per
 * source split, each the time-ordered bars of every {@code p}-th symbol, as Kafka partitions keyed
 * by symbol would. Settings follow the production job: no generic types (a Kryo fallback fails the
 * run), object reuse on by default (as JobEnvironment sets it), heap state, no checkpoints (a
 * bounded run).
 *
 * <pre>{@code
 * java -Dorg.apache.avro.SERIALIZABLE_PACKAGES=io.arbiter.schemas --add-opens=... \
 *     -cp benchmarks/target/benchmarks.jar io.arbiter.benchmarks.features.FeatureThroughput \
 *     --bars 2000000 --symbols 1000 --parallelism 1
 * }</pre>
 */
public final class FeatureThroughput {

    static final String VECTORS = "feature-vectors";
    static final String DEAD_LETTERS = "dead-letters";
    static final String PASSED = "passed";

    private static final String BAR_SLOT = "bars";

    private FeatureThroughput() {}

    /** What to run: the common harness options, bars being the records. */
    record Options(HarnessOptions run) {

        static Options defaults() {
            // Object reuse on, as the production job runs (JobEnvironment).
            return new Options(new HarnessOptions(2_000_000, 1_000, 1, 42, 200_000, 1, true));
        }

        static Options parse(String[] args) {
            Options options =
                    new Options(
                            HarnessOptions.parse(
                                    args,
                                    defaults().run(),
                                    "bars",
                                    usage(),
                                    (flag, value) -> false));
            options.validate();
            return options;
        }

        void validate() {
            List<String> problems = run.problems("bars");
            if ((long) run.perSymbol() * run.symbols() > Integer.MAX_VALUE) {
                problems.add("--bars must fit in one array (at most " + Integer.MAX_VALUE + ")");
            }
            if (!problems.isEmpty()) {
                throw new IllegalArgumentException(String.join("\n", problems) + "\n" + usage());
            }
        }

        static String usage() {
            return "usage: FeatureThroughput [--bars N (2000000)] [--symbols K (1000)]"
                    + " [--parallelism P (1)] [--warmup-bars W (200000, 0: none)] [--repeat R (1)]"
                    + " [--seed S (42)] [--no-object-reuse]";
        }
    }

    /** Which job runs over the bars. */
    enum Pipeline {
        /** keyBy(symbol) → FeatureFunction → counting sinks for vectors and dead letters. */
        FEATURES("FeatureFunction"),
        /** keyBy(symbol) → a process function that emits a constant Long → counting sink. */
        PASS_THROUGH("keyed pass-through");

        final String label;

        Pipeline(String label) {
            this.label = label;
        }
    }

    /** One timed {@code env.execute()}. */
    record Result(Pipeline pipeline, long bars, TimedJob timing, long outputs, long deadLetters) {

        double wallSeconds() {
            return timing.wallSeconds();
        }

        double cpuSeconds() {
            return timing.cpuSeconds();
        }

        double barsPerWallSecond() {
            return bars / timing.wallSeconds();
        }

        double barsPerCpuSecond() {
            return bars / timing.cpuSeconds();
        }
    }

    public static void main(String[] args) throws Exception {
        run(BenchmarkJvm.parseOrExit(args, Options::parse), true);
    }

    /** Generates the bars, warms up, runs both pipelines and prints the table. */
    static List<Result> run(Options options, boolean print) throws Exception {
        int barsPerSymbol = Math.toIntExact(options.run().records() / options.run().symbols());
        long n = (long) barsPerSymbol * options.run().symbols();
        if (print) {
            printSetup(options, n, barsPerSymbol);
        }
        long generating = System.nanoTime();
        SyntheticBars bars =
                SyntheticBars.generate(
                        options.run().symbols(), barsPerSymbol, options.run().seed());
        ReplayArray.Held held =
                ReplayArray.hold(BAR_SLOT, partitionBlocks(bars, options.run().parallelism()));
        if (print) {
            System.out.printf(
                    Locale.ROOT,
                    "generated %,d bars in %.1f s (outside every timed window)%n",
                    n,
                    (System.nanoTime() - generating) / 1e9);
        }
        try {
            long warmup = Math.min(options.run().warmupRecords(), n);
            if (warmup > 0) {
                // A first run compiles the code paths and loads Flink's classes; its numbers are
                // not the steady state, so it is reported apart.
                for (Pipeline pipeline : Pipeline.values()) {
                    Result result = execute(pipeline, warmup, options);
                    if (print) {
                        System.out.printf(
                                Locale.ROOT,
                                "warm-up %-20s %,d bars in %.2f s%n",
                                pipeline.label,
                                warmup,
                                result.wallSeconds());
                    }
                }
            }
            List<Result> results = new ArrayList<>();
            for (int r = 0; r < options.run().repeat(); r++) {
                for (Pipeline pipeline : Pipeline.values()) {
                    results.add(execute(pipeline, n, options));
                }
            }
            // Every execute() starts and stops a MiniCluster (about a second of wall time and more
            // of
            // CPU). A job of one bar per symbol, run warm after the measured ones, measures that
            // fixed cost, so the table can also show rates net of it.
            Result fixed = execute(Pipeline.PASS_THROUGH, options.run().symbols(), options);
            if (print) {
                System.out.printf(
                        Locale.ROOT,
                        "fixed cost of one execute() (%,d bars): %.2f s wall, %.2f s CPU%n",
                        fixed.bars(),
                        fixed.wallSeconds(),
                        fixed.cpuSeconds());
                printTable(options, results, fixed);
            }
            return results;
        } finally {
            held.close();
        }
    }

    /** The bars in {@code parallelism} equal blocks, block j holding symbols s with s % p == j. */
    static SourcedBar[] partitionBlocks(SyntheticBars bars, int parallelism) {
        SourcedBar[] blocks = new SourcedBar[bars.size()];
        int at = 0;
        for (int block = 0; block < parallelism; block++) {
            for (int t = 0; t < bars.barsPerSymbol(); t++) {
                for (int s = block; s < bars.symbols(); s += parallelism) {
                    blocks[at++] = bars.sourced(bars.index(t, s), parallelism);
                }
            }
        }
        return blocks;
    }

    static Result execute(Pipeline pipeline, long n, Options options) throws Exception {
        StreamExecutionEnvironment env =
                TimedJob.environment(options.run().parallelism(), options.run().objectReuse());

        DataStream<SourcedBar> bars =
                ReplayArray.source(
                        env,
                        n,
                        BAR_SLOT,
                        new AvroTypeInfo<>(SourcedBar.class),
                        (sourced, previous) -> sourced.getBar().getTime().toEpochMilli());

        switch (pipeline) {
            case FEATURES -> {
                SingleOutputStreamOperator<FeatureVector> vectors =
                        bars.keyBy(new BySymbol())
                                .process(
                                        new FeatureFunction(
                                                Policy.defaults().features(), "market.bars"))
                                .returns(new AvroTypeInfo<>(FeatureVector.class))
                                .uid("features")
                                .name("features");
                vectors.sinkTo(new CountingSink<>(VECTORS)).uid("vectors").name("vectors");
                vectors.getSideOutput(DeadLetterOutput.TAG)
                        .sinkTo(new CountingSink<>(DEAD_LETTERS))
                        .uid("dead-letters")
                        .name("dead letters");
            }
            case PASS_THROUGH ->
                    bars.keyBy(new BySymbol())
                            .process(new PassThrough())
                            .returns(Types.LONG)
                            .uid("pass-through")
                            .name("pass-through")
                            .sinkTo(new CountingSink<>(PASSED))
                            .uid("passed")
                            .name("passed");
        }

        CountingSink.reset();
        TimedJob timing = TimedJob.execute(env, "feature throughput: " + pipeline.label);

        long outputs = CountingSink.count(pipeline == Pipeline.FEATURES ? VECTORS : PASSED);
        long deadLetters = CountingSink.count(DEAD_LETTERS);
        if (outputs != n || deadLetters != 0) {
            throw new IllegalStateException(
                    pipeline.label
                            + ": "
                            + n
                            + " bars in, "
                            + outputs
                            + " records and "
                            + deadLetters
                            + " dead letters out; every bar must give exactly one record");
        }
        return new Result(pipeline, n, timing, outputs, deadLetters);
    }

    private static void printSetup(Options options, long n, int barsPerSymbol) {
        BenchmarkJvm.describe("FeatureThroughput");
        System.out.printf(
                Locale.ROOT,
                "N = %,d bars (K = %,d symbols × %,d bars each), parallelism %d, seed %d,"
                        + " object reuse %s, generic types off, heap state, no checkpoints%n",
                n,
                options.run().symbols(),
                barsPerSymbol,
                options.run().parallelism(),
                options.run().seed(),
                options.run().objectReuse() ? "on" : "off");
        if (n != options.run().records()) {
            System.out.printf(
                    Locale.ROOT,
                    "(--bars %,d rounded down to a whole number of bars per symbol)%n",
                    options.run().records());
        }
    }

    private static void printTable(Options options, List<Result> results, Result fixed) {
        System.out.println();
        System.out.printf(
                Locale.ROOT,
                "%-20s %10s %7s %7s %7s %6s %12s %12s | %12s %12s %10s%n",
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                "net of fixed",
                "start-up:",
                "");
        System.out.printf(
                Locale.ROOT,
                "%-20s %10s %7s %7s %7s %6s %12s %12s | %12s %12s %10s%n",
                "pipeline",
                "bars",
                "wall s",
                "job s",
                "cpu s",
                "gc s",
                "bars/s wall",
                "bars/s/core",
                "bars/s wall",
                "bars/s/core",
                "cpu ns/bar");
        for (Result r : results) {
            System.out.printf(
                    Locale.ROOT,
                    "%-20s %,10d %7.2f %7.2f %7.2f %6.2f %,12.0f %,12.0f | %,12.0f %,12.0f %,10.0f%n",
                    r.pipeline().label,
                    r.bars(),
                    r.timing().wallSeconds(),
                    r.timing().jobSeconds(),
                    r.timing().cpuSeconds(),
                    r.timing().gcSeconds(),
                    r.barsPerWallSecond(),
                    r.barsPerCpuSecond(),
                    r.bars() / netWall(r, fixed),
                    r.bars() / netCpu(r, fixed),
                    netCpu(r, fixed) * 1e9 / r.bars());
        }
        for (int i = 0; i + 1 < results.size(); i += 2) {
            Result features = results.get(i);
            Result baseline = results.get(i + 1);
            System.out.printf(
                    Locale.ROOT,
                    "%nFeatureFunction vs keyed pass-through (parallelism %d):%n"
                            + "  throughput ratio, wall:     %.3f (net of start-up %.3f)%n"
                            + "  throughput ratio, per core: %.3f (net of start-up %.3f)%n"
                            + "  feature stage: %,.0f CPU ns per bar beyond the pass-through%n",
                    options.run().parallelism(),
                    features.barsPerWallSecond() / baseline.barsPerWallSecond(),
                    netWall(baseline, fixed) / netWall(features, fixed),
                    features.barsPerCpuSecond() / baseline.barsPerCpuSecond(),
                    netCpu(baseline, fixed) / netCpu(features, fixed),
                    (features.cpuSeconds() - baseline.cpuSeconds()) * 1e9 / features.bars());
        }
        System.out.println(
                "(wall s: env.execute(), MiniCluster start and stop included; job s: Flink's net"
                        + " runtime; cpu s: the whole process, GC and JIT threads included)");
    }

    private static double netWall(Result result, Result fixed) {
        return result.timing().netWallSeconds(fixed.timing());
    }

    private static double netCpu(Result result, Result fixed) {
        return result.timing().netCpuSeconds(fixed.timing());
    }

    /** The production key: the bar's symbol. */
    static final class BySymbol implements KeySelector<SourcedBar, String> {
        private static final long serialVersionUID = 1L;

        @Override
        public String getKey(SourcedBar sourced) {
            return sourced.getBar().getSymbol();
        }
    }

    /** The baseline: keyed like the feature stage, but no state, no timers, a constant out. */
    static final class PassThrough extends KeyedProcessFunction<String, SourcedBar, Long> {
        private static final long serialVersionUID = 1L;
        private static final Long ONE = 1L;

        @Override
        public void processElement(SourcedBar bar, Context ctx, Collector<Long> out) {
            out.collect(ONE);
        }
    }
}
