package io.arbiter.operators.ledger;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * Reads and writes ledger state exactly: doubles as raw bits (so a restored ledger continues bit
 * for bit), nullable strings with a presence flag, and counts checked against a bound so a corrupt
 * stream fails with an {@link IOException} instead of allocating without limit.
 */
final class StateIo {

    private StateIo() {}

    static void writeDouble(DataOutput out, double value) throws IOException {
        out.writeLong(Double.doubleToRawLongBits(value));
    }

    static double readDouble(DataInput in) throws IOException {
        return Double.longBitsToDouble(in.readLong());
    }

    static void writeNullable(DataOutput out, String value) throws IOException {
        out.writeBoolean(value != null);
        if (value != null) {
            out.writeUTF(value);
        }
    }

    static String readNullable(DataInput in) throws IOException {
        return in.readBoolean() ? in.readUTF() : null;
    }

    /** Reads a count that must lie in {@code [0, bound]}. */
    static int readCount(DataInput in, int bound, String what) throws IOException {
        int value = in.readInt();
        if (value < 0 || value > bound) {
            throw new IOException("corrupt ledger state: " + what + " " + value);
        }
        return value;
    }

    static void check(boolean condition, String what) throws IOException {
        if (!condition) {
            throw new IOException("corrupt ledger state: " + what);
        }
    }
}
