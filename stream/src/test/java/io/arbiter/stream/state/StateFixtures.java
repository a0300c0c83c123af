package io.arbiter.stream.state;

import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * Shared by the state fixtures under {@code stream/src/test/resources/state/}: each holds the bytes
 * some state had in a released format and what the code of that time made of them next (the
 * continuation), so a later format must keep reading them into the same state. See {@code
 * state/README.md} for which commit wrote each.
 */
public final class StateFixtures {

    private StateFixtures() {}

    /** A resource on the test class path, whole. */
    public static byte[] resource(String path) {
        try (InputStream in = StateFixtures.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing fixture " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A resource copied to a temporary file, for readers that take a path. */
    public static Path file(String path) {
        try {
            Path file = Files.createTempFile("state-fixture", ".bin");
            file.toFile().deleteOnExit();
            Files.write(file, resource(path));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The continuation lines of a fixture, as written by {@link #writeLines}. */
    public static List<String> lines(String path) {
        return new String(resource(path), StandardCharsets.UTF_8).lines().toList();
    }

    /** What {@code serializer} writes for {@code value}: the bytes a savepoint holds. */
    public static <T> byte[] serialize(TypeSerializer<T> serializer, T value) {
        try {
            DataOutputSerializer out = new DataOutputSerializer(1024);
            serializer.serialize(value, out);
            return out.getCopyOfBuffer();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads {@code bytes} with {@code serializer}, requiring every byte to be consumed. */
    public static <T> T deserialize(TypeSerializer<T> serializer, byte[] bytes) {
        try {
            DataInputDeserializer in = new DataInputDeserializer(bytes);
            T value = serializer.deserialize(in);
            if (in.available() != 0) {
                throw new IllegalStateException(in.available() + " bytes left unread");
            }
            return value;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void writeBytes(Path file, byte[] bytes) throws IOException {
        Files.createDirectories(file.getParent());
        Files.write(file, bytes);
    }

    public static void writeLines(Path file, List<String> lines) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
    }

    /** SHA-256 of the remaining bytes, hex: names a large byte field in a continuation line. */
    public static String sha256(ByteBuffer bytes) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(bytes.duplicate());
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
