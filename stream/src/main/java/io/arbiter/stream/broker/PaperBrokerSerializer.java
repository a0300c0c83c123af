package io.arbiter.stream.broker;

import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

import io.arbiter.operators.broker.PaperBroker;
import io.arbiter.stream.state.DataStateSerializer;

import java.io.IOException;

/** Flink's serializer of a symbol's {@link PaperBroker}: its explicit binary form. */
public final class PaperBrokerSerializer extends DataStateSerializer<PaperBroker> {

    private static final long serialVersionUID = 1L;

    public static final PaperBrokerSerializer INSTANCE = new PaperBrokerSerializer();

    @Override
    protected void write(PaperBroker broker, DataOutputView target) throws IOException {
        broker.writeTo(target);
    }

    @Override
    protected PaperBroker read(DataInputView source) throws IOException {
        return PaperBroker.readFrom(source);
    }

    @Override
    public TypeSerializerSnapshot<PaperBroker> snapshotConfiguration() {
        return new Snapshot();
    }

    /** The format version lives in the bytes themselves, so the snapshot carries nothing. */
    public static final class Snapshot extends SimpleTypeSerializerSnapshot<PaperBroker> {
        public Snapshot() {
            super(() -> INSTANCE);
        }
    }
}
