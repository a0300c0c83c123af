package io.arbiter.benchmarks.pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * CPU seconds this JVM's own compiler and garbage-collector threads have used, read from Linux's
 * {@code /proc/self/task}: those threads are invisible to {@code ThreadMXBean}, and the JIT's
 * {@code CompilationMXBean} time is elapsed time, which a loaded machine inflates. NaN where {@code
 * /proc} is not available.
 *
 * @param jitSeconds C1 and C2 compiler threads
 * @param gcSeconds G1's (or any collector's) worker, concurrent and refinement threads
 */
record JvmThreadCpu(double jitSeconds, double gcSeconds) {

    private static final Path TASKS = Path.of("/proc/self/task");

    /** Clock ticks per second of {@code /proc} times: 100 on every Linux the JVM runs on. */
    private static final double TICKS_PER_SECOND = 100;

    static JvmThreadCpu now() {
        if (!Files.isDirectory(TASKS)) {
            return new JvmThreadCpu(Double.NaN, Double.NaN);
        }
        long jit = 0;
        long gc = 0;
        try (Stream<Path> tasks = Files.list(TASKS)) {
            for (Path task : tasks.toList()) {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    int open = stat.indexOf('(');
                    int close = stat.lastIndexOf(')');
                    String name = stat.substring(open + 1, close);
                    // Fields after the name: state is field 3; utime and stime are 14 and 15.
                    String[] fields = stat.substring(close + 2).split(" ");
                    long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
                    if (name.startsWith("C1 Compiler") || name.startsWith("C2 Compiler")) {
                        jit += ticks;
                    } else if (isCollector(name)) {
                        gc += ticks;
                    }
                } catch (IOException | RuntimeException e) {
                    // The thread ended while we listed it.
                }
            }
        } catch (IOException e) {
            return new JvmThreadCpu(Double.NaN, Double.NaN);
        }
        return new JvmThreadCpu(jit / TICKS_PER_SECOND, gc / TICKS_PER_SECOND);
    }

    private static boolean isCollector(String name) {
        return name.startsWith("GC Thread")
                || name.startsWith("G1 ")
                || name.startsWith("ZGC")
                || name.startsWith("Shenandoah");
    }

    JvmThreadCpu minus(JvmThreadCpu earlier) {
        return new JvmThreadCpu(jitSeconds - earlier.jitSeconds, gcSeconds - earlier.gcSeconds);
    }
}
