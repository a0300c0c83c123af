package io.arbiter.jobs.demo;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Decides when the demo's feed may send its next record: never faster than {@code --rate}, and
 * never more than a bounded backlog ahead of what the job has read.
 *
 * <p>Why: the feed used to send at a fixed rate whatever the job could take. On a slow, loaded
 * machine the job fell ever further behind, and the drain after the feed stopped could not clear
 * the backlog in time, so the summary compared counts taken while records were still in flight.
 * Paced to the job, a slow machine simply sends fewer bars; the time the feed spends held back is
 * reported ("paced to the job").
 *
 * <p>Not thread-safe for deciding (the feed thread alone asks {@link #nanosUntilNext}); the
 * reporting methods may be called from any thread.
 */
final class FeedPacer {

    /** How many of the feed's records the job has read so far. */
    interface JobReads {
        long read();
    }

    /** While the job is too far behind, the feed asks again this often. */
    static final Duration RECHECK = Duration.ofMillis(20);

    /**
     * The rate schedule may fall this far behind (a GC pause, a coarse park) and catch up with a
     * short burst; a longer gap is forgiven rather than replayed, so --rate stays an upper bound
     * over any second. (A wait for the job restarts the schedule altogether.)
     */
    static final Duration CATCH_UP = Duration.ofMillis(250);

    /** The backlog bound is this many seconds of feed at --rate... */
    static final int BACKLOG_SECONDS = 5;

    /**
     * ...but at least this many records (the job's read count reaches us through heartbeats and a
     * poll, about a second late: a smaller bound would hold a fast job back)...
     */
    static final long MIN_BACKLOG = 1_000;

    /** ...and at most this many (what is in flight when the feed stops must drain quickly). */
    static final long MAX_BACKLOG = 50_000;

    private static final long NOT_HELD = Long.MIN_VALUE;

    private final long intervalNanos;
    private final long maxBacklog;
    private final JobReads job;
    private final LongSupplier nanoClock;

    private boolean started;
    private long nextDue;
    private volatile long heldSince = NOT_HELD;
    private volatile long heldBefore;

    /**
     * @param maxPerSecond the upper bound on records per second (--rate)
     * @param maxBacklog the most records the feed may have sent that the job has not read yet
     * @param job where the job's read count comes from
     * @param nanoClock a monotonic clock in nanoseconds ({@code System::nanoTime})
     */
    FeedPacer(int maxPerSecond, long maxBacklog, JobReads job, LongSupplier nanoClock) {
        if (maxPerSecond < 1 || maxBacklog < 1) {
            throw new IllegalArgumentException("rate and backlog must be positive");
        }
        this.intervalNanos = Math.max(1, 1_000_000_000L / maxPerSecond);
        this.maxBacklog = maxBacklog;
        this.job = job;
        this.nanoClock = nanoClock;
    }

    /** The backlog bound for a feed at {@code maxPerSecond}: a few seconds of feed, clamped. */
    static long backlogFor(int maxPerSecond) {
        return Math.min(MAX_BACKLOG, Math.max(MIN_BACKLOG, (long) maxPerSecond * BACKLOG_SECONDS));
    }

    /**
     * Asked before each record. 0: send it now (its slot is taken); otherwise wait that many
     * nanoseconds and ask again.
     *
     * @param sent records the feed has sent so far
     */
    long nanosUntilNext(long sent) {
        long now = nanoClock.getAsLong();
        if (sent - job.read() >= maxBacklog) {
            if (heldSince == NOT_HELD) {
                heldSince = now;
            }
            return RECHECK.toNanos();
        }
        if (heldSince != NOT_HELD) {
            heldBefore += now - heldSince;
            heldSince = NOT_HELD;
            // The rate schedule restarts now: no catch-up burst for the time spent waiting, so
            // the time held back is time the feed sent nothing (sent ≈ rate × time not held).
            started = false;
        }
        if (!started) {
            started = true;
            nextDue = now;
        }
        if (nextDue - now > 0) {
            return nextDue - now;
        }
        nextDue = Math.max(nextDue, now - CATCH_UP.toNanos()) + intervalNanos;
        return 0;
    }

    /** The feed has stopped (perhaps while waiting for the job): a wait in progress ends now. */
    void end() {
        if (heldSince != NOT_HELD) {
            heldBefore += nanoClock.getAsLong() - heldSince;
            heldSince = NOT_HELD;
        }
    }

    /** Whether the feed is waiting for the job right now. */
    boolean heldBack() {
        return heldSince != NOT_HELD;
    }

    /** Time the feed has spent waiting for the job, the current wait included. */
    Duration heldBackFor() {
        long since = heldSince;
        long current = since == NOT_HELD ? 0 : Math.max(0, nanoClock.getAsLong() - since);
        return Duration.ofNanos(heldBefore + current);
    }

    long maxBacklog() {
        return maxBacklog;
    }
}
