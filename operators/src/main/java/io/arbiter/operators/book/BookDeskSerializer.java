package io.arbiter.operators.book;

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
 * Flink's serializer of a book's state: the explicit binary form of {@link BookDesk#writeTo},
 * versioned inside, so state never falls back to Kryo.
 */
public final class BookDeskSerializer extends TypeSerializerSingleton<BookDesk> {

    private static final long serialVersionUID = 1L;

    public static final BookDeskSerializer INSTANCE = new BookDeskSerializer();

    @Override
    public boolean isImmutableType() {
        return false;
    }

    @Override
    public BookDesk createInstance() {
        return null; // a book is created with its name and policy
    }

    @Override
    public BookDesk copy(BookDesk from) {
        try {
            DataOutputSerializer out = new DataOutputSerializer(4096);
            from.writeTo(out);
            return BookDesk.readFrom(
                    new DataInputDeserializer(out.getSharedBuffer(), 0, out.length()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public BookDesk copy(BookDesk from, BookDesk reuse) {
        return copy(from);
    }

    @Override
    public int getLength() {
        return -1;
    }

    @Override
    public void serialize(BookDesk record, DataOutputView target) throws IOException {
        record.writeTo(target);
    }

    @Override
    public BookDesk deserialize(DataInputView source) throws IOException {
        return BookDesk.readFrom(source);
    }

    @Override
    public BookDesk deserialize(BookDesk reuse, DataInputView source) throws IOException {
        return deserialize(source);
    }

    @Override
    public void copy(DataInputView source, DataOutputView target) throws IOException {
        serialize(deserialize(source), target);
    }

    @Override
    public TypeSerializerSnapshot<BookDesk> snapshotConfiguration() {
        return new Snapshot();
    }

    /** The format version lives in the bytes themselves, so the snapshot carries nothing. */
    public static final class Snapshot extends SimpleTypeSerializerSnapshot<BookDesk> {
        public Snapshot() {
            super(() -> INSTANCE);
        }
    }
}
