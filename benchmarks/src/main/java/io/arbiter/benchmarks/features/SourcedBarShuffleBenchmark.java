package io.arbiter.benchmarks.features;

import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.apache.flink.formats.avro.typeutils.AvroTypeInfo;

import io.arbiter.schemas.SourcedBar;
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

import java.io.IOException;
import java.util.concurrent.TimeUnit;

/**
 * Nanoseconds per bar for what the keyBy(symbol) shuffle does with each {@link SourcedBar}: Flink's
 * Avro serializer writes it into a buffer and reads it back, as the network stack between the
 * source and the feature function does. {@code rawBytes} says whether the bar carries the Kafka key
 * and value bytes the source read it from (for a dead letter built from them later) or not, so the
 * difference is what carrying them costs each bar; {@code serializedBytes} reports the size.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xmx1g", "-Dorg.apache.avro.SERIALIZABLE_PACKAGES=io.arbiter.schemas"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class SourcedBarShuffleBenchmark {

    @Param({"false", "true"})
    public boolean rawBytes;

    private static final int BARS = 4096;

    private SourcedBar[] bars;
    private TypeSerializer<SourcedBar> serializer;
    private final DataOutputSerializer out = new DataOutputSerializer(512);
    private final DataInputDeserializer in = new DataInputDeserializer();
    private int cursor;

    @Setup
    public void setUp() {
        SyntheticBars synthetic = SyntheticBars.generate(64, BARS / 64, 42);
        bars = new SourcedBar[BARS];
        for (int i = 0; i < BARS; i++) {
            SourcedBar sourced = synthetic.sourced(i, 4);
            if (!rawBytes) {
                sourced.setRawKey(null);
                sourced.setRawValue(null);
            }
            bars[i] = sourced;
        }
        serializer =
                new AvroTypeInfo<>(SourcedBar.class).createSerializer(new SerializerConfigImpl());
    }

    /** One bar out and back in, as between two tasks. */
    @Benchmark
    public SourcedBar serializeAndDeserialize() throws IOException {
        SourcedBar bar = bars[cursor];
        cursor = (cursor + 1) & (BARS - 1);
        out.clear();
        serializer.serialize(bar, out);
        in.setBuffer(out.getSharedBuffer(), 0, out.length());
        return serializer.deserialize(in);
    }

    /** The serialized size of one bar, for the report (not a timing). */
    public static void main(String[] args) throws IOException {
        for (boolean raw : new boolean[] {false, true}) {
            SourcedBarShuffleBenchmark b = new SourcedBarShuffleBenchmark();
            b.rawBytes = raw;
            b.setUp();
            b.out.clear();
            b.serializer.serialize(b.bars[0], b.out);
            System.out.println("rawBytes=" + raw + ": " + b.out.length() + " bytes per bar");
        }
    }
}
