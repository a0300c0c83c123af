package io.arbiter.operators.control;

import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.base.TypeSerializerSingleton;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.apache.flink.core.memory.DataOutputView;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Flink's serializer of a book's replay memory: the explicit binary form of {@link
 * SeenCommands#writeTo}, versioned inside, so state never falls back to Kryo and a savepoint stays
 * readable as the class evolves. The key is never part of it.
 */
public final class SeenCommandsSerializer extends TypeSerializerSingleton<SeenCommands> {

    private static final long serialVersionUID = 1L;

    public static final SeenCommandsSerializer INSTANCE = new SeenCommandsSerializer();

    @Override
    public boolean isImmutableType() {
        return false;
    }

    @Override
    public SeenCommands createInstance() {
        return SeenCommands.empty();
    }

    /** A deep copy through the binary form (used by copy-on-write snapshots). */
    @Override
    public SeenCommands copy(SeenCommands from) {
        try {
            DataOutputSerializer out = new DataOutputSerializer(256);
            from.writeTo(out);
            return SeenCommands.readFrom(
                    new DataInputDeserializer(out.getSharedBuffer(), 0, out.length()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public SeenCommands copy(SeenCommands from, SeenCommands reuse) {
        return copy(from);
    }

    @Override
    public int getLength() {
        return -1;
    }

    @Override
    public void serialize(SeenCommands record, DataOutputView target) throws IOException {
        record.writeTo(target);
    }

    @Override
    public SeenCommands deserialize(DataInputView source) throws IOException {
        return SeenCommands.readFrom(source);
    }

    @Override
    public SeenCommands deserialize(SeenCommands reuse, DataInputView source) throws IOException {
        return deserialize(source);
    }

    @Override
    public void copy(DataInputView source, DataOutputView target) throws IOException {
        serialize(deserialize(source), target);
    }

    @Override
    public TypeSerializerSnapshot<SeenCommands> snapshotConfiguration() {
        return new Snapshot();
    }

    /** The format version lives in the bytes themselves, so the snapshot carries nothing. */
    public static final class Snapshot extends SimpleTypeSerializerSnapshot<SeenCommands> {
        public Snapshot() {
            super(() -> INSTANCE);
        }
    }
}
