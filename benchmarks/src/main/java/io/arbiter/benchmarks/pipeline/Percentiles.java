package io.arbiter.benchmarks.pipeline;

import java.util.Arrays;

/**
 * Latency samples in milliseconds, summarised by nearest rank; NaN when there were none.
 *
 * @param samples how many were measured
 */
public record Percentiles(long samples, double p50, double p99, double p999, double max) {

    /** The first {@code count} of {@code samples}. */
    static Percentiles of(long[] samples, int count) {
        if (count == 0) {
            return new Percentiles(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        long[] sorted = Arrays.copyOf(samples, count);
        Arrays.sort(sorted);
        return new Percentiles(
                count,
                percentile(sorted, 0.50),
                percentile(sorted, 0.99),
                percentile(sorted, 0.999),
                sorted[count - 1]);
    }

    /** Nearest rank: the smallest sample with at least {@code q} of the samples at or below it. */
    static double percentile(long[] sorted, double q) {
        int rank = (int) Math.ceil(q * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }
}
