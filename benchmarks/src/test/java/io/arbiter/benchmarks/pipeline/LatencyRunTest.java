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
        assertThat(LatencyRun.percentile(sorted, 0.50)).isEqualTo(500);
        assertThat(LatencyRun.percentile(sorted, 0.99)).isEqualTo(990);
        assertThat(LatencyRun.percentile(sorted, 0.999)).isEqualTo(999);
        assertThat(LatencyRun.percentile(new long[] {7}, 0.999)).isEqualTo(7);
    }
}
