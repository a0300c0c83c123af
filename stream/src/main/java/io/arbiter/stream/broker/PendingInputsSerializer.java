package io.arbiter.stream.broker;

import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

import io.arbiter.operators.broker.BrokerInput;
import io.arbiter.operators.broker.HeldInputs;
import io.arbiter.operators.time.EventTimeBuffer;
import io.arbiter.stream.state.DataStateSerializer;

import java.io.IOException;

/**
 * Flink's serializer of a symbol's records held for the watermark: the explicit binary form of
 * {@link HeldInputs}, versioned inside (format 2, the event-time buffer's form; format 1, the
 * former {@code PendingInputs} list, is still read). Its name and its snapshot's are those the
 * savepoints of the former {@code PendingInputs} state recorded, so they restore with it.
 */
public final class PendingInputsSerializer
        extends DataStateSerializer<EventTimeBuffer<BrokerInput>> {

    private static final long serialVersionUID = 1L;

    public static final PendingInputsSerializer INSTANCE = new PendingInputsSerializer();

    @Override
    protected void write(EventTimeBuffer<BrokerInput> held, DataOutputView target)
            throws IOException {
        HeldInputs.writeTo(held, target);
    }

    @Override
    protected EventTimeBuffer<BrokerInput> read(DataInputView source) throws IOException {
        return HeldInputs.readFrom(source);
    }

    @Override
    public TypeSerializerSnapshot<EventTimeBuffer<BrokerInput>> snapshotConfiguration() {
        return new Snapshot();
    }

    /** The format version lives in the bytes themselves, so the snapshot carries nothing. */
    public static final class Snapshot
            extends SimpleTypeSerializerSnapshot<EventTimeBuffer<BrokerInput>> {
        public Snapshot() {
            super(() -> INSTANCE);
        }
    }
}
