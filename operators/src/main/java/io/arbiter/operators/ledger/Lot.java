package io.arbiter.operators.ledger;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * The open part of one entry fill, and what its exits so far have realised. It becomes a {@link
 * RoundTrip} once nothing of it is open. Mutable: the ledger closes lots in place.
 */
final class Lot {

    /**
     * What is left open below this fraction of the lot's quantity counts as closed: quantities are
     * doubles, and 0.1 + 0.2 units of exits must close a 0.3 unit lot.
     */
    static final double CLOSED_FRACTION = 1e-9;

    final String entryFillId;
    final String modelVersion;
    final long entryTime;
    final double price;
    final double qty;
    final double entryFee;
    private double open;
    private double grossPnl;
    private double exitNotional;
    private double exitFees;
    private String lastExitFillId;
    private long lastExitTime;
    private int exitFills;

    Lot(
            String entryFillId,
            String modelVersion,
            long entryTime,
            double price,
            double qty,
            double entryFee) {
        this.entryFillId = entryFillId;
        this.modelVersion = modelVersion;
        this.entryTime = entryTime;
        this.price = price;
        this.qty = qty;
        this.entryFee = entryFee;
        this.open = qty;
    }

    double open() {
        return open;
    }

    /**
     * Closes {@code units} (at most {@link #open()}) at {@code exitPrice}; {@code fee} is this
     * close's share of the exit fill's fee.
     */
    void close(double units, double exitPrice, double fee, int sign, String fillId, long time) {
        grossPnl += sign * (exitPrice - price) * units;
        exitNotional += exitPrice * units;
        exitFees += fee;
        lastExitFillId = fillId;
        lastExitTime = time;
        exitFills++;
        open = open - units <= CLOSED_FRACTION * qty ? 0 : open - units;
    }

    boolean isClosed() {
        return open == 0;
    }

    RoundTrip toRoundTrip(String book, String model, String symbol, Direction direction) {
        double fees = entryFee + exitFees;
        double net = grossPnl - fees;
        return new RoundTrip(
                book,
                model,
                modelVersion,
                symbol,
                direction,
                qty,
                entryTime,
                lastExitTime,
                price,
                exitNotional / qty,
                grossPnl,
                fees,
                net,
                net / (price * qty),
                entryFillId,
                lastExitFillId,
                exitFills);
    }

    void writeTo(DataOutput out) throws IOException {
        out.writeUTF(entryFillId);
        StateIo.writeNullable(out, modelVersion);
        out.writeLong(entryTime);
        StateIo.writeDouble(out, price);
        StateIo.writeDouble(out, qty);
        StateIo.writeDouble(out, entryFee);
        StateIo.writeDouble(out, open);
        StateIo.writeDouble(out, grossPnl);
        StateIo.writeDouble(out, exitNotional);
        StateIo.writeDouble(out, exitFees);
        StateIo.writeNullable(out, lastExitFillId);
        out.writeLong(lastExitTime);
        out.writeInt(exitFills);
    }

    static Lot readFrom(DataInput in) throws IOException {
        Lot lot =
                new Lot(
                        in.readUTF(),
                        StateIo.readNullable(in),
                        in.readLong(),
                        StateIo.readDouble(in),
                        StateIo.readDouble(in),
                        StateIo.readDouble(in));
        lot.open = StateIo.readDouble(in);
        lot.grossPnl = StateIo.readDouble(in);
        lot.exitNotional = StateIo.readDouble(in);
        lot.exitFees = StateIo.readDouble(in);
        lot.lastExitFillId = StateIo.readNullable(in);
        lot.lastExitTime = in.readLong();
        lot.exitFills = in.readInt();
        StateIo.check(lot.qty > 0 && lot.open > 0 && lot.open <= lot.qty, "lot quantities");
        return lot;
    }
}
