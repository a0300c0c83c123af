package io.arbiter.operators.features.indicators;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * Reads and writes indicator state exactly. Doubles go out as their raw bits: {@link
 * DataOutput#writeDouble} folds every NaN into the canonical one, and a restored engine must
 * continue bit for bit.
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

    /** Reads a window length written by an indicator and checks it is one we could have written. */
    static int readWindow(DataInput in) throws IOException {
        int n = in.readInt();
        if (n < 1 || n > MAX_WINDOW) {
            throw new IOException("corrupt indicator state: window length " + n);
        }
        return n;
    }

    /** Reads an int that must lie in {@code [0, bound]}. */
    static int readIndex(DataInput in, int bound, String what) throws IOException {
        int value = in.readInt();
        if (value < 0 || value > bound) {
            throw new IOException("corrupt indicator state: " + what + " " + value);
        }
        return value;
    }

    static void check(boolean condition, String what) throws IOException {
        if (!condition) {
            throw new IOException("corrupt indicator state: " + what);
        }
    }
}
