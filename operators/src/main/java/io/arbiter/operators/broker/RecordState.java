package io.arbiter.operators.broker;

import io.arbiter.schemas.Bar;
import io.arbiter.schemas.TradeIntent;
import io.arbiter.schemas.codec.AvroCodec;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * Writes whole Avro records into the broker's state in their single-object encoding (the topics'
 * wire format, which carries the writer schema's fingerprint), so a state written before a schema
 * change is still read after it, as a topic's old records are. Lengths are checked against a bound,
 * so a corrupt stream fails with an {@link IOException} instead of allocating without limit.
 */
final class RecordState {

    /** Far above any real intent or bar (a few hundred bytes). */
    private static final int MAX_RECORD_BYTES = 1 << 20;

    // Codecs are not thread-safe and not serializable; one per thread that touches state.
    private static final ThreadLocal<AvroCodec<TradeIntent>> INTENTS =
            ThreadLocal.withInitial(() -> AvroCodec.of(TradeIntent.class));
    private static final ThreadLocal<AvroCodec<Bar>> BARS =
            ThreadLocal.withInitial(() -> AvroCodec.of(Bar.class));

    private RecordState() {}

    static void writeIntent(DataOutput out, TradeIntent intent) throws IOException {
        writeBytes(out, INTENTS.get().encode(intent));
    }

    static TradeIntent readIntent(DataInput in) throws IOException {
        return INTENTS.get().decode(readBytes(in));
    }

    static void writeBar(DataOutput out, Bar bar) throws IOException {
        writeBytes(out, BARS.get().encode(bar));
    }

    static Bar readBar(DataInput in) throws IOException {
        return BARS.get().decode(readBytes(in));
    }

    /** Reads a count that must lie in {@code [0, bound]}. */
    static int readCount(DataInput in, int bound, String what) throws IOException {
        int count = in.readInt();
        if (count < 0 || count > bound) {
            throw new IOException("corrupt paper broker state: " + what + " " + count);
        }
        return count;
    }

    private static void writeBytes(DataOutput out, byte[] bytes) throws IOException {
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static byte[] readBytes(DataInput in) throws IOException {
        byte[] bytes = new byte[readCount(in, MAX_RECORD_BYTES, "record length")];
        in.readFully(bytes);
        return bytes;
    }
}
