package io.arbiter.jobs.demo;

import org.apache.flink.core.execution.JobClient;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The running job's ledger, polled in the background, so that the feed's pacing and the progress
 * lines read the latest counts without waiting on the job's RPC (which can take seconds on a loaded
 * machine).
 *
 * <p>The counts are as fresh as the task managers' last heartbeat (accumulators travel with it),
 * plus at most one poll: the demo shortens the heartbeat to a second.
 */
final class LiveJobCounts implements Runnable, FeedPacer.JobReads {

    static final Duration POLL_EVERY = Duration.ofMillis(500);

    private final JobClient job;
    private final CountDownLatch stop = new CountDownLatch(1);
    private volatile JobCounts latest = JobCounts.EMPTY;

    LiveJobCounts(JobClient job) {
        this.job = job;
    }

    @Override
    public void run() {
        try {
            do {
                latest = JobCounts.of(job, latest);
            } while (!stop.await(POLL_EVERY.toMillis(), TimeUnit.MILLISECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The latest counts (all zero until the job first answered). */
    JobCounts latest() {
        return latest;
    }

    /** Bars the job has read, as far as we know. */
    @Override
    public long read() {
        return latest.in();
    }

    /** Stops polling (before the job stops: a stopped job no longer answers). */
    void stop() {
        stop.countDown();
    }
}
