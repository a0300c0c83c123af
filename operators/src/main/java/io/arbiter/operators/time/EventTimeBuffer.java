package io.arbiter.operators.time;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Holds items until the watermark passes their time, then releases them in (time, tie-break) order.
 * One structure, one late rule per use ({@link LatePolicy}), one bound, one binary form, for every
 * keyed operator that must see its inputs in event-time order whatever order Kafka delivered them
 * in: the caller keeps one buffer per key in state and one event-time timer at {@link #nextTime()}.
 *
 * <p>The order is total and never depends on arrival: by time, then by {@code tieBreak}. Two items
 * of one time that the tie-break cannot tell apart are one item offered twice: the second is a
 * {@link Admission#DUPLICATE}. A tie-break that returns 0 for every pair (features: one bar per
 * symbol and time) makes the time alone the identity.
 *
 * <p>Cost. Items usually arrive in order and only a few wait, so the fast path is an append: O(1)
 * amortised, no allocation beyond the occasional doubling of two arrays, no boxing (times are a
 * {@code long[]}). An item behind others is placed by binary search and a shift, as the sorted
 * {@code ArrayList} of the features operator did before. A release removes a prefix by moving the
 * head index, so a timer that takes one bar does not shift the rest. A {@code TreeMap<Long, List>}
 * would allocate an entry, a list and a boxed key per item; the features benchmark measured the
 * sorted list well ahead of it.
 *
 * <p>The limit ({@code maxPending}) is configuration, not state: it is not written by {@link
 * #writeTo}, a buffer read back takes the limit given to {@link #readFrom}, and {@link
 * #setMaxPending} follows a new policy. A buffer read back may hold more than a lowered limit; it
 * keeps them all and refuses new items until it is below the limit again.
 *
 * <p>Not thread-safe; one per key, touched by its operator's task thread only.
 */
public final class EventTimeBuffer<T> {

    /** Version of the binary form written by {@link #writeTo}: its first byte. */
    static final byte FORMAT = 1;

    /** Bound on the count read back, so corrupt bytes fail instead of allocating without limit. */
    private static final int MAX_STATE_ITEMS = 1 << 24;

    private static final int INITIAL_CAPACITY = 4;

    private final Comparator<? super T> tieBreak;
    private final LatePolicy late;
    private int maxPending;

    /** Held items live in {@code [head, tail)}, sorted by (time, tie-break). */
    private long[] times;

    private Object[] items;
    private int head;
    private int tail;

    /**
     * @param tieBreak orders items of equal time; 0 means "the same item" (a duplicate)
     * @param late what to do with an item at or behind the watermark
     * @param maxPending items held at most; beyond, {@link Admission#FULL}
     */
    public EventTimeBuffer(Comparator<? super T> tieBreak, LatePolicy late, int maxPending) {
        this.tieBreak = Objects.requireNonNull(tieBreak, "tieBreak");
        this.late = Objects.requireNonNull(late, "late");
        setMaxPending(maxPending);
        this.times = new long[INITIAL_CAPACITY];
        this.items = new Object[INITIAL_CAPACITY];
    }

    /**
     * Holds {@code item} at {@code time} unless it is a duplicate, late under this buffer's {@link
     * LatePolicy} ({@code time <= watermark}) or the buffer is full, checked in that order: a
     * duplicate is reported as such even when it is also late, and a late item as late even when
     * the buffer is full.
     *
     * @param watermark the caller's current watermark ({@link Long#MIN_VALUE} before the first)
     */
    public Admission offer(T item, long time, long watermark) {
        boolean isLate = time <= watermark;
        long at = isLate && late == LatePolicy.NEXT_INSTANT ? nextInstant(watermark) : time;
        int index = indexOf(item, at);
        if (index >= 0) {
            return Admission.DUPLICATE;
        }
        if (isLate && late == LatePolicy.REFUSE) {
            return Admission.LATE;
        }
        if (isLate && late == LatePolicy.AT_ONCE) {
            return Admission.DUE_NOW;
        }
        if (size() >= maxPending) {
            return Admission.FULL;
        }
        insert(-index - 1, at, item);
        return Admission.HELD;
    }

    /**
     * Removes and returns every held item with time at or before {@code watermark}, ordered by time
     * then tie-break; an empty immutable list when none is due.
     */
    public List<T> releaseUpTo(long watermark) {
        int end = head;
        while (end < tail && times[end] <= watermark) {
            end++;
        }
        if (end == head) {
            return List.of();
        }
        @SuppressWarnings("unchecked")
        List<T> due = (List<T>) Arrays.asList(Arrays.copyOfRange(items, head, end));
        Arrays.fill(items, head, end, null); // let released items be collected
        head = end;
        if (head == tail) {
            head = 0;
            tail = 0;
        }
        return due;
    }

    /**
     * Removes every held item with time at or before {@code watermark} and hands each to {@code
     * each}, ordered by time then tie-break, without allocating (the per-bar path of the features
     * operator). Each item is removed before it is handed on, so the buffer is consistent whenever
     * {@code each} runs. Returns how many were released.
     */
    public int releaseUpTo(long watermark, Consumer<? super T> each) {
        int released = 0;
        while (head < tail && times[head] <= watermark) {
            T item = item(head);
            items[head++] = null;
            if (head == tail) {
                head = 0;
                tail = 0;
            }
            released++;
            each.accept(item);
        }
        return released;
    }

    /** The earliest held time, {@link Long#MAX_VALUE} when empty: the caller's next timer. */
    public long nextTime() {
        return head == tail ? Long.MAX_VALUE : times[head];
    }

    public int size() {
        return tail - head;
    }

    public boolean isEmpty() {
        return head == tail;
    }

    /** Items held at most from now on (a new policy); items already held are kept. */
    public void setMaxPending(int maxPending) {
        if (maxPending < 0) {
            throw new IllegalArgumentException("maxPending must not be negative: " + maxPending);
        }
        this.maxPending = maxPending;
    }

    public int maxPending() {
        return maxPending;
    }

    public LatePolicy latePolicy() {
        return late;
    }

    /**
     * Writes the held items in release order: the format byte ({@value #FORMAT}), the count, then
     * per item its time (the time it is held at) and its own form by {@code writer}. The same held
     * items always give the same bytes, whatever order they were offered in.
     */
    public void writeTo(DataOutput out, ElementWriter<T> writer) throws IOException {
        out.writeByte(FORMAT);
        out.writeInt(size());
        for (int i = head; i < tail; i++) {
            out.writeLong(times[i]);
            writer.write(out, item(i));
        }
    }

    /**
     * Reads a buffer written by {@link #writeTo}; the tie-break, late policy and limit are the
     * caller's, as in the constructor.
     *
     * @throws IOException for an unknown format, a count out of range, items out of order or two
     *     items that compare equal
     */
    public static <T> EventTimeBuffer<T> readFrom(
            DataInput in,
            ElementReader<T> reader,
            Comparator<? super T> tieBreak,
            LatePolicy late,
            int maxPending)
            throws IOException {
        byte format = in.readByte();
        if (format != FORMAT) {
            throw new IOException("unknown EventTimeBuffer format " + format);
        }
        int count = in.readInt();
        if (count < 0 || count > MAX_STATE_ITEMS) {
            throw new IOException("corrupt EventTimeBuffer: count " + count);
        }
        EventTimeBuffer<T> buffer = new EventTimeBuffer<>(tieBreak, late, maxPending);
        for (int i = 0; i < count; i++) {
            long time = in.readLong();
            T item = reader.read(in);
            if (!buffer.isEmpty() && buffer.compare(buffer.tail - 1, item, time) >= 0) {
                throw new IOException(
                        "corrupt EventTimeBuffer: item " + i + " at " + time + " is out of order");
            }
            buffer.insert(buffer.tail, time, item);
        }
        return buffer;
    }

    @Override
    public String toString() {
        return "EventTimeBuffer[" + size() + " held, next " + nextTime() + ", " + late + "]";
    }

    /** Watermark + 1, or the watermark itself at the end of time (nothing comes after it). */
    private static long nextInstant(long watermark) {
        return watermark == Long.MAX_VALUE ? watermark : watermark + 1;
    }

    /**
     * The index of the held item equal to ({@code time}, {@code item}), or {@code -(insertion
     * point) - 1}. The last item is compared first: in-order arrivals never search.
     */
    private int indexOf(T item, long time) {
        if (head == tail) {
            return -tail - 1;
        }
        int last = compare(tail - 1, item, time);
        if (last < 0) {
            return -tail - 1;
        }
        if (last == 0) {
            return tail - 1;
        }
        int low = head;
        int high = tail - 2;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            int c = compare(mid, item, time);
            if (c < 0) {
                low = mid + 1;
            } else if (c > 0) {
                high = mid - 1;
            } else {
                return mid;
            }
        }
        return -low - 1;
    }

    /** The held item at {@code index} against ({@code time}, {@code item}). */
    private int compare(int index, T item, long time) {
        int byTime = Long.compare(times[index], time);
        return byTime != 0 ? byTime : tieBreak.compare(item(index), item);
    }

    /** Puts an item at {@code index} of {@code [head, tail]}, making room first if needed. */
    private void insert(int index, long time, T item) {
        if (tail == times.length) {
            int offset = makeRoom();
            index -= offset;
        }
        if (index < tail) {
            System.arraycopy(times, index, times, index + 1, tail - index);
            System.arraycopy(items, index, items, index + 1, tail - index);
        }
        times[index] = time;
        items[index] = item;
        tail++;
    }

    /**
     * Frees a slot at the tail: moves the held items to the front when a release left room there,
     * else doubles the arrays. Returns how far the items moved down.
     */
    private int makeRoom() {
        int offset = head;
        int size = size();
        if (offset > 0 && size < times.length / 2 + 1) {
            System.arraycopy(times, head, times, 0, size);
            System.arraycopy(items, head, items, 0, size);
            Arrays.fill(items, size, tail, null);
        } else {
            long[] grownTimes = new long[times.length * 2];
            Object[] grownItems = new Object[items.length * 2];
            System.arraycopy(times, head, grownTimes, 0, size);
            System.arraycopy(items, head, grownItems, 0, size);
            times = grownTimes;
            items = grownItems;
        }
        head = 0;
        tail = size;
        return offset;
    }

    @SuppressWarnings("unchecked")
    private T item(int index) {
        return (T) items[index];
    }
}
