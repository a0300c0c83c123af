package io.arbiter.benchmarks.features;

import io.arbiter.operators.features.SymbolFeatures;
import io.arbiter.operators.policy.FeaturePolicy;
import io.arbiter.operators.policy.Policy;
import io.arbiter.operators.time.Admission;
import io.arbiter.schemas.Bar;
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
import org.openjdk.jmh.annotations.Warmup;

import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Nanoseconds per bar for everything {@code FeatureFunction} does with a bar besides Flink's own
 * work (state access, timers, serialization): {@link SymbolFeatures#offer} holds the bar, {@link
 * SymbolFeatures#releaseUpTo} runs the indicators, the regime classifier and the 64-bar window and
 * builds the {@link FeatureVector} (boxed values, window bytes).
 *
 * <p>One state per symbol with the default policy, bars in time-major order, one full pass before
 * measuring so regimes have their 252 bars of history. Each pass after the first shifts event time
 * by the series' span, so the states keep accepting bars in order; a {@link Bar} per symbol is
 * refilled from the arrays for every call (one {@link Instant} allocated per call, as the stream's
 * deserializer does).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xmx2g", "-Dorg.apache.avro.SERIALIZABLE_PACKAGES=io.arbiter.schemas"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class SymbolFeaturesBenchmark {

    @Param("1000")
    public int symbols;

    @Param("1000")
    public int barsPerSymbol;

    @Param("42")
    public long seed;

    private final FeaturePolicy policy = Policy.defaults().features();
    private SyntheticBars bars;
    private SymbolFeatures[] states;
    private Bar[] input;
    private int cursor;
    private long timeShift;
    private FeatureVector last;
    private final Consumer<FeatureVector> keepLast = vector -> last = vector;

    @Setup
    public void setUp() {
        bars = SyntheticBars.generate(symbols, barsPerSymbol, seed);
        states = new SymbolFeatures[symbols];
        input = new Bar[symbols];
        for (int s = 0; s < symbols; s++) {
            states[s] = new SymbolFeatures(bars.name(s), policy);
            input[s] = bars.bar(bars.index(0, s));
        }
        for (int i = 0; i < bars.size(); i++) {
            offerAndRelease();
        }
    }

    /** Offers the next bar just ahead of the watermark and releases it: one vector per call. */
    @Benchmark
    public FeatureVector offerAndRelease() {
        int i = cursor;
        int s = bars.symbol(i);
        long time = bars.time(i) + timeShift;
        Bar bar = input[s];
        bar.setTime(Instant.ofEpochMilli(time));
        bar.setOpen(bars.open(i));
        bar.setHigh(bars.high(i));
        bar.setLow(bars.low(i));
        bar.setClose(bars.close(i));
        bar.setVolume(bars.volume(i));
        SymbolFeatures state = states[s];
        Admission admission = state.offer(bar, time - 1, policy);
        if (admission != Admission.HELD) {
            throw new IllegalStateException(bar + " was not accepted: " + admission);
        }
        state.releaseUpTo(time, policy, keepLast);
        if (i + 1 == bars.size()) {
            cursor = 0;
            timeShift += bars.spanMillis();
        } else {
            cursor = i + 1;
        }
        return last;
    }
}
