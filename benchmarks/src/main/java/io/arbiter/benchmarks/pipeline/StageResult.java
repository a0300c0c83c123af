package io.arbiter.benchmarks.pipeline;

import io.arbiter.benchmarks.profile.StageProfile;

/**
 * One stage's measured window: from the moment its sources passed the warm-up records to the end of
 * the job (last exactly-once commit included).
 *
 * @param events input records consumed inside the window
 * @param cpuSeconds CPU the job's process used inside the window (the profiler's own excluded)
 * @param wallSeconds length of the window
 * @param warmupEvents input records consumed before the window opened
 * @param gcSeconds CPU of the garbage collector's threads inside the window (NaN: unknown)
 * @param jitSeconds CPU of the JIT compiler threads inside the window (NaN: unknown)
 * @param jobSeconds the whole job, submission to end, warm-up included
 * @param profile where the CPU went, when the stage was profiled (else null)
 */
public record StageResult(
        Stage stage,
        long events,
        double cpuSeconds,
        double wallSeconds,
        long warmupEvents,
        double gcSeconds,
        double jitSeconds,
        double jobSeconds,
        StageProfile profile) {

    public double eventsPerCoreSecond() {
        return events / cpuSeconds;
    }

    public double eventsPerSecond() {
        return events / wallSeconds;
    }

    /** Cores the job kept busy on average inside the window. */
    public double coresBusy() {
        return cpuSeconds / wallSeconds;
    }
}
