package io.arbiter.operators.planner;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;

/**
 * The fill ids applied within a horizon of event time, so a redelivered fill is not applied twice
 * (a duplicate exit would free cash and exposure that are still committed). An id is forgotten once
 * its fill time is more than the horizon behind the newest fill; fills that old are refused, since
 * they could no longer be told from duplicates. Memory is bounded by one horizon of fills.
 */
final class RecentFillIds {

    /** Bound on ids a snapshot may declare; guards against allocating from a corrupt stream. */
    private static final int MAX_IDS = 1 << 24;

    private record Seen(String id, long time) {}

    private final Map<String, Long> times = new HashMap<>();
    // Arrival order, for forgetting; ids are written in this order, so snapshots are byte-stable.
    private final ArrayDeque<Seen> arrivals = new ArrayDeque<>();
    private long newest = Long.MIN_VALUE;

    /** Whether a fill at {@code time} is older than anything remembered within the horizon. */
    boolean isBeyondHorizon(long time, long horizonMillis) {
        return newest != Long.MIN_VALUE && time < cutoff(horizonMillis);
    }

    boolean contains(String id) {
        return times.containsKey(id);
    }

    /** Remembers {@code id} and forgets every id that fell behind the horizon. */
    void add(String id, long time, long horizonMillis) {
        times.put(id, time);
        arrivals.addLast(new Seen(id, time));
        newest = Math.max(newest, time);
        long cutoff = cutoff(horizonMillis);
        while (!arrivals.isEmpty() && arrivals.peekFirst().time() < cutoff) {
            times.remove(arrivals.pollFirst().id());
        }
    }

    int size() {
        return times.size();
    }

    private long cutoff(long horizonMillis) {
        // Saturates instead of wrapping for fills near the start of time.
        return newest - horizonMillis > newest ? Long.MIN_VALUE : newest - horizonMillis;
    }

    void writeTo(DataOutput out) throws IOException {
        out.writeLong(newest);
        out.writeInt(arrivals.size());
        for (Seen seen : arrivals) {
            out.writeUTF(seen.id());
            out.writeLong(seen.time());
        }
    }

    static RecentFillIds readFrom(DataInput in) throws IOException {
        RecentFillIds ids = new RecentFillIds();
        ids.newest = in.readLong();
        int count = StateIo.readCount(in, MAX_IDS, "fill id count");
        for (int i = 0; i < count; i++) {
            Seen seen = new Seen(in.readUTF(), in.readLong());
            ids.arrivals.addLast(seen);
            ids.times.put(seen.id(), seen.time());
        }
        return ids;
    }
}
