package io.arbiter.operators.ledger;

import io.arbiter.schemas.Fill;
import io.arbiter.schemas.Side;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The fills of one (book, model), matched first in, first out into round trips, per symbol.
 *
 * <p>A BUY adds to a long or opens one when flat; against a short it closes the oldest lots first.
 * A SELL does the same the other way. A fill larger than the open position closes all of it and
 * opens the other side with the rest. A fill's fee is split pro rata by quantity between what it
 * closes (each closed lot gets its share) and what it opens (the new lot's entry fee). A lot
 * becomes a {@link RoundTrip} when its last unit is closed, so a fill completes zero, one or
 * several round trips.
 *
 * <pre>{@code
 * FifoLedger ledger = new FifoLedger("book-1", "gbdt", Duration.ofDays(7));
 * FillOutcome outcome = ledger.apply(fill);
 * if (outcome.status() == FillOutcome.Status.REJECTED) deadLetter(fill, outcome.reason());
 * for (RoundTrip trip : outcome.closed()) performance.record(...);
 * }</pre>
 *
 * <p>Redelivered fills (same fill id) are ignored and counted. Ids are remembered for {@code
 * duplicateHorizon} of event time behind the newest fill; a fill older than that is rejected,
 * because the ledger could no longer tell whether it is a duplicate. That trades dead-lettering a
 * pathologically late fill for state that never grows beyond one horizon of fills, and for never
 * booking a fill twice. Fills are applied in the order given (the caller orders them by event
 * time); flat symbols leave the state.
 */
public final class FifoLedger {

    private static final byte FORMAT = 1;

    /** Bound on symbols a snapshot may declare; guards against allocating from a corrupt stream. */
    private static final int MAX_SYMBOLS = 1 << 20;

    private final String book;
    private final String model;
    private final SeenFillIds seen;
    // A hash map for the per-fill lookup; snapshots write symbols sorted, so bytes are stable.
    private final Map<String, Position> positions = new HashMap<>();
    private long duplicates;

    /**
     * @param duplicateHorizon how long behind the newest fill time ids are remembered (from the
     *     policy); {@link Duration#ZERO} remembers only the newest instant
     */
    public FifoLedger(String book, String model, Duration duplicateHorizon) {
        this(book, model, new SeenFillIds(requireHorizon(duplicateHorizon)));
    }

    private FifoLedger(String book, String model, SeenFillIds seen) {
        if (book == null || model == null) {
            throw new IllegalArgumentException("book and model are required");
        }
        this.book = book;
        this.model = model;
        this.seen = seen;
    }

    private static long requireHorizon(Duration horizon) {
        if (horizon == null || horizon.isNegative()) {
            throw new IllegalArgumentException("duplicate horizon must be >= 0: " + horizon);
        }
        return horizon.toMillis();
    }

    /**
     * Books {@code fill}, unless it is a duplicate or cannot be booked. Never throws on bad data.
     */
    public FillOutcome apply(Fill fill) {
        String problem = FillCheck.problem(fill, book, model);
        if (problem != null) {
            return FillOutcome.rejected(problem);
        }
        long time = fill.getTime().toEpochMilli();
        if (seen.isBeyondHorizon(time)) {
            return FillOutcome.rejected(
                    "fill time "
                            + fill.getTime()
                            + " is more than the duplicate horizon of "
                            + Duration.ofMillis(seen.horizonMillis())
                            + " behind the newest fill: it cannot be told from a duplicate");
        }
        String fillId = fill.getFillId();
        if (seen.contains(fillId)) {
            duplicates++;
            return FillOutcome.duplicate();
        }
        seen.add(fillId, time);
        return FillOutcome.applied(book(fill, time));
    }

    private List<RoundTrip> book(Fill fill, long time) {
        Direction incoming = fill.getSide() == Side.BUY ? Direction.LONG : Direction.SHORT;
        String symbol = fill.getSymbol();
        double qty = fill.getQty();
        Position position = positions.get(symbol);
        if (position == null) {
            position = new Position(incoming);
            positions.put(symbol, position);
        } else if (position.isFlat()) {
            position.turn(incoming);
        }
        if (position.direction() == incoming) {
            position.lots().addLast(newLot(fill, time, qty, fill.getFee()));
            return List.of();
        }

        List<RoundTrip> closed = List.of();
        Direction closing = position.direction();
        double remaining = qty;
        while (!position.isFlat() && remaining > Lot.CLOSED_FRACTION * qty) {
            Lot lot = position.lots().peekFirst();
            // What is within rounding of the lot's open units closes the lot.
            boolean closesLot = remaining >= lot.open() - Lot.CLOSED_FRACTION * lot.qty;
            double units = closesLot ? lot.open() : remaining;
            lot.close(
                    units,
                    fill.getPrice(),
                    fill.getFee() * (units / qty),
                    closing.sign(),
                    fill.getFillId(),
                    time);
            remaining = Math.max(0, remaining - units);
            if (lot.isClosed()) {
                position.lots().pollFirst();
                if (closed.isEmpty()) {
                    closed = new ArrayList<>(2);
                }
                closed.add(lot.toRoundTrip(book, model, symbol, closing));
            }
        }
        if (remaining > Lot.CLOSED_FRACTION * qty) {
            // Reversal: the rest opens the other side and carries the rest of the fee.
            position.turn(incoming);
            position.lots()
                    .addLast(newLot(fill, time, remaining, fill.getFee() * (remaining / qty)));
        } else if (position.isFlat()) {
            positions.remove(symbol);
        }
        return closed;
    }

    private static Lot newLot(Fill fill, long time, double units, double fee) {
        return new Lot(fill.getFillId(), fill.getModelVersion(), time, fill.getPrice(), units, fee);
    }

    public String book() {
        return book;
    }

    public String model() {
        return model;
    }

    /** Fills ignored because their id was already applied. */
    public long duplicates() {
        return duplicates;
    }

    /** Fill ids currently remembered for duplicate detection. */
    public int rememberedFillIds() {
        return seen.size();
    }

    /** Units open in {@code symbol}, positive for a long, negative for a short, 0 when flat. */
    public double openUnits(String symbol) {
        Position position = positions.get(symbol);
        return position == null ? 0 : position.signedOpen();
    }

    /** Open lots over all symbols. */
    public int openLots() {
        int lots = 0;
        for (Position position : positions.values()) {
            lots += position.lots().size();
        }
        return lots;
    }

    /** Symbols with an open position. */
    public int openSymbols() {
        return positions.size();
    }

    public void writeTo(DataOutput out) throws IOException {
        out.writeByte(FORMAT);
        out.writeUTF(book);
        out.writeUTF(model);
        out.writeLong(duplicates);
        seen.writeTo(out);
        out.writeInt(positions.size());
        for (Map.Entry<String, Position> entry : new TreeMap<>(positions).entrySet()) {
            out.writeUTF(entry.getKey());
            entry.getValue().writeTo(out);
        }
    }

    public static FifoLedger readFrom(DataInput in) throws IOException {
        byte format = in.readByte();
        if (format != FORMAT) {
            throw new IOException("unknown FifoLedger state format " + format);
        }
        String book = in.readUTF();
        String model = in.readUTF();
        long duplicates = in.readLong();
        FifoLedger ledger = new FifoLedger(book, model, SeenFillIds.readFrom(in));
        ledger.duplicates = duplicates;
        int symbols = StateIo.readCount(in, MAX_SYMBOLS, "symbol count");
        for (int i = 0; i < symbols; i++) {
            String symbol = in.readUTF();
            Position position = Position.readFrom(in);
            StateIo.check(!position.isFlat(), "flat position kept for " + symbol);
            ledger.positions.put(symbol, position);
        }
        return ledger;
    }
}
