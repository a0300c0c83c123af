package io.arbiter.benchmarks.profile;

import java.time.Duration;

/**
 * Stands in for an operator function: an Arbiter class that burns CPU on arithmetic, run directly
 * as the thread's {@link Runnable} so that it is the outermost Arbiter frame on the stack.
 */
final class SpinningOperator implements Runnable {

    private final Duration busyFor;

    /** Published so that the JIT cannot drop the loop as dead code. */
    volatile double result;

    SpinningOperator(Duration busyFor) {
        this.busyFor = busyFor;
    }

    @Override
    public void run() {
        long end = System.nanoTime() + busyFor.toNanos();
        double x = 1;
        while (System.nanoTime() < end) {
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
