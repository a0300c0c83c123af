package io.arbiter.jobs.demo;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * A Ctrl-C, and what it means for the drain. Ctrl-C while the feed runs is the ordinary way to end
 * an open-ended demo: the feed stops and the drain still runs, but for at most {@link
 * #DRAIN_AFTER_CTRL_C}, because the JVM is on its way out (the shutdown hook waits only so long).
 * Ctrl-C during the drain means "stop now": the drain gives up at once and the summary says its
 * counts are not final.
 */
final class StopRequest {

    /** How long the drain may still run after a Ctrl-C that ended the feed. */
    static final Duration DRAIN_AFTER_CTRL_C = Duration.ofSeconds(30);

    private final LongSupplier nanoClock;
    private final CountDownLatch pressed = new CountDownLatch(1);
    private volatile boolean draining;
    private volatile boolean pressedWhileDraining;
    private volatile long pressedAt;

    StopRequest(LongSupplier nanoClock) {
        this.nanoClock = nanoClock;
    }

    /** Ctrl-C (the shutdown hook). */
    void press() {
        pressedAt = nanoClock.getAsLong();
        pressedWhileDraining = draining;
        pressed.countDown();
    }

    /** Waits up to {@code timeout} for a Ctrl-C; true if there was one. */
    boolean awaitPress(long timeout, TimeUnit unit) throws InterruptedException {
        return pressed.await(timeout, unit);
    }

    boolean pressed() {
        return pressed.getCount() == 0;
    }

    /** The feed has stopped; the drain begins. */
    void drainStarts() {
        draining = true;
    }

    /** Whether the drain should give up now because of a Ctrl-C. */
    boolean drainAbandoned() {
        if (!pressed()) {
            return false;
        }
        return pressedWhileDraining
                || nanoClock.getAsLong() - pressedAt >= DRAIN_AFTER_CTRL_C.toNanos();
    }
}
