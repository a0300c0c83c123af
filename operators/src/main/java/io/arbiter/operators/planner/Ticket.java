package io.arbiter.operators.planner;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * The open part of one order's entry: what the book holds because of it. Partial fills of one order
 * add up in one ticket, so an order is one position however it was filled. Mutable: fills change it
 * in place.
 */
final class Ticket {

    /**
     * Units left below this fraction of what was entered count as closed (doubles add up badly).
     */
    static final double CLOSED_FRACTION = 1e-9;

    final String orderId;
    private double entered;
    private double units;
    private double price;
    private double fees;

    Ticket(String orderId, double units, double price, double fees) {
        this.orderId = orderId;
        this.entered = units;
        this.units = units;
        this.price = price;
        this.fees = fees;
    }

    /** Another entry fill of the same order: units add up at the average price. */
    void add(double moreUnits, double atPrice, double fee) {
        price = (price * units + atPrice * moreUnits) / (units + moreUnits);
        units += moreUnits;
        entered += moreUnits;
        fees += fee;
    }

    /**
     * Closes up to {@code wanted} units; the entry fees shrink with the units they belong to.
     *
     * @return the units closed
     */
    double close(double wanted) {
        double closed = Math.min(wanted, units);
        double left = units - closed;
        if (left <= CLOSED_FRACTION * entered) {
            left = 0;
            closed = units;
        }
        fees = units > 0 ? fees * (left / units) : 0;
        units = left;
        return closed;
    }

    boolean isClosed() {
        return units == 0;
    }

    double units() {
        return units;
    }

    /** Notional at the entry price: what the exposure limits count. */
    double notional() {
        return units * price;
    }

    /** Cash the ticket ties up: its notional and the entry fees paid for it. */
    double cash() {
        return units * price + fees;
    }

    void writeTo(DataOutput out) throws IOException {
        out.writeUTF(orderId);
        StateIo.writeDouble(out, entered);
        StateIo.writeDouble(out, units);
        StateIo.writeDouble(out, price);
        StateIo.writeDouble(out, fees);
    }

    static Ticket readFrom(DataInput in) throws IOException {
        String orderId = in.readUTF();
        double entered = StateIo.readDouble(in);
        Ticket ticket =
                new Ticket(
                        orderId,
                        StateIo.readDouble(in),
                        StateIo.readDouble(in),
                        StateIo.readDouble(in));
        ticket.entered = entered;
        StateIo.check(
                ticket.units > 0 && ticket.units <= entered && ticket.price > 0,
                "ticket " + orderId);
        return ticket;
    }
}
