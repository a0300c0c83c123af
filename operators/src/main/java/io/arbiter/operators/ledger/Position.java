package io.arbiter.operators.ledger;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayDeque;

/** One symbol's open lots, oldest first, all facing one {@link Direction}. */
final class Position {

    /** Bound on lots a snapshot may declare; guards against allocating from a corrupt stream. */
    private static final int MAX_LOTS = 1 << 20;

    private Direction direction;
    private final ArrayDeque<Lot> lots = new ArrayDeque<>(4);

    Position(Direction direction) {
        this.direction = direction;
    }

    Direction direction() {
        return direction;
    }

    /** Starts facing the other way; only when no lot is open. */
    void turn(Direction to) {
        if (!lots.isEmpty()) {
            throw new IllegalStateException("cannot turn a position with open lots");
        }
        direction = to;
    }

    ArrayDeque<Lot> lots() {
        return lots;
    }

    boolean isFlat() {
        return lots.isEmpty();
    }

    /** Units open, signed: positive for a long. */
    double signedOpen() {
        double units = 0;
        for (Lot lot : lots) {
            units += lot.open();
        }
        return direction.sign() * units;
    }

    void writeTo(DataOutput out) throws IOException {
        out.writeByte(direction.ordinal());
        out.writeInt(lots.size());
        for (Lot lot : lots) {
            lot.writeTo(out);
        }
    }

    static Position readFrom(DataInput in) throws IOException {
        int ordinal = in.readByte();
        StateIo.check(ordinal >= 0 && ordinal < Direction.values().length, "direction");
        Position position = new Position(Direction.values()[ordinal]);
        int count = StateIo.readCount(in, MAX_LOTS, "lot count");
        for (int i = 0; i < count; i++) {
            position.lots.add(Lot.readFrom(in));
        }
        return position;
    }
}
