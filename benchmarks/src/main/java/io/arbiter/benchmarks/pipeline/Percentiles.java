package io.arbiter.benchmarks.pipeline;

import java.util.Arrays;

/**
 * Latency samples in milliseconds, summarised by nearest rank; NaN when there were none.
 *
 * @param samples how many were measured: records read for the first time (by their id)
 * @param duplicates records read again under an id already seen (a replay after a restart), not
 *     measured: a consumer drops them
 */
public record Percentiles(
        long samples, double p50, double p99, double p999, double max, long duplicates) {

    /** The first {@code count} of {@code samples}. */
    static Percentiles of(long[] samples, int count) {
        if (count == 0) {
            return new Percentiles(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0);
        }
        long[] sorted = Arrays.copyOf(samples, count);
        Arrays.sort(sorted);
        return new Percentiles(
                count,
                percentile(sorted, 0.50),
                percentile(sorted, 0.99),
                percentile(sorted, 0.999),
                sorted[count - 1],
                0);
    }

    /** The same with {@code duplicates} records dropped as already seen. */
    Percentiles withDuplicates(long duplicates) {
        return new Percentiles(samples, p50, p99, p999, max, duplicates);
    }

    /** Nearest rank: the smallest sample with at least {@code q} of the samples at or below it. */
    static double percentile(long[] sorted, double q) {
        int rank = (int) Math.ceil(q * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }
}
