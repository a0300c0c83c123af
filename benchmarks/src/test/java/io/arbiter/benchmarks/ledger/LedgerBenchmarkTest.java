package io.arbiter.benchmarks.ledger;

import io.arbiter.operators.performance.PerformanceSnapshot;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Runs the ledger benchmark body over a few passes for correctness, not speed. */
class LedgerBenchmarkTest {

    @Test
    void everyFillIsAppliedAndEveryRoundTripClosesAcrossTheWrap() {
        LedgerBenchmark benchmark = new LedgerBenchmark();
        benchmark.models = 3;
        benchmark.symbols = 4;
        benchmark.roundTripsPerKey = 50;
        benchmark.seed = 42;
        benchmark.setUp(); // one full pass

        int perPass = benchmark.roundTripsPerPass();
        // One round trip per entry fill; a third of the trades are entered in two fills.
        assertThat(perPass).isBetween(3 * 4 * 50, 2 * 3 * 4 * 50);
        assertThat(benchmark.roundTrips()).isEqualTo(perPass);
        PerformanceSnapshot snapshot = null;
        // Two more passes: applyNext throws if a fill is rejected or taken for a duplicate.
        for (int call = 0; call < 2 * benchmark.fillsPerPass(); call++) {
            snapshot = benchmark.applyNext();
        }
        assertThat(benchmark.roundTrips()).isEqualTo(3L * perPass);
        for (int m = 0; m < 3; m++) {
            assertThat(benchmark.ledger(m).openLots()).as("flat after whole passes").isZero();
            assertThat(benchmark.ledger(m).duplicates()).isZero();
        }
        assertThat(snapshot.tradesSinceStart()).isPositive();
        assertThat(snapshot.windowDays()).isEqualTo(LedgerBenchmark.WINDOW_DAYS);
        assertThat(snapshot.equity()).isFinite();
    }

    @Test
    void consecutiveFillsRotateOverModelsAndSymbols() {
        SyntheticFills fills = SyntheticFills.generate(4, 10, 20, 7);
        int modelChanges = 0;
        for (int i = 1; i < fills.size(); i++) {
            assertThat(fills.time(i)).isGreaterThanOrEqualTo(fills.time(i - 1));
            modelChanges += fills.model(i) != fills.model(i - 1) ? 1 : 0;
        }
        assertThat(modelChanges).isGreaterThan(fills.size() / 2);
    }
}
