package io.arbiter.benchmarks.minicluster;

import org.apache.flink.api.common.eventtime.SerializableTimestampAssigner;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Index → element of an array prepared before anything is timed, so a {@code fromSequence(0, n -
 * 1).map(new ReplayArray<>(slot))} source replays records without creating them. The array sits in
 * a static slot because the local MiniCluster's tasks run in this JVM and it is far too big to ship
 * inside the job graph; each task looks it up once, in {@code open}. The first record served marks
 * the start of the {@link JobWindow}.
 *
 * <pre>{@code
 * try (ReplayArray.Held held = ReplayArray.hold("bars", bars)) {
 *     DataStream<SourcedBar> replayed =
 *             ReplayArray.source(env, bars.length, "bars", type, (bar, previous) -> time(bar));
 *     ...
 *     env.execute();
 * }
 * }</pre>
 */
public final class ReplayArray<T> extends RichMapFunction<Long, T> {
    private static final long serialVersionUID = 1L;
    private static final Map<String, Object[]> SLOTS = new ConcurrentHashMap<>();

    private final String slot;
    private transient Object[] array;
    private transient boolean started;

    public ReplayArray(String slot) {
        this.slot = slot;
    }

    /**
     * The first {@code n} elements of the array held in {@code slot} as a stream: {@code
     * fromSequence(0, n - 1)} split evenly over the parallelism, mapped to the elements, with
     * monotonous event-time watermarks (Flink's default 200 ms interval) from {@code eventTime}.
     * Operators are named and given uids after {@code slot}.
     */
    public static <T> DataStream<T> source(
            StreamExecutionEnvironment env,
            long n,
            String slot,
            TypeInformation<T> type,
            SerializableTimestampAssigner<T> eventTime) {
        return env.fromSequence(0, n - 1)
                .uid(slot + "-index")
                .name(slot + " index")
                .map(new ReplayArray<T>(slot))
                .returns(type)
                .uid(slot)
                .name(slot)
                .assignTimestampsAndWatermarks(
                        WatermarkStrategy.<T>forMonotonousTimestamps()
                                .withTimestampAssigner(eventTime))
                .uid(slot + "-watermarks")
                .name(slot + " watermarks");
    }

    /** Puts {@code array} in {@code slot} until the returned handle is closed. */
    public static Held hold(String slot, Object[] array) {
        if (SLOTS.putIfAbsent(slot, array) != null) {
            throw new IllegalStateException("replay slot " + slot + " is already held");
        }
        return () -> SLOTS.remove(slot);
    }

    @Override
    public void open(OpenContext context) {
        array = SLOTS.get(slot);
        if (array == null) {
            throw new IllegalStateException("nothing held in replay slot " + slot);
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public T map(Long index) {
        if (!started) {
            started = true;
            JobWindow.markFirstRecord();
        }
        return (T) array[(int) (long) index];
    }

    /** Releases the slot. */
    public interface Held extends AutoCloseable {
        @Override
        void close();
    }
}
