package io.arbiter.operators.planner;

import io.arbiter.schemas.Fill;
import io.arbiter.schemas.Side;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the book holds, from its fills: per (symbol, model) the open tickets, all facing one side.
 *
 * <p>A fill on the side held (or on a flat symbol) is an entry: it adds to the ticket of its order,
 * or opens one. A fill on the other side is an exit: it closes its own order's ticket first (an
 * execution service that names the entry's order on the exit is matched exactly), then the oldest
 * tickets; what is left over opens the other side. Flat positions leave the state.
 */
final class OpenPositions {

    /** Bound on positions a snapshot may declare; guards against allocating from corrupt bytes. */
    private static final int MAX_POSITIONS = 1 << 20;

    private static final int MAX_TICKETS = 1 << 20;

    /** One (symbol, model) holding. */
    static final class Holding {
        private Side side;
        private final ArrayDeque<Ticket> tickets = new ArrayDeque<>(2);

        private Holding(Side side) {
            this.side = side;
        }

        Side side() {
            return side;
        }

        Iterable<Ticket> tickets() {
            return tickets;
        }
    }

    /** Positions keyed "symbol" NUL "model": a sorted key, so snapshots are byte-stable. */
    private final Map<String, Holding> holdings = new TreeMap<>();

    private static String key(String symbol, String model) {
        return symbol + '\u0000' + model;
    }

    static String symbolOf(String key) {
        return key.substring(0, key.indexOf('\u0000'));
    }

    static String modelOf(String key) {
        return key.substring(key.indexOf('\u0000') + 1);
    }

    /** Applies a fill whose numbers were checked (positive quantity and price, BUY or SELL). */
    void apply(Fill fill) {
        String key = key(fill.getSymbol(), fill.getModel());
        Side side = fill.getSide();
        double qty = fill.getQty();
        Holding holding = holdings.get(key);
        if (holding == null) {
            holding = new Holding(side);
            holdings.put(key, holding);
        }
        if (holding.side == side) {
            enter(holding, fill.getOrderId(), qty, fill.getPrice(), fill.getFee());
            return;
        }
        double remaining = qty;
        Ticket own = find(holding, fill.getOrderId());
        if (own != null) {
            remaining -= own.close(remaining);
        }
        Iterator<Ticket> oldestFirst = holding.tickets.iterator();
        while (remaining > Ticket.CLOSED_FRACTION * qty && oldestFirst.hasNext()) {
            remaining -= oldestFirst.next().close(remaining);
        }
        holding.tickets.removeIf(Ticket::isClosed);
        if (remaining > Ticket.CLOSED_FRACTION * qty) {
            // Reversal: the rest opens the other side and carries its share of the fee.
            holding.side = side;
            holding.tickets.addLast(
                    new Ticket(
                            fill.getOrderId(),
                            remaining,
                            fill.getPrice(),
                            fill.getFee() * (remaining / qty)));
        } else if (holding.tickets.isEmpty()) {
            holdings.remove(key);
        }
    }

    private static void enter(
            Holding holding, String orderId, double qty, double price, double fee) {
        Ticket own = find(holding, orderId);
        if (own != null) {
            own.add(qty, price, fee);
        } else {
            holding.tickets.addLast(new Ticket(orderId, qty, price, fee));
        }
    }

    private static Ticket find(Holding holding, String orderId) {
        for (Ticket ticket : holding.tickets) {
            if (ticket.orderId.equals(orderId)) {
                return ticket;
            }
        }
        return null;
    }

    /** Every holding, keyed "symbol" NUL "model" ({@link #symbolOf}, {@link #modelOf}). */
    Map<String, Holding> holdings() {
        return holdings;
    }

    /** The side the model holds in the symbol, or null when flat. */
    Side sideOf(String symbol, String model) {
        Holding holding = holdings.get(key(symbol, model));
        return holding == null ? null : holding.side;
    }

    void writeTo(DataOutput out) throws IOException {
        out.writeInt(holdings.size());
        for (Map.Entry<String, Holding> entry : holdings.entrySet()) {
            out.writeUTF(entry.getKey());
            out.writeUTF(entry.getValue().side.name());
            out.writeInt(entry.getValue().tickets.size());
            for (Ticket ticket : entry.getValue().tickets) {
                ticket.writeTo(out);
            }
        }
    }

    static OpenPositions readFrom(DataInput in) throws IOException {
        OpenPositions positions = new OpenPositions();
        int count = StateIo.readCount(in, MAX_POSITIONS, "position count");
        for (int i = 0; i < count; i++) {
            String key = in.readUTF();
            StateIo.check(key.indexOf('\u0000') >= 0, "position key");
            Side side = StateIo.readEnum(in, Side.class);
            StateIo.check(side == Side.BUY || side == Side.SELL, "position side " + side);
            Holding holding = new Holding(side);
            int tickets = StateIo.readCount(in, MAX_TICKETS, "ticket count");
            StateIo.check(tickets > 0, "flat position kept for " + key);
            for (int t = 0; t < tickets; t++) {
                holding.tickets.addLast(Ticket.readFrom(in));
            }
            positions.holdings.put(key, holding);
        }
        return positions;
    }
}
