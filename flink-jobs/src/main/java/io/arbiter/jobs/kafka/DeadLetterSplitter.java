package io.arbiter.jobs.kafka;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.types.Either;
import org.apache.flink.util.Collector;

import io.arbiter.schemas.DeadLetter;
import io.arbiter.stream.ingest.DeadLetterOutput;
import io.arbiter.stream.metrics.Tally;

/**
 * Sends dead letters to {@link DeadLetterOutput#TAG} and usable records on, and keeps the books of
 * one input: {@code in = accepted + deadLettered}, as metrics and as accumulators named {@code
 * <input>.in}, {@code <input>.accepted} and {@code <input>.dead-lettered}.
 */
public final class DeadLetterSplitter<T> extends ProcessFunction<Either<DeadLetter, T>, T> {

    private static final long serialVersionUID = 1L;

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
        in = new Tally(getRuntimeContext(), "recordsIn", input + ".in");
        accepted = new Tally(getRuntimeContext(), "recordsAccepted", input + ".accepted");
        deadLettered =
                new Tally(getRuntimeContext(), "recordsDeadLettered", input + ".dead-lettered");
    }

    @Override
    public void processElement(Either<DeadLetter, T> record, Context ctx, Collector<T> out) {
        in.increment();
        if (record.isRight()) {
            accepted.increment();
            out.collect(record.right());
        } else {
            deadLettered.increment();
            ctx.output(DeadLetterOutput.TAG, record.left());
        }
    }
}
