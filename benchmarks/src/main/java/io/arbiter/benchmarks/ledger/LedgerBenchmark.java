package io.arbiter.benchmarks.ledger;

import io.arbiter.operators.ledger.FifoLedger;
import io.arbiter.operators.ledger.FillOutcome;
import io.arbiter.operators.ledger.RoundTrip;
import io.arbiter.operators.performance.PerformanceSnapshot;
import io.arbiter.operators.performance.RollingPerformance;
import io.arbiter.operators.performance.UtcDays;
import io.arbiter.schemas.Fill;
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

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Nanoseconds per fill for what {@code LedgerFunction} and {@code PerformanceFunction} do with a
 * fill besides Flink's own work: {@link FifoLedger#apply} (checks, duplicate ids, FIFO lots) and,
 * for each round trip it closes, {@link RollingPerformance#record} and a {@link
 * PerformanceSnapshot} (the event the stream emits). fills/s per core = 1e9 / this figure.
 *
 * <p>One ledger and one performance state per model (the (book, model) key); fills of {@link
 * SyntheticFills} in event-time order, so consecutive calls touch different models and symbols.
 * Window 30 days, 7 days of duplicate memory, Sharpe over 252 days. Each pass after the first
 * shifts event time by the series' span, so ledgers keep accepting fills in order and ids from the
 * previous pass have been forgotten; one pass runs before measuring so the states hold their
 * steady-state lots, ids and windows. The fill's time is set per call (one {@link Instant}
 * allocated per fill, as the stream's deserializer does).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xmx2g", "-Dorg.apache.avro.SERIALIZABLE_PACKAGES=io.arbiter.schemas"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class LedgerBenchmark {

    static final int WINDOW_DAYS = 30;
    static final Duration DUPLICATE_HORIZON = Duration.ofDays(7);
    static final double CAPITAL = 100_000;
    static final double TRADING_DAYS = 252;

    @Param("8")
    public int models;

    @Param("50")
    public int symbols;

    @Param("200")
    public int roundTripsPerKey;

    @Param("42")
    public long seed;

    private SyntheticFills fills;
    private FifoLedger[] ledgers;
    private RollingPerformance[] performance;
    private int cursor;
    private long timeShift;
    private long roundTrips;
    private PerformanceSnapshot last;

    @Setup
    public void setUp() {
        fills = SyntheticFills.generate(models, symbols, roundTripsPerKey, seed);
        ledgers = new FifoLedger[models];
        performance = new RollingPerformance[models];
        for (int m = 0; m < models; m++) {
            ledgers[m] =
                    new FifoLedger(
                            SyntheticFills.BOOK, SyntheticFills.modelName(m), DUPLICATE_HORIZON);
            performance[m] = new RollingPerformance(WINDOW_DAYS, CAPITAL, TRADING_DAYS);
        }
        for (int i = 0; i < fills.size(); i++) {
            applyNext();
        }
    }

    /** One fill through the ledger, and its round trips through the model's performance. */
    @Benchmark
    public PerformanceSnapshot applyNext() {
        int i = cursor;
        int m = fills.model(i);
        Fill fill = fills.fill(i);
        fill.setTime(Instant.ofEpochMilli(fills.time(i) + timeShift));
        FillOutcome outcome = ledgers[m].apply(fill);
        if (!outcome.isApplied()) {
            throw new IllegalStateException(fill + ": " + outcome);
        }
        List<RoundTrip> closed = outcome.closed();
        for (int t = 0; t < closed.size(); t++) {
            RoundTrip trip = closed.get(t);
            performance[m].record(UtcDays.of(trip.exitTime()), trip.netPnl());
            last = performance[m].snapshot();
            roundTrips++;
        }
        if (i + 1 == fills.size()) {
            cursor = 0;
            timeShift += fills.spanMillis();
        } else {
            cursor = i + 1;
        }
        return last;
    }

    /** Round trips closed so far (for the smoke test). */
    long roundTrips() {
        return roundTrips;
    }

    int fillsPerPass() {
        return fills.size();
    }

    int roundTripsPerPass() {
        return fills.roundTrips();
    }

    FifoLedger ledger(int m) {
        return ledgers[m];
    }
}
