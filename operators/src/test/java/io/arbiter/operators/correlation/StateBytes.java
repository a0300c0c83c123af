package io.arbiter.operators.correlation;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInput;
import java.io.DataInputStream;
import java.io.DataOutput;
import java.io.DataOutputStream;
import java.io.IOException;

/** Round-trips correlation state through bytes in tests. */
final class StateBytes {

    interface Writer {
        void writeTo(DataOutput out) throws IOException;
    }

    interface Reader<T> {
        T readFrom(DataInput in) throws IOException;
    }

    private StateBytes() {}

    static byte[] of(Writer writer) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            writer.writeTo(out);
        }
        return bytes.toByteArray();
    }

    static <T> T read(byte[] bytes, Reader<T> reader) throws IOException {
        return reader.readFrom(new DataInputStream(new ByteArrayInputStream(bytes)));
    }
}
