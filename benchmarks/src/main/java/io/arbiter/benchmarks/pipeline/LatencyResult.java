package io.arbiter.benchmarks.pipeline;

/**
 * The full job's end-to-end latency at a fixed offered load: from a bar's event time (its send
 * time) to the moment a read_committed consumer receives a signal for it.
 *
 * @param offeredBarsPerSecond the rate the feed was asked for (half the measured maximum)
 * @param achievedBarsPerSecond the rate it kept over the whole phase
 * @param samples signals measured (warm-up excluded)
 * @param checkpoints how long the job's checkpoints took: a record becomes readable when the
 *     checkpoint after it completes
 */
public record LatencyResult(
        double offeredBarsPerSecond,
        double achievedBarsPerSecond,
        long samples,
        double p50,
        double p99,
        double p999,
        double max,
        long checkpointIntervalMillis,
        long outOfOrdernessMillis,
        SharedCluster.CheckpointTimes checkpoints) {}
