package io.arbiter.operators.features;

import io.arbiter.schemas.Bar;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.time.Instant;

/** A bar held until the watermark says no earlier bar of its symbol can still arrive. */
record PendingBar(
        long time,
        long intervalMillis,
        double open,
        double high,
        double low,
        double close,
        double volume) {

    static PendingBar of(Bar bar) {
        return new PendingBar(
                bar.getTime().toEpochMilli(),
                bar.getIntervalMillis(),
                bar.getOpen(),
                bar.getHigh(),
                bar.getLow(),
                bar.getClose(),
                bar.getVolume());
    }

    Instant instant() {
        return Instant.ofEpochMilli(time);
    }

    void writeTo(DataOutput out) throws IOException {
        out.writeLong(time);
        out.writeLong(intervalMillis);
        out.writeDouble(open);
        out.writeDouble(high);
        out.writeDouble(low);
        out.writeDouble(close);
        out.writeDouble(volume);
    }

    static PendingBar readFrom(DataInput in) throws IOException {
        return new PendingBar(
                in.readLong(),
                in.readLong(),
                in.readDouble(),
                in.readDouble(),
                in.readDouble(),
                in.readDouble(),
                in.readDouble());
    }
}
