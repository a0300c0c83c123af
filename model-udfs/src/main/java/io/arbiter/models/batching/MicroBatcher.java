package io.arbiter.models.batching;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Buffers items and hands them to a consumer as one batch when {@code batchSize} are waiting, or
 * when the caller says {@link #flush()}. It keeps no clock: the caller decides when a partial batch
 * must go (the scoring operator flushes on a processing-time timer, {@code scoring.max-delay}, and
 * before every checkpoint barrier), so which items share a batch may depend on timing but what each
 * item scores to does not, and nothing is held across a checkpoint.
 *
 * <pre>{@code
 * MicroBatcher<FeatureVector> batcher = new MicroBatcher<>(64, batch -> scoreAll(batch));
 * batcher.add(vector); // the 64th add hands the batch over
 * batcher.flush();     // hands over whatever is waiting
 * }</pre>
 *
 * <p>The consumer owns the list it receives (a new buffer is started before it is called), so it
 * may keep the list, and an exception from it leaves the batcher empty and usable. Not thread-safe:
 * one batcher per operator instance.
 *
 * @param <T> the buffered item
 */
public final class MicroBatcher<T> {

    private final int batchSize;
    private final Consumer<List<T>> consumer;
    private List<T> buffer;

    public MicroBatcher(int batchSize, Consumer<List<T>> consumer) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size " + batchSize + " is below 1");
        }
        this.batchSize = batchSize;
        this.consumer = consumer;
        this.buffer = new ArrayList<>(batchSize);
    }

    public int batchSize() {
        return batchSize;
    }

    /** Buffers {@code item}; hands the batch over when it is full. */
    public void add(T item) {
        buffer.add(item);
        if (buffer.size() >= batchSize) {
            flush();
        }
    }

    /** Hands over whatever is waiting, in arrival order; nothing happens when nothing waits. */
    public void flush() {
        if (buffer.isEmpty()) {
            return;
        }
        List<T> batch = buffer;
        buffer = new ArrayList<>(batchSize);
        consumer.accept(batch);
    }

    /** Items waiting for the next batch. */
    public int pending() {
        return buffer.size();
    }

    public boolean isEmpty() {
        return buffer.isEmpty();
    }
}
