package io.arbiter.jobs.kafka;

import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.types.Either;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

import io.arbiter.schemas.DeadLetter;

/**
 * Sends dead letters to a side output and usable records on, and keeps the books of one input:
 * {@code in = accepted + deadLettered}, as Flink metrics (dashboard, Prometheus) and as
 * accumulators named {@code <input>.in}, {@code <input>.accepted}, {@code <input>.dead-lettered}
 * (readable from the job client while the job runs and in its result).
 */
public final class DeadLetterSplitter<T> extends ProcessFunction<Either<DeadLetter, T>, T> {

    private static final long serialVersionUID = 1L;

    /** Side output of every refused record; the job unions these into dlq.records. */
    public static final OutputTag<DeadLetter> DEAD_LETTERS =
            new OutputTag<>(
                    "dead-letters",
                    new org.apache.flink.formats.avro.typeutils.AvroTypeInfo<>(DeadLetter.class));

    private final String input;
    private transient Tally in;
    private transient Tally accepted;
    private transient Tally deadLettered;

    /**
     * @param input name of the input in metric and accumulator names, e.g. {@code bars}
     */
    public DeadLetterSplitter(String input) {
        this.input = input;
    }

    @Override
    public void open(OpenContext openContext) {
        MetricGroup metrics = getRuntimeContext().getMetricGroup().addGroup("arbiter");
        in = new Tally(metrics, "recordsIn", input + ".in");
        accepted = new Tally(metrics, "recordsAccepted", input + ".accepted");
        deadLettered = new Tally(metrics, "recordsDeadLettered", input + ".dead-lettered");
    }

    @Override
    public void processElement(Either<DeadLetter, T> record, Context ctx, Collector<T> out) {
        in.increment();
        if (record.isRight()) {
            accepted.increment();
            out.collect(record.right());
        } else {
            deadLettered.increment();
            ctx.output(DEAD_LETTERS, record.left());
        }
    }

    /** One count kept both as a metric and as an accumulator. */
    private final class Tally {
        private final Counter counter;
        private final LongCounter accumulator = new LongCounter();

        Tally(MetricGroup metrics, String metricName, String accumulatorName) {
            this.counter = metrics.counter(metricName);
            getRuntimeContext().addAccumulator(accumulatorName, accumulator);
        }

        void increment() {
            counter.inc();
            accumulator.add(1L);
        }
    }
}
