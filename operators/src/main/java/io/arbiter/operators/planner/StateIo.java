package io.arbiter.operators.planner;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * Reads and writes planner state exactly: doubles as raw bits (a restored planner continues bit for
 * bit), nullable strings with a presence flag, enums by name (an added symbol does not shift the
 * others), counts checked against a bound so a corrupt stream fails with an {@link IOException}
 * instead of allocating without limit.
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

    static <E extends Enum<E>> E readEnum(DataInput in, Class<E> type) throws IOException {
        String name = in.readUTF();
        try {
            return Enum.valueOf(type, name);
        } catch (IllegalArgumentException e) {
            throw new IOException("corrupt planner state: " + type.getSimpleName() + " " + name);
        }
    }

    /** Reads a count that must lie in {@code [0, bound]}. */
    static int readCount(DataInput in, int bound, String what) throws IOException {
        int value = in.readInt();
        if (value < 0 || value > bound) {
            throw new IOException("corrupt planner state: " + what + " " + value);
        }
        return value;
    }

    static void check(boolean condition, String what) throws IOException {
        if (!condition) {
            throw new IOException("corrupt planner state: " + what);
        }
    }
}
