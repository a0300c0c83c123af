package io.arbiter.stream.book;

import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

import io.arbiter.operators.book.BookDesk;
import io.arbiter.stream.state.DataStateSerializer;

import java.io.IOException;

/**
 * Flink's serializer of a book's state: the explicit binary form of {@link BookDesk#writeTo},
 * versioned inside, so state never falls back to Kryo. A book is created with its name and policy,
 * so there is no empty instance.
 */
public final class BookDeskSerializer extends DataStateSerializer<BookDesk> {

    private static final long serialVersionUID = 1L;

    public static final BookDeskSerializer INSTANCE = new BookDeskSerializer();

    private BookDeskSerializer() {
        super(4096);
    }

    @Override
    protected void write(BookDesk record, DataOutputView target) throws IOException {
        record.writeTo(target);
    }

    @Override
    protected BookDesk read(DataInputView source) throws IOException {
        return BookDesk.readFrom(source);
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
