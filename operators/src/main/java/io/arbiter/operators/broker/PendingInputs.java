package io.arbiter.operators.broker;

import io.arbiter.schemas.Bar;
import io.arbiter.schemas.TradeIntent;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * One symbol's orders and bars held until the watermark passes them, then handed on in one fixed
 * order, so the broker's results never depend on how Kafka interleaved its two inputs: by event
 * time; at equal times bars before orders, because an order stamped t was decided at the close of
 * the bar stamped t (a bar's time is its start), after that bar had happened; orders of one time by
 * intent id. Two bars of one time stay in arrival order (the broker keeps the first).
 *
 * <p>Usually records arrive nearly in order, so appending is the fast path; a record behind others
 * is inserted by binary search, and a release removes a prefix in one step.
 */
public final class PendingInputs {

    private static final byte FORMAT = 1;
    private static final byte BAR = 0;
    private static final byte INTENT = 1;

    /** Bound on the count read back from state. */
    private static final int MAX_STATE_ENTRIES = 1 << 24;

    /** Where released records go, in release order. */
    public interface Release {
        void bar(Bar bar);

        void intent(TradeIntent intent);
    }

    /** A held record: exactly one of {@code bar} and {@code intent}. */
    private record Input(long time, Bar bar, TradeIntent intent) {

        static Input of(Bar bar) {
            return new Input(bar.getTime().toEpochMilli(), bar, null);
        }

        static Input of(TradeIntent intent) {
            return new Input(intent.getTime().toEpochMilli(), null, intent);
        }

        /** Negative, zero or positive as this record goes before, with or after {@code other}. */
        int compareTo(Input other) {
            int byTime = Long.compare(time, other.time);
            if (byTime != 0) {
                return byTime;
            }
            if ((bar == null) != (other.bar == null)) {
                return bar != null ? -1 : 1;
            }
            return bar != null ? 0 : intent.getIntentId().compareTo(other.intent.getIntentId());
        }
    }

    private final List<Input> inputs = new ArrayList<>(4);

    public void add(Bar bar) {
        insert(Input.of(bar));
    }

    public void add(TradeIntent intent) {
        insert(Input.of(intent));
    }

    public int size() {
        return inputs.size();
    }

    public boolean isEmpty() {
        return inputs.isEmpty();
    }

    /** Event time of the earliest held record, or {@link Long#MAX_VALUE} when none is held. */
    public long earliestTime() {
        return inputs.isEmpty() ? Long.MAX_VALUE : inputs.get(0).time();
    }

    /** Hands on, in order, every held record at or before {@code time}. */
    public void releaseUpTo(long time, Release release) {
        int due = 0;
        while (due < inputs.size() && inputs.get(due).time() <= time) {
            Input input = inputs.get(due++);
            if (input.bar() != null) {
                release.bar(input.bar());
            } else {
                release.intent(input.intent());
            }
        }
        inputs.subList(0, due).clear();
    }

    /** Inserts after every record that goes before or with it, so equal ones keep arrival order. */
    private void insert(Input input) {
        int low = 0;
        int high = inputs.size();
        if (high > 0 && inputs.get(high - 1).compareTo(input) <= 0) {
            inputs.add(input);
            return;
        }
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (inputs.get(mid).compareTo(input) <= 0) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        inputs.add(low, input);
    }

    public void writeTo(DataOutput out) throws IOException {
        out.writeByte(FORMAT);
        out.writeInt(inputs.size());
        for (Input input : inputs) {
            if (input.bar() != null) {
                out.writeByte(BAR);
                RecordState.writeBar(out, input.bar());
            } else {
                out.writeByte(INTENT);
                RecordState.writeIntent(out, input.intent());
            }
        }
    }

    public static PendingInputs readFrom(DataInput in) throws IOException {
        byte format = in.readByte();
        if (format != FORMAT) {
            throw new IOException("unknown PendingInputs state format " + format);
        }
        PendingInputs pending = new PendingInputs();
        int count = RecordState.readCount(in, MAX_STATE_ENTRIES, "pending inputs");
        for (int i = 0; i < count; i++) {
            byte kind = in.readByte();
            switch (kind) {
                case BAR -> pending.inputs.add(Input.of(RecordState.readBar(in)));
                case INTENT -> pending.inputs.add(Input.of(RecordState.readIntent(in)));
                default -> throw new IOException("corrupt pending input kind " + kind);
            }
        }
        return pending;
    }
}
