package io.arbiter.operators.broker;

import io.arbiter.schemas.Bar;
import io.arbiter.schemas.TradeIntent;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Comparator;

/**
 * A record the paper broker holds for the watermark: exactly one of a bar and an order, with the
 * order in which records of one time reach the broker ({@link #TIE_BREAK}) and their binary form
 * inside the broker's held-records state ({@link HeldInputs}).
 */
public record BrokerInput(Bar bar, TradeIntent intent) {

    private static final byte BAR = 0;
    private static final byte INTENT = 1;

    /**
     * Among records of one time: bars before orders, because an order stamped t was decided at the
     * close of the bar stamped t (a bar's time is its start), after that bar had happened; orders
     * by intent id. Two bars of one time compare equal: the second is a duplicate (the broker would
     * keep the first anyway), as is a repeated order id.
     */
    public static final Comparator<BrokerInput> TIE_BREAK =
            (a, b) -> {
                if (a.isBar() != b.isBar()) {
                    return a.isBar() ? -1 : 1;
                }
                return a.isBar() ? 0 : a.intent.getIntentId().compareTo(b.intent.getIntentId());
            };

    public BrokerInput {
        if ((bar == null) == (intent == null)) {
            throw new IllegalArgumentException("a broker input is a bar or an order");
        }
    }

    public static BrokerInput of(Bar bar) {
        return new BrokerInput(bar, null);
    }

    public static BrokerInput of(TradeIntent intent) {
        return new BrokerInput(null, intent);
    }

    public boolean isBar() {
        return bar != null;
    }

    /** Its event time: the bar's start, or the order's decision. */
    public long time() {
        return isBar() ? bar.getTime().toEpochMilli() : intent.getTime().toEpochMilli();
    }

    /** A kind byte, then the record in its single-object Avro encoding. */
    static void write(DataOutput out, BrokerInput input) throws IOException {
        if (input.isBar()) {
            out.writeByte(BAR);
            RecordState.writeBar(out, input.bar);
        } else {
            out.writeByte(INTENT);
            RecordState.writeIntent(out, input.intent);
        }
    }

    static BrokerInput read(DataInput in) throws IOException {
        byte kind = in.readByte();
        return switch (kind) {
            case BAR -> of(RecordState.readBar(in));
            case INTENT -> of(RecordState.readIntent(in));
            default -> throw new IOException("corrupt broker input kind " + kind);
        };
    }
}
