package io.arbiter.benchmarks.allocation;

import io.arbiter.operators.governance.Decision;
import io.arbiter.schemas.AllocationEvent;
import io.arbiter.schemas.ModelAllocation;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Runs the allocator benchmark's bodies for correctness, not speed. */
class AllocatorBenchmarkTest {

    @Test
    void everyAllocationStepWeighsEveryModelAndFillsTheBanditFlow() {
        for (int models : new int[] {10, 100}) {
            AllocatorBenchmark benchmark = new AllocatorBenchmark();
            benchmark.models = models;
            benchmark.setUp();
            for (int call = 0; call < 20; call++) {
                AllocationEvent event = benchmark.allocate();
                assertThat(event.getAllocations()).hasSize(models);
                assertThat(event.getAllocations())
                        .allSatisfy(a -> assertThat(a.getDraw()).isBetween(0.0, 1.0));
                double p =
                        event.getAllocations().stream().mapToDouble(ModelAllocation::getDraw).sum();
                assertThat(p).isCloseTo(1.0, within(1e-9));
                assertThat(event.getBufferShare()).isCloseTo(0.94, within(1e-9));
            }
            double[] p = benchmark.probabilityBest();
            assertThat(p).hasSize(models);
            assertThat(java.util.Arrays.stream(p).sum()).isCloseTo(1.0, within(1e-12));
        }
    }

    @Test
    void everyRoundTripStepReallocatesWithoutTrippingABreaker() {
        AllocatorBenchmark benchmark = new AllocatorBenchmark();
        benchmark.models = 10;
        benchmark.setUp();
        for (int call = 0; call < 200; call++) {
            Decision d = benchmark.roundTrip();
            assertThat(d.events()).isEmpty();
            assertThat(d.allocation().getTrigger()).isEqualTo("round-trip");
            assertThat(d.allocation().getAllocations()).hasSize(10);
            // All proven bandits: together the bandit flow's max, 6 %.
            assertThat(d.allocation().getBufferShare()).isCloseTo(0.94, within(1e-9));
        }
    }
}
