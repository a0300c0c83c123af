package io.arbiter.stream.state;

import org.apache.flink.api.common.typeutils.base.TypeSerializerSingleton;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.apache.flink.core.memory.DataOutputView;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Flink's serializer of a state class through its own explicit binary form ({@code writeTo} /
 * {@code readFrom}, versioned inside), so state never falls back to Kryo and a savepoint stays
 * readable as the classes evolve. A subclass names the two methods and its snapshot.
 */
public abstract class DataStateSerializer<T> extends TypeSerializerSingleton<T> {

    private static final long serialVersionUID = 1L;

    private final int copyBufferBytes;

    /**
     * @param copyBufferBytes the first size of the buffer a deep copy writes through
     */
    protected DataStateSerializer(int copyBufferBytes) {
        this.copyBufferBytes = copyBufferBytes;
    }

    protected DataStateSerializer() {
        this(1024);
    }

    protected abstract void write(T record, DataOutputView target) throws IOException;

    protected abstract T read(DataInputView source) throws IOException;

    @Override
    public boolean isImmutableType() {
        return false;
    }

    @Override
    public T createInstance() {
        return null; // no meaningful empty state: a new one is created for its key
    }

    /** A deep copy through the binary form (used by copy-on-write snapshots). */
    @Override
    public T copy(T from) {
        try {
            DataOutputSerializer out = new DataOutputSerializer(copyBufferBytes);
            write(from, out);
            return read(new DataInputDeserializer(out.getSharedBuffer(), 0, out.length()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public T copy(T from, T reuse) {
        return copy(from);
    }

    @Override
    public int getLength() {
        return -1;
    }

    @Override
    public void serialize(T record, DataOutputView target) throws IOException {
        write(record, target);
    }

    @Override
    public T deserialize(DataInputView source) throws IOException {
        return read(source);
    }

    @Override
    public T deserialize(T reuse, DataInputView source) throws IOException {
        return read(source);
    }

    @Override
    public void copy(DataInputView source, DataOutputView target) throws IOException {
        write(read(source), target);
    }
}
