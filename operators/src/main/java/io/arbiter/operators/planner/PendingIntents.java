package io.arbiter.operators.planner;

import io.arbiter.schemas.Side;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;

/**
 * Intents sent but not yet (fully) filled. Until their entry fills arrive they hold their cash,
 * exposure and position slot, so two planning steps never commit the same room twice. An intent
 * leaves when its entry is filled, or once its horizon has passed without a fill (the execution
 * service will not enter a trade whose horizon is over; keeping it would block the room forever).
 */
final class PendingIntents {

    /** Bound on intents a snapshot may declare; guards against allocating from corrupt bytes. */
    private static final int MAX_INTENTS = 1 << 20;

    /** One intent waiting for its entry fills. Mutable: partial fills shrink it. */
    static final class Pending {
        final String intentId;
        final String symbol;
        final String model;
        final Side side;
        final double qty;
        final double entryPrice;
        final long expiresAt;
        private double remaining;

        Pending(
                String intentId,
                String symbol,
                String model,
                Side side,
                double qty,
                double entryPrice,
                long expiresAt) {
            this.intentId = intentId;
            this.symbol = symbol;
            this.model = model;
            this.side = side;
            this.qty = qty;
            this.entryPrice = entryPrice;
            this.expiresAt = expiresAt;
            this.remaining = qty;
        }

        double remaining() {
            return remaining;
        }

        /** Notional still to be entered, at the intent's entry price. */
        double notional() {
            return remaining * entryPrice;
        }
    }

    // Sorted by id, so snapshots are byte-stable.
    private final Map<String, Pending> byId = new TreeMap<>();

    void add(Pending pending) {
        byId.put(pending.intentId, pending);
    }

    boolean contains(String intentId) {
        return byId.containsKey(intentId);
    }

    Collection<Pending> all() {
        return byId.values();
    }

    int size() {
        return byId.size();
    }

    /**
     * Counts an entry fill of {@code qty} units on {@code side} against the intent {@code orderId};
     * the intent leaves once nothing of it is left to fill. A fill of another side is an exit, not
     * an entry, and changes nothing here.
     */
    void onFill(String orderId, Side side, double qty) {
        Pending pending = byId.get(orderId);
        if (pending == null || pending.side != side) {
            return;
        }
        pending.remaining -= qty;
        if (pending.remaining <= Ticket.CLOSED_FRACTION * pending.qty) {
            byId.remove(orderId);
        }
    }

    /** Drops every intent whose horizon ended before {@code now}. */
    void expire(long now) {
        byId.values().removeIf(pending -> pending.expiresAt < now);
    }

    void writeTo(DataOutput out) throws IOException {
        out.writeInt(byId.size());
        for (Pending p : byId.values()) {
            out.writeUTF(p.intentId);
            out.writeUTF(p.symbol);
            out.writeUTF(p.model);
            out.writeUTF(p.side.name());
            StateIo.writeDouble(out, p.qty);
            StateIo.writeDouble(out, p.entryPrice);
            out.writeLong(p.expiresAt);
            StateIo.writeDouble(out, p.remaining);
        }
    }

    static PendingIntents readFrom(DataInput in) throws IOException {
        PendingIntents intents = new PendingIntents();
        int count = StateIo.readCount(in, MAX_INTENTS, "pending intent count");
        for (int i = 0; i < count; i++) {
            Pending p =
                    new Pending(
                            in.readUTF(),
                            in.readUTF(),
                            in.readUTF(),
                            StateIo.readEnum(in, Side.class),
                            StateIo.readDouble(in),
                            StateIo.readDouble(in),
                            in.readLong());
            p.remaining = StateIo.readDouble(in);
            StateIo.check(p.remaining > 0 && p.remaining <= p.qty, "pending " + p.intentId);
            intents.byId.put(p.intentId, p);
        }
        return intents;
    }
}
