package io.arbiter.operators.book;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A book's inputs waiting for the watermark, by event time. Released one time at a time, each
 * time's inputs in the book's apply order ({@link BookInput#rank()}, then {@link
 * BookInput#identity()}), never in arrival order.
 */
final class WaitingInputs {

    static final Comparator<BookInput> APPLY_ORDER =
            Comparator.comparingInt(BookInput::rank).thenComparing(BookInput::identity);

    /** The inputs of one event time, in apply order. */
    record AtTime(long time, List<BookInput> inputs) {}

    private final TreeMap<Long, List<BookInput>> byTime = new TreeMap<>();
    private int size;

    void add(long time, BookInput input) {
        byTime.computeIfAbsent(time, t -> new ArrayList<>(4)).add(input);
        size++;
    }

    int size() {
        return size;
    }

    /** The oldest waiting time; Long.MAX_VALUE when nothing waits. */
    long firstTime() {
        return byTime.isEmpty() ? Long.MAX_VALUE : byTime.firstKey();
    }

    /** Removes and returns the oldest time's inputs (there must be one). */
    AtTime releaseFirst() {
        var first = byTime.pollFirstEntry();
        List<BookInput> inputs = first.getValue();
        inputs.sort(APPLY_ORDER);
        size -= inputs.size();
        return new AtTime(first.getKey(), inputs);
    }

    void writeTo(DataOutput out, BookInputCodec codec) throws IOException {
        out.writeInt(byTime.size());
        for (Map.Entry<Long, List<BookInput>> e : byTime.entrySet()) {
            out.writeLong(e.getKey());
            out.writeInt(e.getValue().size());
            for (BookInput input : e.getValue()) {
                codec.write(input, out);
            }
        }
    }

    static WaitingInputs readFrom(DataInput in, BookInputCodec codec) throws IOException {
        WaitingInputs waiting = new WaitingInputs();
        for (int times = in.readInt(); times > 0; times--) {
            long time = in.readLong();
            for (int n = in.readInt(); n > 0; n--) {
                waiting.add(time, codec.read(in));
            }
        }
        return waiting;
    }
}
