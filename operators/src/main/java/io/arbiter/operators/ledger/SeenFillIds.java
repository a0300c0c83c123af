package io.arbiter.operators.ledger;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;

/**
 * The fill ids applied within a horizon of event time, to recognise a redelivered fill. Memory is
 * bounded by the horizon: an id is forgotten once its fill time is more than the horizon behind the
 * newest fill time seen. The ledger refuses fills that old (it could no longer tell whether they
 * are duplicates), so no accepted fill is ever applied twice.
 *
 * <p>Ids are forgotten in arrival order: one that arrived after a newer fill waits behind it, so it
 * may be kept a little longer than the horizon, never shorter.
 */
final class SeenFillIds {

    /** Bound on ids a snapshot may declare; guards against allocating from a corrupt stream. */
    private static final int MAX_IDS = 1 << 24;

    private record Seen(String id, long time) {}

    private final long horizonMillis;
    private final Map<String, Long> times = new HashMap<>();
    private final ArrayDeque<Seen> arrivals = new ArrayDeque<>();
    private long newest = Long.MIN_VALUE;

    SeenFillIds(long horizonMillis) {
        this.horizonMillis = horizonMillis;
    }

    long horizonMillis() {
        return horizonMillis;
    }

    /** Whether a fill at {@code time} is older than anything still remembered could cover. */
    boolean isBeyondHorizon(long time) {
        return newest != Long.MIN_VALUE && time < cutoff();
    }

    boolean contains(String id) {
        return times.containsKey(id);
    }

    /** Remembers {@code id} and forgets every id that fell behind the horizon. */
    void add(String id, long time) {
        times.put(id, time);
        arrivals.addLast(new Seen(id, time));
        newest = Math.max(newest, time);
        long cutoff = cutoff();
        while (!arrivals.isEmpty() && arrivals.peekFirst().time() < cutoff) {
            times.remove(arrivals.pollFirst().id());
        }
    }

    int size() {
        return times.size();
    }

    private long cutoff() {
        // Saturating: a horizon of Long.MAX_VALUE never forgets.
        long cutoff = newest - horizonMillis;
        return cutoff > newest ? Long.MIN_VALUE : cutoff;
    }

    void writeTo(DataOutput out) throws IOException {
        out.writeLong(horizonMillis);
        out.writeLong(newest);
        out.writeInt(arrivals.size());
        for (Seen seen : arrivals) {
            out.writeUTF(seen.id());
            out.writeLong(seen.time());
        }
    }

    static SeenFillIds readFrom(DataInput in) throws IOException {
        SeenFillIds ids = new SeenFillIds(in.readLong());
        StateIo.check(ids.horizonMillis >= 0, "negative duplicate horizon");
        ids.newest = in.readLong();
        int count = StateIo.readCount(in, MAX_IDS, "seen id count");
        for (int i = 0; i < count; i++) {
            String id = in.readUTF();
            long time = in.readLong();
            ids.times.put(id, time);
            ids.arrivals.addLast(new Seen(id, time));
        }
        StateIo.check(ids.times.size() == count, "repeated fill id");
        return ids;
    }
}
