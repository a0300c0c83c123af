package io.arbiter.schemas.codec;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.message.BinaryMessageEncoder;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes one sample value of every released record in single-object encoding, as it went over the
 * wire in that release. Run once when a release is cut; the files are then frozen fixtures:
 *
 * <pre>{@code
 * mvn -pl schemas test-compile exec:java ... ReleasedFixtureWriter v1 schemas/src/test/resources/released/v1
 * }</pre>
 *
 * <p>Values are derived from the field names and types only, so the fixtures do not depend on the
 * generated classes of the time.
 */
public final class ReleasedFixtureWriter {

    private ReleasedFixtureWriter() {}

    public static void main(String[] args) throws Exception {
        String version = args[0];
        Path out = Path.of(args[1]);
        Files.createDirectories(out);
        Path released = Path.of("schemas/src/main/resources/io/arbiter/schemas/released", version);
        try (var files = Files.list(released)) {
            for (Path file : files.sorted().toList()) {
                Schema schema = new Schema.Parser().parse(file.toFile());
                GenericRecord sample = (GenericRecord) sample(schema, schema.getName(), 1);
                byte[] bytes = encode(schema, sample);
                Files.write(out.resolve(schema.getName() + ".bin"), bytes);
                System.out.println(schema.getName() + ": " + bytes.length + " bytes " + sample);
            }
        }
    }

    static byte[] encode(Schema schema, GenericRecord record) throws Exception {
        ByteBuffer buffer =
                new BinaryMessageEncoder<GenericRecord>(GenericData.get(), schema).encode(record);
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        return bytes;
    }

    /** A deterministic, non-default value for every type, so a lost field cannot go unnoticed. */
    static Object sample(Schema schema, String name, int seed) {
        switch (schema.getType()) {
            case RECORD:
                GenericRecord record = new GenericData.Record(schema);
                int i = seed;
                for (Schema.Field field : schema.getFields()) {
                    record.put(field.name(), sample(field.schema(), field.name(), ++i));
                }
                return record;
            case STRING:
                return name + "-" + seed;
            case LONG:
                return 1_600_000_000_000L + seed * 60_000L;
            case INT:
                return seed;
            case DOUBLE:
                return seed + 0.25;
            case FLOAT:
                return seed + 0.5f;
            case BOOLEAN:
                return seed % 2 == 0;
            case BYTES:
                return ByteBuffer.wrap(new byte[] {(byte) seed, 0, (byte) 0xff});
            case ENUM:
                List<String> symbols = schema.getEnumSymbols();
                return new GenericData.EnumSymbol(
                        schema, symbols.get(1 + seed % (symbols.size() - 1)));
            case ARRAY:
                List<Object> items = new ArrayList<>();
                items.add(sample(schema.getElementType(), name, seed));
                items.add(sample(schema.getElementType(), name, seed + 1));
                return items;
            case MAP:
                Map<String, Object> map = new LinkedHashMap<>();
                map.put(name + "-a", sample(schema.getValueType(), name, seed));
                map.put(name + "-b", sample(schema.getValueType(), name, seed + 1));
                return map;
            case UNION:
                Schema nonNull =
                        schema.getTypes().stream()
                                .filter(s -> s.getType() != Schema.Type.NULL)
                                .findFirst()
                                .orElseThrow();
                return sample(nonNull, name, seed);
            default:
                throw new IllegalArgumentException("No sample for " + schema);
        }
    }
}
