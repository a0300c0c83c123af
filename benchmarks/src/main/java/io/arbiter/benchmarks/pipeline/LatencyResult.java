package io.arbiter.benchmarks.pipeline;

import java.util.Map;

/**
 * The full job's end-to-end latency at a fixed offered load, in both delivery lanes: from a bar's
 * event time (its send time) to the moment a consumer receives a record made from it.
 *
 * @param offeredBarsPerSecond the rate the feed was asked for
 * @param achievedBarsPerSecond the rate it kept over the whole phase
 * @param signals bar → signal on the at-least-once {@code signals.scored}, read_uncommitted
 * @param intents bar → trade intent on the at-least-once {@code orders.intents}, read_uncommitted
 * @param exactlyOnce bar → feature vector on {@code features.vectors}, written exactly once in this
 *     run, read_committed: visible when the checkpoint after it completes
 * @param checkpoints how long the job's checkpoints took: an exactly-once record becomes readable
 *     when the checkpoint after it completes
 * @param settings the checkpoint, network and scoring settings the job ran with
 */
public record LatencyResult(
        double offeredBarsPerSecond,
        double achievedBarsPerSecond,
        Percentiles signals,
        Percentiles intents,
        Percentiles exactlyOnce,
        long checkpointIntervalMillis,
        long outOfOrdernessMillis,
        SharedCluster.CheckpointTimes checkpoints,
        Map<String, String> settings) {}
