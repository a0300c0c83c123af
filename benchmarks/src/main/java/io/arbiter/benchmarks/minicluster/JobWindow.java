package io.arbiter.benchmarks.minicluster;

import java.lang.management.ManagementFactory;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The stretch of a job between its first record leaving the source and its last sink closing,
 * marked from inside the tasks (the local MiniCluster runs in this JVM). Timing that window leaves
 * out what every {@code execute()} pays around the records — starting and stopping the MiniCluster,
 * deploying tasks, opening operators (an ONNX Runtime session per model) — which is seconds of CPU
 * and far noisier than a cheap pipeline's work on a few hundred thousand records.
 */
public final class JobWindow {

    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private static final AtomicLong START_WALL = new AtomicLong();
    private static final AtomicLong START_CPU = new AtomicLong();
    private static final AtomicLong END_WALL = new AtomicLong();
    private static final AtomicLong END_CPU = new AtomicLong();

    private JobWindow() {}

    /** Forgets the marks; call before each job. */
    static void reset() {
        START_WALL.set(0);
        START_CPU.set(0);
        END_WALL.set(0);
        END_CPU.set(0);
    }

    /** The first record is about to leave a source: the first caller of a job sets the start. */
    static void markFirstRecord() {
        long wall = System.nanoTime();
        long cpu = OS.getProcessCpuTime();
        if (START_WALL.compareAndSet(0, wall)) {
            START_CPU.set(cpu);
        }
    }

    /** A sink closed after its last record: the last caller of a job sets the end. */
    static void markSinkClosed() {
        END_WALL.accumulateAndGet(System.nanoTime(), Math::max);
        END_CPU.accumulateAndGet(OS.getProcessCpuTime(), Math::max);
    }

    /** Wall seconds of the window, NaN when a mark is missing. */
    static double wallSeconds() {
        return seconds(START_WALL.get(), END_WALL.get());
    }

    /** Process CPU seconds of the window, NaN when a mark is missing. */
    static double cpuSeconds() {
        return seconds(START_CPU.get(), END_CPU.get());
    }

    private static double seconds(long start, long end) {
        return start == 0 || end == 0 || end < start ? Double.NaN : (end - start) / 1e9;
    }
}
