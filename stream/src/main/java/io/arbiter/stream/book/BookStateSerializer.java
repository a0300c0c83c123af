package io.arbiter.stream.book;

import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

import io.arbiter.operators.book.BookInputCodec;
import io.arbiter.operators.book.BookState;
import io.arbiter.stream.state.DataStateSerializer;

import java.io.IOException;

/**
 * Flink's serializer of a book's state: the explicit binary form of {@link BookState#writeTo},
 * versioned inside ({@link BookState#FORMAT}), so state never falls back to Kryo and a savepoint
 * stays readable as the classes evolve. A book is created with its name and policy, so there is no
 * empty instance.
 */
public final class BookStateSerializer extends DataStateSerializer<BookState> {

    private static final long serialVersionUID = 1L;

    public static final BookStateSerializer INSTANCE = new BookStateSerializer();

    // Avro's message encoder and decoder are thread-safe, so one codec serves every duplicate.
    private transient BookInputCodec codec;

    private BookStateSerializer() {
        super(8192);
    }

    private BookInputCodec codec() {
        if (codec == null) {
            codec = new BookInputCodec();
        }
        return codec;
    }

    @Override
    protected void write(BookState record, DataOutputView target) throws IOException {
        record.writeTo(target, codec());
    }

    @Override
    protected BookState read(DataInputView source) throws IOException {
        return BookState.readFrom(source, codec());
    }

    @Override
    public TypeSerializerSnapshot<BookState> snapshotConfiguration() {
        return new Snapshot();
    }

    /** The format version lives in the bytes themselves, so the snapshot carries nothing. */
    public static final class Snapshot extends SimpleTypeSerializerSnapshot<BookState> {
        public Snapshot() {
            super(() -> INSTANCE);
        }
    }
}
