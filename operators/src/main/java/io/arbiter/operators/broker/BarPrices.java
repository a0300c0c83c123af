package io.arbiter.operators.broker;

import io.arbiter.schemas.Bar;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * What the broker needs of a bar it has applied: its time and its four prices. Kept in {@link
 * BarHistory} instead of the whole Avro bar, so a long history stays small (40 bytes a bar).
 *
 * @param time the bar's time in epoch milliseconds (its start; fills on it are stamped with it)
 */
record BarPrices(long time, double open, double high, double low, double close) {

    static BarPrices of(Bar bar) {
        return new BarPrices(
                bar.getTime().toEpochMilli(),
                bar.getOpen(),
                bar.getHigh(),
                bar.getLow(),
                bar.getClose());
    }

    void writeTo(DataOutput out) throws IOException {
        out.writeLong(time);
        out.writeLong(Double.doubleToRawLongBits(open));
        out.writeLong(Double.doubleToRawLongBits(high));
        out.writeLong(Double.doubleToRawLongBits(low));
        out.writeLong(Double.doubleToRawLongBits(close));
    }

    static BarPrices readFrom(DataInput in) throws IOException {
        long time = in.readLong();
        double open = Double.longBitsToDouble(in.readLong());
        double high = Double.longBitsToDouble(in.readLong());
        double low = Double.longBitsToDouble(in.readLong());
        double close = Double.longBitsToDouble(in.readLong());
        return new BarPrices(time, open, high, low, close);
    }
}
