package io.arbiter.benchmarks.profile;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;

/**
 * Stands in for an operator function: an Arbiter class that burns CPU on arithmetic, run directly
 * as the thread's {@link Runnable} so that it is the outermost Arbiter frame on the stack. It spins
 * until it has used a given amount of its own CPU (capped in wall time), so that a busy build
 * machine slows it down instead of failing the assertions about how much CPU it used.
 */
final class SpinningOperator implements Runnable {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final Duration cpu;
    private final Duration wallCap;

    /** Published so that the JIT cannot drop the loop as dead code. */
    volatile double result;

    SpinningOperator(Duration cpu, Duration wallCap) {
        this.cpu = cpu;
        this.wallCap = wallCap;
    }

    @Override
    public void run() {
        long cpuEnd = THREADS.getCurrentThreadCpuTime() + cpu.toNanos();
        long wallEnd = System.nanoTime() + wallCap.toNanos();
        double x = 1;
        while (THREADS.getCurrentThreadCpuTime() < cpuEnd && System.nanoTime() < wallEnd) {
            x = spin(x);
        }
        result = x;
    }

    private static double spin(double x) {
        for (int i = 0; i < 10_000; i++) {
            x = Math.sqrt(x * 1.000001 + i) + 1e-9;
        }
        return x;
    }
}
