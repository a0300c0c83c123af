package io.arbiter.jobs.demo;

import org.apache.flink.core.execution.JobClient;

import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The job's own record ledger for market.bars, read from its accumulators while it runs. */
record JobCounts(long in, long accepted, long deadLettered) {

    static final JobCounts EMPTY = new JobCounts(0, 0, 0);

    /** Current counts, or {@code previous} when the job cannot answer right now. */
    static JobCounts of(JobClient job, JobCounts previous) {
        try {
            Map<String, Object> accumulators = job.getAccumulators().get(5, TimeUnit.SECONDS);
            return new JobCounts(
                    count(accumulators, "bars.in"),
                    count(accumulators, "bars.accepted"),
                    count(accumulators, "bars.dead-lettered"));
        } catch (Exception e) {
            return previous;
        }
    }

    private static long count(Map<String, Object> accumulators, String name) {
        Object value = accumulators.get(name);
        return value instanceof Number number ? number.longValue() : 0L;
    }
}
