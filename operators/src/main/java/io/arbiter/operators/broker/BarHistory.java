package io.arbiter.operators.broker;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * The most recent bars a symbol's broker has applied, oldest first, at most a given number: what an
 * order that arrives after later bars were processed is replayed against ({@link
 * PaperBroker#onIntent}). A ring that grows by doubling up to the bound, so adding is O(1)
 * amortised and a symbol with few bars holds a small array; finding a time is a binary search.
 *
 * <p>It also remembers the time of the newest bar it has let go ({@link #releasedUpTo()}): an order
 * decided before that time would have entered at a bar no longer held, so it cannot be replayed.
 */
final class BarHistory {

    private static final int INITIAL_CAPACITY = 16;

    private BarPrices[] ring = new BarPrices[INITIAL_CAPACITY];
    private int head; // index in ring of the oldest bar
    private int size;
    private long releasedUpTo = Long.MIN_VALUE;

    /**
     * Appends the newest bar (its time after every held bar's), first letting go of the oldest bars
     * so at most {@code max} are held with it.
     */
    void add(BarPrices bar, int max) {
        while (size > 0 && size >= max) {
            releasedUpTo = ring[head].time();
            ring[head] = null;
            head = (head + 1) % ring.length;
            size--;
        }
        if (size == ring.length) {
            grow();
        }
        ring[(head + size) % ring.length] = bar;
        size++;
    }

    int size() {
        return size;
    }

    /** The {@code i}-th held bar, 0 the oldest. */
    BarPrices get(int i) {
        return ring[(head + i) % ring.length];
    }

    /** Index of the oldest held bar with time after {@code time}, or {@link #size()} if none. */
    int firstAfter(long time) {
        int low = 0;
        int high = size;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (get(mid).time() <= time) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    /** Time of the newest bar let go, or {@link Long#MIN_VALUE} while none has been. */
    long releasedUpTo() {
        return releasedUpTo;
    }

    private void grow() {
        BarPrices[] larger = new BarPrices[ring.length * 2];
        for (int i = 0; i < size; i++) {
            larger[i] = get(i);
        }
        ring = larger;
        head = 0;
    }

    void writeTo(DataOutput out) throws IOException {
        out.writeLong(releasedUpTo);
        out.writeInt(size);
        for (int i = 0; i < size; i++) {
            get(i).writeTo(out);
        }
    }

    /**
     * @param maxEntries bound on the count read back, so a corrupt stream fails instead of
     *     allocating without limit
     */
    static BarHistory readFrom(DataInput in, int maxEntries) throws IOException {
        BarHistory history = new BarHistory();
        history.releasedUpTo = in.readLong();
        int count = RecordState.readCount(in, maxEntries, "held bars");
        long previous = Long.MIN_VALUE;
        for (int i = 0; i < count; i++) {
            BarPrices bar = BarPrices.readFrom(in);
            if (bar.time() <= previous || bar.time() <= history.releasedUpTo) {
                throw new IOException("corrupt paper broker state: held bars out of order");
            }
            previous = bar.time();
            history.add(bar, Integer.MAX_VALUE);
        }
        return history;
    }

    /**
     * A history that has let go of every bar up to {@code time}: what a state written before the
     * broker kept bars reads back as, so orders older than its last bar stay refused as late.
     */
    static BarHistory releasedUpTo(long time) {
        BarHistory history = new BarHistory();
        history.releasedUpTo = time;
        return history;
    }
}
