package io.arbiter.stream.broker;

import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

import io.arbiter.operators.broker.PendingInputs;
import io.arbiter.stream.state.DataStateSerializer;

import java.io.IOException;

/** Flink's serializer of a symbol's {@link PendingInputs}: its explicit binary form. */
public final class PendingInputsSerializer extends DataStateSerializer<PendingInputs> {

    private static final long serialVersionUID = 1L;

    public static final PendingInputsSerializer INSTANCE = new PendingInputsSerializer();

    @Override
    protected void write(PendingInputs pending, DataOutputView target) throws IOException {
        pending.writeTo(target);
    }

    @Override
    protected PendingInputs read(DataInputView source) throws IOException {
        return PendingInputs.readFrom(source);
    }

    @Override
    public TypeSerializerSnapshot<PendingInputs> snapshotConfiguration() {
        return new Snapshot();
    }

    /** The format version lives in the bytes themselves, so the snapshot carries nothing. */
    public static final class Snapshot extends SimpleTypeSerializerSnapshot<PendingInputs> {
        public Snapshot() {
            super(() -> INSTANCE);
        }
    }
}
