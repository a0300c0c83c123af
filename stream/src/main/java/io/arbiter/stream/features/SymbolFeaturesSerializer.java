package io.arbiter.stream.features;

import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

import io.arbiter.operators.features.SymbolFeatures;
import io.arbiter.stream.state.DataStateSerializer;

import java.io.IOException;

/**
 * Flink's serializer of a symbol's feature state: the explicit binary form of {@link
 * SymbolFeatures#writeTo}, versioned inside, so state never falls back to Kryo and a savepoint
 * stays readable as the classes evolve. There is no meaningful empty state: a new symbol is created
 * with its name.
 */
public final class SymbolFeaturesSerializer extends DataStateSerializer<SymbolFeatures> {

    private static final long serialVersionUID = 1L;

    public static final SymbolFeaturesSerializer INSTANCE = new SymbolFeaturesSerializer();

    private SymbolFeaturesSerializer() {
        super(4096);
    }

    @Override
    protected void write(SymbolFeatures record, DataOutputView target) throws IOException {
        record.writeTo(target);
    }

    @Override
    protected SymbolFeatures read(DataInputView source) throws IOException {
        return SymbolFeatures.readFrom(source);
    }

    @Override
    public TypeSerializerSnapshot<SymbolFeatures> snapshotConfiguration() {
        return new Snapshot();
    }

    /** The format version lives in the bytes themselves, so the snapshot carries nothing. */
    public static final class Snapshot extends SimpleTypeSerializerSnapshot<SymbolFeatures> {
        public Snapshot() {
            super(() -> INSTANCE);
        }
    }
}
