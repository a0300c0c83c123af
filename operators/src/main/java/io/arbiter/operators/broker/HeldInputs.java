package io.arbiter.operators.broker;

import io.arbiter.operators.time.Admission;
import io.arbiter.operators.time.EventTimeBuffer;
import io.arbiter.operators.time.LatePolicy;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * One symbol's orders and bars held until the watermark passes them, so the broker's results never
 * depend on how Kafka interleaved its two inputs: an {@link EventTimeBuffer} ordered by {@link
 * BrokerInput#TIE_BREAK}. A record already behind the watermark is {@link Admission#DUE_NOW}
 * ({@link LatePolicy#AT_ONCE}): the broker replays a late order against the bars it still holds.
 *
 * <p>State format 2 is the buffer's own form after a format byte; format 1, the sorted list this
 * class replaced ({@code PendingInputs}: a count, then per record a kind byte and its encoding), is
 * still read. A format-1 list could hold a second bar of one time, or a repeated order, behind the
 * first; reading drops them, as the broker would have ignored the bar and refused the order.
 */
public final class HeldInputs {

    private static final byte FORMAT = 2;
    private static final byte FORMAT_OWN_LIST = 1;

    /** Bound on the count read back from a format-1 state. */
    private static final int MAX_STATE_ENTRIES = 1 << 24;

    private HeldInputs() {}

    /** An empty buffer holding at most {@code maxPending} records. */
    public static EventTimeBuffer<BrokerInput> empty(int maxPending) {
        return new EventTimeBuffer<>(BrokerInput.TIE_BREAK, LatePolicy.AT_ONCE, maxPending);
    }

    public static void writeTo(EventTimeBuffer<BrokerInput> held, DataOutput out)
            throws IOException {
        out.writeByte(FORMAT);
        held.writeTo(out, BrokerInput::write);
    }

    /**
     * Reads format 2 or 1. The limit is not state: the caller sets its own ({@link
     * EventTimeBuffer#setMaxPending}); until then the buffer has none.
     */
    public static EventTimeBuffer<BrokerInput> readFrom(DataInput in) throws IOException {
        byte format = in.readByte();
        if (format == FORMAT) {
            return EventTimeBuffer.readFrom(
                    in,
                    BrokerInput::read,
                    BrokerInput.TIE_BREAK,
                    LatePolicy.AT_ONCE,
                    Integer.MAX_VALUE);
        }
        if (format != FORMAT_OWN_LIST) {
            throw new IOException("unknown held broker inputs format " + format);
        }
        EventTimeBuffer<BrokerInput> held = empty(Integer.MAX_VALUE);
        int count = RecordState.readCount(in, MAX_STATE_ENTRIES, "pending inputs");
        for (int i = 0; i < count; i++) {
            BrokerInput input = BrokerInput.read(in);
            held.offer(input, input.time(), Long.MIN_VALUE); // HELD, or a duplicate left out
        }
        return held;
    }
}
