package io.arbiter.benchmarks.pipeline;

import io.arbiter.benchmarks.profile.StageProfile;
import io.arbiter.benchmarks.profile.StageProfiler;
import io.arbiter.jobs.config.ArbiterConfig;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Runs one stage's job on a MiniCluster in this JVM and measures it: the window opens once the
 * sources have emitted the warm-up records (so class loading, JIT compilation, task deployment and
 * the first checkpoint stay outside it) and closes when the bounded job has finished, its last
 * transactions committed.
 */
final class StageRunner {

    /** How often the harness looks at the sources' counters before the window opens. */
    private static final long POLL_MILLIS = 2;

    /** Stack samples per second of the profiler, kept low so it barely disturbs the job. */
    private static final Duration SAMPLE_EVERY = Duration.ofMillis(20);

    private StageRunner() {}

    static StageResult run(
            SharedCluster cluster,
            Stage stage,
            ArbiterConfig config,
            long totalEvents,
            long warmupEvents)
            throws Exception {
        List<String> topics = stage.inputTopics(config);
        SourceProgress.reset();

        // The previous run's garbage is not this run's cost.
        System.gc();
        long submitted = System.nanoTime();
        CompletableFuture<?> result =
                cluster.result(cluster.submit(config, env -> stage.define(env, config)));
        long opened;
        while ((opened = SourceProgress.emitted(topics)) < warmupEvents) {
            if (result.isDone()) {
                result.get(); // a failure surfaces here
                throw new IllegalStateException(
                        stage.label()
                                + " ended after "
                                + opened
                                + " records, before its warm-up of "
                                + warmupEvents
                                + ": give it more data");
            }
            Thread.sleep(POLL_MILLIS);
        }
        JvmThreadCpu jvmBefore = JvmThreadCpu.now();
        long cpuBefore = processCpuNanos();
        long wallBefore = System.nanoTime();
        StageProfile profile;
        try (StageProfiler profiler = StageProfiler.start(SAMPLE_EVERY)) {
            result.get();
            long wallNanos = System.nanoTime() - wallBefore;
            long cpuNanos = processCpuNanos() - cpuBefore;
            JvmThreadCpu jvm = JvmThreadCpu.now().minus(jvmBefore);
            profile = profiler.stop();
            long read = SourceProgress.emitted(topics);
            if (read != totalEvents) {
                throw new IllegalStateException(
                        stage.label() + " read " + read + " of the " + totalEvents + " records");
            }
            return new StageResult(
                    stage,
                    totalEvents - opened,
                    cpuNanos / 1e9 - profile.samplerCpuSeconds(),
                    wallNanos / 1e9,
                    opened,
                    jvm.gcSeconds(),
                    jvm.jitSeconds(),
                    (System.nanoTime() - submitted) / 1e9,
                    profile);
        }
    }

    static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean)
                        ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }
}
