package io.arbiter.jobs.demo;

import org.apache.flink.core.execution.JobClient;

import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The job's own record ledger, read from its accumulators while it runs or from its execution
 * result once it stopped: bars read, refused at the source (undecodable or invalid), refused by the
 * feature engine (duplicate, late, over the pending limit), and turned into feature vectors.
 */
record JobCounts(
        long in, long accepted, long refusedAtSource, long refusedByFeatures, long processed) {

    static final JobCounts EMPTY = new JobCounts(0, 0, 0, 0, 0);

    long deadLettered() {
        return refusedAtSource + refusedByFeatures;
    }

    /** The source's own ledger, from counters kept independently: read = accepted + refused. */
    boolean sourceBalances() {
        return in == accepted + refusedAtSource;
    }

    /** Accepted bars the watermark has not passed yet (the newest bars of each symbol). */
    long held() {
        return accepted - processed - refusedByFeatures;
    }

    /** Current counts, or {@code previous} when the job cannot answer right now. */
    static JobCounts of(JobClient job, JobCounts previous) {
        try {
            return of(job.getAccumulators().get(5, TimeUnit.SECONDS));
        } catch (Exception e) {
            return previous;
        }
    }

    /**
     * The counts in a set of accumulators: the running job's, or the final ones of its execution
     * result.
     */
    static JobCounts of(Map<String, Object> acc) {
        return new JobCounts(
                count(acc, "bars.in"),
                count(acc, "bars.accepted"),
                count(acc, "bars.dead-lettered"),
                count(acc, "features.duplicate")
                        + count(acc, "features.late")
                        + count(acc, "features.buffer-full"),
                count(acc, "features.out"));
    }

    private static long count(Map<String, Object> accumulators, String name) {
        Object value = accumulators.get(name);
        return value instanceof Number number ? number.longValue() : 0L;
    }
}
