package io.arbiter.operators.features;

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
 * Flink's serializer of a symbol's feature state: the explicit binary form of {@link
 * SymbolFeatures#writeTo}, versioned inside, so state never falls back to Kryo and a savepoint
 * stays readable as the classes evolve.
 */
public final class SymbolFeaturesSerializer extends TypeSerializerSingleton<SymbolFeatures> {

    private static final long serialVersionUID = 1L;

    public static final SymbolFeaturesSerializer INSTANCE = new SymbolFeaturesSerializer();

    @Override
    public boolean isImmutableType() {
        return false;
    }

    @Override
    public SymbolFeatures createInstance() {
        return null; // there is no meaningful empty state: a new symbol is created with its name
    }

    /** A deep copy through the binary form (used by copy-on-write snapshots). */
    @Override
    public SymbolFeatures copy(SymbolFeatures from) {
        try {
            DataOutputSerializer out = new DataOutputSerializer(4096);
            from.writeTo(out);
            return SymbolFeatures.readFrom(
                    new DataInputDeserializer(out.getSharedBuffer(), 0, out.length()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public SymbolFeatures copy(SymbolFeatures from, SymbolFeatures reuse) {
        return copy(from);
    }

    @Override
    public int getLength() {
        return -1;
    }

    @Override
    public void serialize(SymbolFeatures record, DataOutputView target) throws IOException {
        record.writeTo(target);
    }

    @Override
    public SymbolFeatures deserialize(DataInputView source) throws IOException {
        return SymbolFeatures.readFrom(source);
    }

    @Override
    public SymbolFeatures deserialize(SymbolFeatures reuse, DataInputView source)
            throws IOException {
        return deserialize(source);
    }

    @Override
    public void copy(DataInputView source, DataOutputView target) throws IOException {
        serialize(deserialize(source), target);
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
