package io.arbiter.benchmarks.pipeline;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LatencyRunTest {

    @Test
    void percentilesAreNearestRankOverTheSortedSamples() {
        long[] sorted = new long[1000];
        for (int i = 0; i < sorted.length; i++) {
            sorted[i] = i + 1; // 1..1000 ms
        }
        assertThat(Percentiles.percentile(sorted, 0.50)).isEqualTo(500);
        assertThat(Percentiles.percentile(sorted, 0.99)).isEqualTo(990);
        assertThat(Percentiles.percentile(sorted, 0.999)).isEqualTo(999);
        assertThat(Percentiles.percentile(new long[] {7}, 0.999)).isEqualTo(7);
    }

    @Test
    void onlyTheFirstCountSamplesCountInAnyOrderAndNoneGiveNaN() {
        long[] samples = {30, 10, 20, 99, 99};
        Percentiles p = Percentiles.of(samples, 3);
        assertThat(p.samples()).isEqualTo(3);
        assertThat(p.p50()).isEqualTo(20);
        assertThat(p.p99()).isEqualTo(30);
        assertThat(p.max()).isEqualTo(30);
        assertThat(samples).startsWith(30, 10, 20); // not sorted in place
        Percentiles none = Percentiles.of(new long[4], 0);
        assertThat(none.samples()).isZero();
        assertThat(none.p99()).isNaN();
    }

    @Test
    void theLivePolicyNamesRegimesSoonerAndOpensTheGatesButKeepsTheDesksGuardrails()
            throws Exception {
        io.arbiter.operators.policy.Policy desk = io.arbiter.operators.policy.Policy.defaults();
        io.arbiter.operators.policy.Policy live =
                LatencyRun.livePolicy(io.arbiter.jobs.config.ArbiterConfig.defaults());
        assertThat(live.features().regime().minHistoryBars()).isEqualTo(20);
        assertThat(live.features().regime().windowBars()).isEqualTo(20);
        assertThat(live.gates().lowVol()).isEqualTo(0.5);
        assertThat(live.gates().highVol()).isEqualTo(0.5);
        assertThat(live.version()).isEqualTo(desk.version() + "+bench-live");
        assertThat(live.planner()).isEqualTo(desk.planner());
        assertThat(live.allocation()).isEqualTo(desk.allocation());
        assertThat(live.breakers()).isEqualTo(desk.breakers());
        assertThat(live.features().windowBars()).isEqualTo(desk.features().windowBars());
    }
}
