package io.arbiter.stream.metrics;

import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.api.common.functions.RuntimeContext;
import org.apache.flink.metrics.Counter;

/**
 * One count kept both as a Flink metric (dashboard, Prometheus; group {@code arbiter}) and as an
 * accumulator (readable from the job client while the job runs, and in its result). Ledgers such as
 * {@code in = accepted + dead-lettered} are built from these.
 */
public final class Tally {

    private final Counter counter;
    private final LongCounter accumulator = new LongCounter();

    /**
     * @param metricName name of the counter in the operator's {@code arbiter} metric group
     * @param accumulatorName job-wide accumulator name, e.g. {@code bars.in}
     */
    public Tally(RuntimeContext context, String metricName, String accumulatorName) {
        this.counter = context.getMetricGroup().addGroup("arbiter").counter(metricName);
        context.addAccumulator(accumulatorName, accumulator);
    }

    public void increment() {
        counter.inc();
        accumulator.add(1L);
    }
}
