package io.arbiter.operators.broker;

import io.arbiter.schemas.TradeIntent;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * An entered order that has not exited yet.
 *
 * @param intent the order
 * @param entryPrice its entry fill's price, slippage included
 * @param entryTime the entry bar's time
 * @param barsHeld bars processed since entry, the entry bar included
 */
record Position(TradeIntent intent, double entryPrice, long entryTime, int barsHeld) {

    Position heldOneMoreBar() {
        return new Position(intent, entryPrice, entryTime, barsHeld + 1);
    }

    void writeTo(DataOutput out) throws IOException {
        RecordState.writeIntent(out, intent);
        out.writeLong(Double.doubleToRawLongBits(entryPrice));
        out.writeLong(entryTime);
        out.writeInt(barsHeld);
    }

    static Position readFrom(DataInput in) throws IOException {
        TradeIntent intent = RecordState.readIntent(in);
        double entryPrice = Double.longBitsToDouble(in.readLong());
        long entryTime = in.readLong();
        int barsHeld = in.readInt();
        if (barsHeld < 0) {
            throw new IOException("corrupt paper broker state: bars held " + barsHeld);
        }
        return new Position(intent, entryPrice, entryTime, barsHeld);
    }
}
