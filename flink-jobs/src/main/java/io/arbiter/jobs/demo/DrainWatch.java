package io.arbiter.jobs.demo;

import java.time.Duration;
import java.util.Arrays;
import java.util.function.LongSupplier;

/**
 * Decides whether the demo's drain keeps waiting for a condition: as long as the counts it watches
 * keep moving, yes; it gives up only after a generous period in which no count moved, or after a
 * very generous overall bound.
 *
 * <p>Why not a fixed timeout: how long the job needs to read the last bars and commit its outputs
 * depends on the machine. A fixed 30 s was too short on a loaded 2-core machine and needlessly long
 * when something is truly stuck; "no progress for a while" tells the two apart.
 */
final class DrainWatch {

    /** What the drain should do after a look at the counts. */
    enum Verdict {
        /** The condition holds: stop waiting, successfully. */
        REACHED,
        /** Not there yet, and the counts moved recently enough: keep waiting. */
        WAITING,
        /** No count moved for the quiet limit: give up. */
        STALLED,
        /** The overall bound passed, although counts still moved: give up. */
        OUT_OF_TIME
    }

    private final long quietNanos;
    private final long overallNanos;
    private final LongSupplier nanoClock;
    private final long started;
    private long lastMoved;
    private long[] lastCounts;

    /**
     * @param quietLimit give up once no watched count moved for this long
     * @param overallLimit give up after this long in any case
     * @param nanoClock a monotonic clock in nanoseconds ({@code System::nanoTime}); the watch
     *     starts at its current reading
     */
    DrainWatch(Duration quietLimit, Duration overallLimit, LongSupplier nanoClock) {
        this.quietNanos = quietLimit.toNanos();
        this.overallNanos = overallLimit.toNanos();
        this.nanoClock = nanoClock;
        this.started = nanoClock.getAsLong();
        this.lastMoved = started;
    }

    /**
     * One look.
     *
     * @param reached whether the awaited condition holds now
     * @param counts the counts whose movement shows progress, always in the same order
     */
    Verdict observe(boolean reached, long... counts) {
        long now = nanoClock.getAsLong();
        if (lastCounts != null && !Arrays.equals(lastCounts, counts)) {
            lastMoved = now;
        }
        lastCounts = counts.clone();
        if (reached) {
            return Verdict.REACHED;
        }
        if (now - started >= overallNanos) {
            return Verdict.OUT_OF_TIME;
        }
        if (now - lastMoved >= quietNanos) {
            return Verdict.STALLED;
        }
        return Verdict.WAITING;
    }

    /** Time since a watched count last moved (or since the watch started). */
    Duration sinceProgress() {
        return Duration.ofNanos(nanoClock.getAsLong() - lastMoved);
    }

    Duration elapsed() {
        return Duration.ofNanos(nanoClock.getAsLong() - started);
    }
}
