package io.arbiter.operators.control;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.PriorityQueue;

/**
 * One book's replay memory (its keyed state): the ids of the commands it accepted within the replay
 * window, and the window's position in event time.
 *
 * <p>The window ends at the newest accepted command's time (never the wall clock, so a replay of
 * the topic decides the same way) and reaches back {@code maxAge}. Ids of commands older than its
 * start are forgotten, because a command that old is refused as stale whatever its id: memory stays
 * bounded by the commands accepted in one window. Only accepted commands move the window; a forged
 * command dated far ahead cannot push legitimate ids out.
 *
 * <p>{@link #completeSince()} remembers where forgetting stopped, so that a larger {@code maxAge}
 * given later (a new policy) cannot reopen a stretch of time whose ids are already gone.
 *
 * <p>Forgetting pops a min-heap by command time: O(log n) per accepted command, n the commands in
 * one window (a handful; commands are rare).
 */
public final class SeenCommands {

    private static final byte FORMAT = 1;

    /** Stands for "no command accepted yet" and "nothing forgotten yet". */
    private static final long NONE = Long.MIN_VALUE;

    private static final Comparator<Seen> OLDEST_FIRST =
            Comparator.comparingLong(Seen::time).thenComparing(Seen::id);

    private final Map<String, Long> timeById = new HashMap<>();
    private final PriorityQueue<Seen> byTime = new PriorityQueue<>(OLDEST_FIRST);
    private long newestAccepted = NONE;
    private long completeSince = NONE;

    private record Seen(long time, String id) {}

    /** A book that has accepted no command yet. */
    public static SeenCommands empty() {
        return new SeenCommands();
    }

    /** Whether a command with this id was accepted and is still remembered. */
    public boolean contains(String commandId) {
        return timeById.containsKey(commandId);
    }

    /** The time of the remembered accepted command with this id. */
    public OptionalLong timeOf(String commandId) {
        Long time = timeById.get(commandId);
        return time == null ? OptionalLong.empty() : OptionalLong.of(time);
    }

    /** Event time (epoch ms) of the newest accepted command; empty before the first. */
    public OptionalLong newestAccepted() {
        return newestAccepted == NONE ? OptionalLong.empty() : OptionalLong.of(newestAccepted);
    }

    /**
     * Epoch ms from which every accepted id is still remembered; empty while nothing was ever
     * forgotten.
     */
    public OptionalLong completeSince() {
        return completeSince == NONE ? OptionalLong.empty() : OptionalLong.of(completeSince);
    }

    /**
     * The earliest command time (epoch ms) still inside the window for this {@code maxAge}: the
     * later of (newest accepted − maxAge) and {@link #completeSince()}; empty before the first
     * accepted command.
     */
    public OptionalLong windowStart(long maxAgeMillis) {
        if (newestAccepted == NONE) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(
                Math.max(minusSaturated(newestAccepted, maxAgeMillis), completeSince));
    }

    /** How many ids are remembered. */
    public int size() {
        return timeById.size();
    }

    /**
     * Records an accepted command: remembers its id, moves the window's end to its time if it is
     * the newest, and forgets ids now before the window's start.
     */
    public void accept(String commandId, long time, long maxAgeMillis) {
        if (timeById.putIfAbsent(commandId, time) != null) {
            throw new IllegalStateException("command id already accepted: " + commandId);
        }
        byTime.add(new Seen(time, commandId));
        newestAccepted = Math.max(newestAccepted, time);
        long start = minusSaturated(newestAccepted, maxAgeMillis);
        while (!byTime.isEmpty() && byTime.peek().time() < start) {
            timeById.remove(byTime.poll().id());
        }
        completeSince = Math.max(completeSince, start);
    }

    public void writeTo(DataOutput out) throws IOException {
        out.writeByte(FORMAT);
        out.writeLong(newestAccepted);
        out.writeLong(completeSince);
        List<Seen> inOrder = new ArrayList<>(byTime);
        inOrder.sort(OLDEST_FIRST); // the heap's array order depends on history; bytes must not
        out.writeInt(inOrder.size());
        for (Seen seen : inOrder) {
            out.writeLong(seen.time());
            byte[] id = seen.id().getBytes(StandardCharsets.UTF_8);
            out.writeInt(id.length);
            out.write(id);
        }
    }

    public static SeenCommands readFrom(DataInput in) throws IOException {
        byte format = in.readByte();
        if (format != FORMAT) {
            throw new IOException("unknown SeenCommands state format " + format);
        }
        SeenCommands seen = new SeenCommands();
        seen.newestAccepted = in.readLong();
        seen.completeSince = in.readLong();
        int count = in.readInt();
        if (count < 0) {
            throw new IOException("negative SeenCommands count " + count);
        }
        for (int i = 0; i < count; i++) {
            long time = in.readLong();
            int length = in.readInt();
            if (length < 0 || length > 4 * CommandContent.MAX_ID_LENGTH) {
                throw new IOException("SeenCommands id length " + length + " out of range");
            }
            byte[] id = new byte[length];
            in.readFully(id);
            String commandId = new String(id, StandardCharsets.UTF_8);
            seen.timeById.put(commandId, time);
            seen.byTime.add(new Seen(time, commandId));
        }
        return seen;
    }

    private static long minusSaturated(long time, long amount) {
        long result = time - amount;
        // Overflow only when the signs of the operands differ and the result's sign is time's
        // opposite; saturate so that a huge maxAge means "forget nothing".
        return ((time ^ amount) & (time ^ result)) < 0 ? Long.MIN_VALUE : result;
    }

    @Override
    public String toString() {
        return "SeenCommands[ids="
                + timeById.size()
                + ", newestAccepted="
                + newestAccepted()
                + ", completeSince="
                + completeSince()
                + "]";
    }
}
