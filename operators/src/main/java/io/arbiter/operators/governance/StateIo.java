package io.arbiter.operators.governance;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * Exact, bounded binary state of the governor: raw double bits, nullable strings, sanity checks.
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

    static int readCount(DataInput in, int max, String what) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > max) {
            throw new IOException("corrupt governor state: " + n + " " + what);
        }
        return n;
    }

    static void check(boolean condition, String what) throws IOException {
        if (!condition) {
            throw new IOException("corrupt governor state: " + what);
        }
    }
}
