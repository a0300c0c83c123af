package io.arbiter.stream.control;

import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

import io.arbiter.operators.control.SeenCommands;
import io.arbiter.stream.state.DataStateSerializer;

import java.io.IOException;

/**
 * Flink's serializer of a book's replay memory: the explicit binary form of {@link
 * SeenCommands#writeTo}, versioned inside, so state never falls back to Kryo and a savepoint stays
 * readable as the class evolves. The key is never part of it.
 */
public final class SeenCommandsSerializer extends DataStateSerializer<SeenCommands> {

    private static final long serialVersionUID = 1L;

    public static final SeenCommandsSerializer INSTANCE = new SeenCommandsSerializer();

    private SeenCommandsSerializer() {
        super(256);
    }

    @Override
    public SeenCommands createInstance() {
        return SeenCommands.empty();
    }

    @Override
    protected void write(SeenCommands record, DataOutputView target) throws IOException {
        record.writeTo(target);
    }

    @Override
    protected SeenCommands read(DataInputView source) throws IOException {
        return SeenCommands.readFrom(source);
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
