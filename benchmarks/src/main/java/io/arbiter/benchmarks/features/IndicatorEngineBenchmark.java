package io.arbiter.benchmarks.features;

import io.arbiter.operators.features.IndicatorEngine;
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
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * Nanoseconds per bar for the full indicator set: one {@link IndicatorEngine#update} of 28 columns.
 *
 * <p>One engine per symbol, fed the pre-generated bars in time-major order, so each engine sees a
 * continuous series while consecutive calls touch different engines (as keyed state does in the
 * stream). Every engine has seen one full pass before measuring, so the figure is for warmed-up
 * indicators, not the NaN warm-up branch. After the last bar the pass restarts at the first: one
 * price jump per symbol every {@code barsPerSymbol} bars, which the engine treats as any bar.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xmx2g", "-Dorg.apache.avro.SERIALIZABLE_PACKAGES=io.arbiter.schemas"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class IndicatorEngineBenchmark {

    /** Distinct symbols, hence distinct engines the calls rotate through. */
    @Param("1000")
    public int symbols;

    @Param("1000")
    public int barsPerSymbol;

    @Param("42")
    public long seed;

    private SyntheticBars bars;
    private IndicatorEngine[] engines;
    private final double[] out = new double[IndicatorEngine.COLUMNS.size()];
    private int cursor;

    @Setup
    public void setUp() {
        bars = SyntheticBars.generate(symbols, barsPerSymbol, seed);
        engines = new IndicatorEngine[symbols];
        for (int s = 0; s < symbols; s++) {
            engines[s] = new IndicatorEngine();
        }
        for (int i = 0; i < bars.size(); i++) {
            update();
        }
    }

    /** Feeds the next bar to its symbol's engine; returns the filled row so none of it is dead. */
    @Benchmark
    public double[] update() {
        int i = cursor;
        engines[bars.symbol(i)].update(
                bars.open(i), bars.high(i), bars.low(i), bars.close(i), bars.volume(i), out);
        cursor = i + 1 == bars.size() ? 0 : i + 1;
        return out;
    }
}
