package io.arbiter.operators.features;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * The last {@code bars} rows of normalised features of one symbol, in a ring buffer. Rows before
 * the symbol's first bar read as NaN, so a window always has the same shape.
 */
public final class FeatureWindow {

    private final int bars;
    private final int width;
    private final float[] rows; // ring of bars × width, row (head) is the oldest
    private int head;

    public FeatureWindow(int bars, int width) {
        this.bars = bars;
        this.width = width;
        this.rows = new float[bars * width];
        Arrays.fill(rows, Float.NaN);
    }

    public int bars() {
        return bars;
    }

    public int width() {
        return width;
    }

    /** Appends the newest row, evicting the oldest. */
    public void push(float[] row) {
        if (bars == 0) {
            return;
        }
        System.arraycopy(row, 0, rows, head * width, width);
        head = (head + 1) % bars;
    }

    /** The window as float32 little-endian, row-major, oldest row first. */
    public ByteBuffer toBytes() {
        ByteBuffer bytes =
                ByteBuffer.allocate(rows.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        // Two bulk copies (oldest part of the ring, then the newest): this runs once per bar and
        // a float-by-float put was a quarter of the feature stage's time.
        int oldest = head * width;
        bytes.asFloatBuffer().put(rows, oldest, rows.length - oldest).put(rows, 0, oldest);
        return bytes;
    }

    /** Reads a window written by {@link #toBytes()} back into rows of floats, for consumers. */
    public static float[][] fromBytes(ByteBuffer bytes, int width) {
        ByteBuffer in = bytes.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        int bars = in.remaining() / Float.BYTES / Math.max(1, width);
        float[][] rows = new float[bars][width];
        for (float[] row : rows) {
            for (int j = 0; j < width; j++) {
                row[j] = in.getFloat();
            }
        }
        return rows;
    }

    /** A window of another length holding this one's newest rows (after a policy change). */
    public FeatureWindow resized(int newBars) {
        FeatureWindow resized = new FeatureWindow(newBars, width);
        float[] row = new float[width];
        for (int i = Math.max(0, bars - newBars); i < bars; i++) {
            System.arraycopy(rows, ((head + i) % bars) * width, row, 0, width);
            resized.push(row);
        }
        return resized;
    }

    public void writeTo(DataOutput out) throws IOException {
        out.writeInt(bars);
        out.writeInt(width);
        out.writeInt(head);
        for (float value : rows) {
            out.writeFloat(value);
        }
    }

    public static FeatureWindow readFrom(DataInput in) throws IOException {
        FeatureWindow window = new FeatureWindow(in.readInt(), in.readInt());
        window.head = in.readInt();
        for (int i = 0; i < window.rows.length; i++) {
            window.rows[i] = in.readFloat();
        }
        return window;
    }
}
