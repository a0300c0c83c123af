package io.arbiter.benchmarks.scoring;

import io.arbiter.models.registry.ModelLoader;
import io.arbiter.models.registry.ScoringModel;
import io.arbiter.models.rows.FeatureRows;
import io.arbiter.models.scoring.ScoringDevice;
import io.arbiter.operators.features.BatchFeatures;
import io.arbiter.operators.ingest.BarCsv;
import io.arbiter.operators.policy.Policy;
import io.arbiter.schemas.FeatureVector;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * Microseconds per {@link io.arbiter.models.scoring.OnnxScorer#score(float[][])} call of one
 * shipped model on CPU, for a batch of {@code batch} rows. Divide by {@code batch} for µs per row
 * (JMH cannot tie {@code @OperationsPerInvocation} to a {@code @Param}).
 *
 * <p>Rows are real: the Dow Jones 30 daily bars in {@code data/bars/dowjones30_daily.csv} go
 * through {@link BatchFeatures} with the default feature policy, each vector through the model's
 * {@link FeatureRows#build}, and only rows the model can score are kept. {@value #POOL} of them,
 * drawn with a fixed seed, are cut into batches before anything is measured, and the calls rotate
 * through all batches, so no call repeats the previous call's rows (STACK.md trap 8).
 *
 * <p>Models are read from {@code -Darbiter.models=DIR} (default {@code models}, relative to the
 * working directory), bars from {@code -Darbiter.bars=FILE} (default {@value #DEFAULT_BARS}).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xmx2g", "-Dorg.apache.avro.SERIALIZABLE_PACKAGES=io.arbiter.schemas"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class ScoringBenchmark {

    /** Rows per model kept for the benchmark; a multiple of every batch size. */
    static final int POOL = 4096;

    static final String DEFAULT_BARS = "data/bars/dowjones30_daily.csv";

    @Param({"gbdt-ttr28", "logistic-ttr", "mlp-window"})
    public String model;

    @Param({"1", "16", "64", "256"})
    public int batch;

    @Param("42")
    public long seed;

    /** Where models and bars are read from; tests point these elsewhere. */
    Path modelsDir = Path.of(System.getProperty("arbiter.models", "models"));

    Path barsFile = Path.of(System.getProperty("arbiter.bars", DEFAULT_BARS));

    private ScoringModel loaded;
    private float[][][] batches;
    private int cursor;

    @Setup
    public void setUp() throws Exception {
        if (POOL % batch != 0) {
            throw new IllegalArgumentException("batch must divide " + POOL + ": " + batch);
        }
        loaded = new ModelLoader(ScoringDevice.CPU).load(modelsDir.resolve(model));
        float[][] pool = realRows(loaded.rows(), barsFile, POOL, seed);
        batches = new float[POOL / batch][][];
        for (int b = 0; b < batches.length; b++) {
            batches[b] = new float[batch][];
            System.arraycopy(pool, b * batch, batches[b], 0, batch);
        }
        cursor = 0;
    }

    @TearDown
    public void tearDown() {
        if (loaded != null) {
            loaded.close();
            loaded = null;
        }
    }

    /** Scores the next batch; returns the probabilities so none of it is dead. */
    @Benchmark
    public double[] score() throws Exception {
        int b = cursor;
        cursor = b + 1 == batches.length ? 0 : b + 1;
        return loaded.scorer().score(batches[b]);
    }

    ScoringModel model() {
        return loaded;
    }

    /**
     * {@code count} scorable rows of {@code rows}' model built from the bars in {@code file}, drawn
     * at random (fixed seed) from all of them; with replacement only if there are fewer.
     */
    static float[][] realRows(FeatureRows rows, Path file, int count, long seed) throws Exception {
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException(
                    "no bars at "
                            + file.toAbsolutePath()
                            + " (set -Darbiter.bars or run from the repository root)");
        }
        BarCsv.Table table = BarCsv.readTable(file, "X", Duration.ZERO);
        List<FeatureVector> vectors =
                BatchFeatures.compute(table.rows(), Policy.defaults().features());
        List<float[]> scorable = new ArrayList<>();
        for (FeatureVector vector : vectors) {
            float[] row = rows.build(vector);
            if (rows.isScorable(row)) {
                scorable.add(row);
            }
        }
        if (scorable.isEmpty()) {
            throw new IllegalStateException("no scorable rows in " + file);
        }
        Random random = new Random(seed);
        float[][] out = new float[count][];
        if (scorable.size() >= count) {
            // Partial Fisher-Yates: count distinct rows.
            for (int i = 0; i < count; i++) {
                int j = i + random.nextInt(scorable.size() - i);
                float[] picked = scorable.get(j);
                scorable.set(j, scorable.get(i));
                scorable.set(i, picked);
                out[i] = picked;
            }
        } else {
            for (int i = 0; i < count; i++) {
                out[i] = scorable.get(random.nextInt(scorable.size()));
            }
        }
        return out;
    }
}
