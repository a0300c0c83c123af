package io.arbiter.benchmarks.minicluster;

import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts what reaches it. Counts live in a static map because the local MiniCluster runs in this
 * JVM: each writer counts locally and adds its total once, when it closes at the end of input, so
 * counting costs the measured job one increment per record. A writer closing marks the end of the
 * {@link JobWindow}.
 */
public final class CountingSink<T> implements Sink<T> {
    private static final long serialVersionUID = 1L;
    private static final Map<String, LongAdder> COUNTS = new ConcurrentHashMap<>();

    private final String counter;

    public CountingSink(String counter) {
        this.counter = counter;
    }

    /** Forgets every count; call before each job. */
    public static void reset() {
        COUNTS.clear();
    }

    /** What the writers of {@code counter} counted, once the job has finished. */
    public static long count(String counter) {
        LongAdder count = COUNTS.get(counter);
        return count == null ? 0 : count.sum();
    }

    @Override
    public SinkWriter<T> createWriter(WriterInitContext context) {
        LongAdder total = COUNTS.computeIfAbsent(counter, name -> new LongAdder());
        return new SinkWriter<>() {
            private long seen;

            @Override
            public void write(T element, Context context) {
                seen++;
            }

            @Override
            public void flush(boolean endOfInput) {}

            @Override
            public void close() {
                total.add(seen);
                seen = 0;
                JobWindow.markSinkClosed();
            }
        };
    }
}
