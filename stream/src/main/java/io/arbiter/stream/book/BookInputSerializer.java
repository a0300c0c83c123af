package io.arbiter.stream.book;

import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

import io.arbiter.operators.book.BookInput;
import io.arbiter.operators.book.BookInputCodec;

import java.io.IOException;

/**
 * Flink's serializer of the stream into the books: {@link BookInputCodec}'s compact binary form
 * (signals and fills field by field), instead of an Avro wrapper record encoded and decoded on
 * every hop. Inputs are immutable once built, so a copy is the same object.
 */
public final class BookInputSerializer extends TypeSerializer<BookInput> {

    private static final long serialVersionUID = 1L;

    private transient BookInputCodec codec;

    private BookInputCodec codec() {
        if (codec == null) {
            codec = new BookInputCodec();
        }
        return codec;
    }

    @Override
    public boolean isImmutableType() {
        return true;
    }

    @Override
    public TypeSerializer<BookInput> duplicate() {
        return new BookInputSerializer(); // its Avro codecs are per instance
    }

    @Override
    public BookInput createInstance() {
        return null;
    }

    @Override
    public BookInput copy(BookInput from) {
        return from;
    }

    @Override
    public BookInput copy(BookInput from, BookInput reuse) {
        return from;
    }

    @Override
    public int getLength() {
        return -1;
    }

    @Override
    public void serialize(BookInput record, DataOutputView target) throws IOException {
        codec().write(record, target);
    }

    @Override
    public BookInput deserialize(DataInputView source) throws IOException {
        return codec().read(source);
    }

    @Override
    public BookInput deserialize(BookInput reuse, DataInputView source) throws IOException {
        return deserialize(source);
    }

    @Override
    public void copy(DataInputView source, DataOutputView target) throws IOException {
        serialize(deserialize(source), target);
    }

    @Override
    public boolean equals(Object obj) {
        return obj instanceof BookInputSerializer;
    }

    @Override
    public int hashCode() {
        return BookInputSerializer.class.hashCode();
    }

    @Override
    public TypeSerializerSnapshot<BookInput> snapshotConfiguration() {
        return new Snapshot();
    }

    /**
     * The layout's version is the storing state's ({@link
     * io.arbiter.operators.book.BookState#FORMAT}); on the wire between operators both ends are one
     * build.
     */
    public static final class Snapshot extends SimpleTypeSerializerSnapshot<BookInput> {
        public Snapshot() {
            super(BookInputSerializer::new);
        }
    }
}
