package io.arbiter.stream.models;

import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

import io.arbiter.operators.time.EventTimeBuffer;
import io.arbiter.operators.time.LatePolicy;
import io.arbiter.schemas.ExternalSignal;
import io.arbiter.stream.state.DataStateSerializer;

import java.io.IOException;

/**
 * Flink's serializer of a symbol's {@link WaitingSignals}: the event-time buffer's own binary form,
 * versioned by its format byte; each signal in Avro's single-object encoding, whose fingerprint
 * lets a later schema read it.
 */
public final class WaitingSignalsSerializer
        extends DataStateSerializer<EventTimeBuffer<ExternalSignal>> {

    private static final long serialVersionUID = 1L;

    public static final WaitingSignalsSerializer INSTANCE = new WaitingSignalsSerializer();

    private WaitingSignalsSerializer() {
        super(256);
    }

    @Override
    protected void write(EventTimeBuffer<ExternalSignal> waiting, DataOutputView target)
            throws IOException {
        waiting.writeTo(target, WaitingSignals.WRITER);
    }

    @Override
    protected EventTimeBuffer<ExternalSignal> read(DataInputView source) throws IOException {
        return EventTimeBuffer.readFrom(
                source,
                WaitingSignals.READER,
                WaitingSignals.ORDER,
                LatePolicy.AT_ONCE,
                Integer.MAX_VALUE);
    }

    @Override
    public TypeSerializerSnapshot<EventTimeBuffer<ExternalSignal>> snapshotConfiguration() {
        return new Snapshot();
    }

    /** The format version lives in the bytes themselves, so the snapshot carries nothing. */
    public static final class Snapshot
            extends SimpleTypeSerializerSnapshot<EventTimeBuffer<ExternalSignal>> {
        public Snapshot() {
            super(() -> INSTANCE);
        }
    }
}
