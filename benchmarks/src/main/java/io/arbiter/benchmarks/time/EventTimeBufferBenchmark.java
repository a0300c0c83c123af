package io.arbiter.benchmarks.time;

import io.arbiter.operators.time.EventTimeBuffer;
import io.arbiter.operators.time.LatePolicy;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * Nanoseconds per item held and released, for the structure that holds a key's items until the
 * watermark: the shared {@link EventTimeBuffer}, the sorted {@code ArrayList} with binary-search
 * insert the features operator used before it ({@code PendingBars}), and a {@code TreeMap<Long,
 * List>}. One structure per key over 1,000 keys, keys in rotation (as bars of many symbols arrive).
 *
 * <ul>
 *   <li>{@code inOrder}: each item one step after the last, the watermark one step behind, then
 *       released: one item held at a time, the features operator's steady state.
 *   <li>{@code shuffled}: items arrive shuffled within blocks of 8 steps and are released once per
 *       block: up to 8 held, most inserted behind others.
 * </ul>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx1g")
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class EventTimeBufferBenchmark {

    private static final int KEYS = 1000;
    private static final int BLOCK = 8;

    @Param({"buffer", "sortedList", "treeMap"})
    public String structure;

    @Param({"inOrder", "shuffled"})
    public String arrival;

    private Holder[] holders;
    private long[] offsets;
    private int key;
    private long step;

    /** One key's structure: hold an item at a time, release everything up to a time. */
    interface Holder {
        void hold(Object item, long time, long watermark);

        void release(long upTo, Blackhole out);
    }

    @Setup
    public void setUp() {
        holders = new Holder[KEYS];
        for (int k = 0; k < KEYS; k++) {
            holders[k] =
                    switch (structure) {
                        case "buffer" -> new Buffer();
                        case "sortedList" -> new SortedList();
                        default -> new Tree();
                    };
        }
        // The order of arrival within a block of 8 steps, the same for every block.
        offsets = new long[BLOCK];
        List<Long> order = new ArrayList<>();
        for (long i = 0; i < BLOCK; i++) {
            order.add(i);
        }
        if (arrival.equals("shuffled")) {
            Collections.shuffle(order, new Random(7));
        }
        for (int i = 0; i < BLOCK; i++) {
            offsets[i] = order.get(i);
        }
    }

    /** One item of one key held, and released when its block (or, in order, its step) is due. */
    @Benchmark
    public void holdAndRelease(Blackhole out) {
        Holder holder = holders[key];
        long blockStart = (step / BLOCK) * BLOCK;
        int inBlock = (int) (step % BLOCK);
        boolean inOrder = arrival.equals("inOrder");
        long time = inOrder ? step : blockStart + offsets[inBlock];
        long watermark = inOrder ? step - 1 : blockStart - 1;
        holder.hold(holder, time, watermark);
        if (inOrder) {
            holder.release(step, out);
        } else if (inBlock == BLOCK - 1) {
            holder.release(blockStart + BLOCK - 1, out);
        }
        if (++key == KEYS) {
            key = 0;
            step++;
        }
    }

    static final class Buffer implements Holder {
        private final EventTimeBuffer<Object> buffer =
                new EventTimeBuffer<>((a, b) -> 0, LatePolicy.REFUSE, 10_000);

        @Override
        public void hold(Object item, long time, long watermark) {
            buffer.offer(item, time, watermark);
        }

        @Override
        public void release(long upTo, Blackhole out) {
            buffer.releaseUpTo(upTo, out::consume);
        }
    }

    /** As {@code PendingBars} did: append when in order, else binary-search insert. */
    static final class SortedList implements Holder {
        private record Held(long time, Object item) {}

        private static final Comparator<Held> BY_TIME = Comparator.comparingLong(Held::time);
        private final List<Held> held = new ArrayList<>(4);

        @Override
        public void hold(Object item, long time, long watermark) {
            Held next = new Held(time, item);
            if (held.isEmpty() || held.get(held.size() - 1).time() < time) {
                held.add(next);
                return;
            }
            int at = Collections.binarySearch(held, next, BY_TIME);
            if (at < 0) {
                held.add(-at - 1, next);
            }
        }

        @Override
        public void release(long upTo, Blackhole out) {
            while (!held.isEmpty() && held.get(0).time() <= upTo) {
                out.consume(held.remove(0).item());
            }
        }
    }

    static final class Tree implements Holder {
        private final TreeMap<Long, List<Object>> held = new TreeMap<>();

        @Override
        public void hold(Object item, long time, long watermark) {
            held.computeIfAbsent(time, t -> new ArrayList<>(1)).add(item);
        }

        @Override
        public void release(long upTo, Blackhole out) {
            Map<Long, List<Object>> due = held.headMap(upTo, true);
            for (List<Object> items : due.values()) {
                items.forEach(out::consume);
            }
            due.clear();
        }
    }
}
