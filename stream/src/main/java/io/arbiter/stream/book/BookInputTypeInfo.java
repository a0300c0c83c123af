package io.arbiter.stream.book;

import org.apache.flink.api.common.serialization.SerializerConfig;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;

import io.arbiter.operators.book.BookInput;

/** The type of the stream into the books, served by {@link BookInputSerializer} (never Kryo). */
public final class BookInputTypeInfo extends TypeInformation<BookInput> {

    private static final long serialVersionUID = 1L;

    public static final BookInputTypeInfo INSTANCE = new BookInputTypeInfo();

    @Override
    public boolean isBasicType() {
        return false;
    }

    @Override
    public boolean isTupleType() {
        return false;
    }

    @Override
    public int getArity() {
        return 1;
    }

    @Override
    public int getTotalFields() {
        return 1;
    }

    @Override
    public Class<BookInput> getTypeClass() {
        return BookInput.class;
    }

    @Override
    public boolean isKeyType() {
        return false;
    }

    @Override
    public TypeSerializer<BookInput> createSerializer(SerializerConfig config) {
        return new BookInputSerializer();
    }

    @Override
    public String toString() {
        return "BookInput";
    }

    @Override
    public boolean equals(Object obj) {
        return obj instanceof BookInputTypeInfo;
    }

    @Override
    public int hashCode() {
        return BookInputTypeInfo.class.hashCode();
    }

    @Override
    public boolean canEqual(Object obj) {
        return obj instanceof BookInputTypeInfo;
    }
}
