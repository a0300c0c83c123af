package io.arbiter.operators.correlation;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * Reads and writes correlation state exactly: doubles as raw bits (so a restored window continues
 * bit for bit), and counts checked against a bound so a corrupt stream fails with an {@link
 * IOException} instead of allocating without limit.
 */
final class StateIo {

    /** Largest window a snapshot may declare; guards against allocating from a corrupt stream. */
    static final int MAX_WINDOW = 1 << 16;

    private StateIo() {}

    static void writeDouble(DataOutput out, double value) throws IOException {
        out.writeLong(Double.doubleToRawLongBits(value));
    }

    static double readDouble(DataInput in) throws IOException {
        return Double.longBitsToDouble(in.readLong());
    }

    /** Reads a window length and checks it is one a constructor would have accepted. */
    static int readWindow(DataInput in) throws IOException {
        int n = in.readInt();
        if (n < 1 || n > MAX_WINDOW) {
            throw new IOException("corrupt correlation state: window length " + n);
        }
        return n;
    }

    /** Reads a count that must lie in {@code [0, bound]}. */
    static int readCount(DataInput in, int bound, String what) throws IOException {
        int value = in.readInt();
        if (value < 0 || value > bound) {
            throw new IOException("corrupt correlation state: " + what + " " + value);
        }
        return value;
    }

    static void check(boolean condition, String what) throws IOException {
        if (!condition) {
            throw new IOException("corrupt correlation state: " + what);
        }
    }
}
