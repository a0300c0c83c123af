package io.arbiter.localkafka;

import java.time.Duration;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** A point in time after which waiting stops, plus a poller that waits for a condition until it. */
final class Deadline {

    private static final Duration POLL_INTERVAL = Duration.ofMillis(50);

    private final long endNanos;

    private Deadline(long endNanos) {
        this.endNanos = endNanos;
    }

    static Deadline in(Duration timeout) {
        return new Deadline(System.nanoTime() + timeout.toNanos());
    }

    boolean expired() {
        return remaining().isZero();
    }

    Duration remaining() {
        long left = endNanos - System.nanoTime();
        return left > 0 ? Duration.ofNanos(left) : Duration.ZERO;
    }

    /**
     * Polls {@code condition} until it holds; a short park between polls keeps the 2-core machines
     * free for the process being waited on.
     */
    static void await(Duration timeout, BooleanSupplier condition, Supplier<String> what)
            throws TimeoutException {
        Deadline deadline = in(timeout);
        while (!condition.getAsBoolean()) {
            if (deadline.expired()) {
                throw new TimeoutException(
                        "timed out after " + timeout + " waiting for " + what.get());
            }
            LockSupport.parkNanos(POLL_INTERVAL.toNanos());
        }
    }
}
