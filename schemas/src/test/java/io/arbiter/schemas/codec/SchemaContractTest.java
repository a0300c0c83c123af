package io.arbiter.schemas.codec;

import io.arbiter.schemas.Bar;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.apache.avro.data.TimeConversions;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.message.BinaryMessageDecoder;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The contract every topic's consumers rely on: each record is documented, every enum has a default
 * symbol, event times are timestamp-millis, and data written with any released schema is still read
 * by the current one (BACKWARD compatibility).
 */
class SchemaContractTest {

    /** Every record that goes over a topic; a new record must be added here and released. */
    static final List<String> RECORDS =
            List.of(
                    "Bar",
                    "Fill",
                    "ExternalSignal",
                    "ControlCommand",
                    "ModelSignal",
                    "TradeIntent",
                    "AllocationEvent",
                    "GovernanceEvent",
                    "HealthReport",
                    "DeadLetter",
                    "FeatureVector");

    private static final Set<String> EVENT_TIME_FIELDS = Set.of("time", "windowStart");
    private static final Set<String> ID_FIELDS =
            Set.of("symbol", "book", "model", "version", "modelVersion", "sourceTopic");

    static Stream<String> records() {
        return RECORDS.stream();
    }

    @ParameterizedTest
    @MethodSource("records")
    void currentSchemaReadsEveryReleasedWriterSchema(String record) throws Exception {
        Schema current = currentSchema(record);
        List<Schema> released = ReleasedSchemas.of(record);
        assertThat(released).as("released versions of %s", record).isNotEmpty();
        for (Schema writer : released) {
            var result = SchemaCompatibility.checkReaderWriterCompatibility(current, writer);
            assertThat(result.getType())
                    .as("%s: %s", record, result.getDescription())
                    .isEqualTo(SchemaCompatibilityType.COMPATIBLE);
        }
    }

    @ParameterizedTest
    @MethodSource("records")
    void recordWrittenByTheFirstReleaseDecodesIntoTheCurrentClass(String record) throws Exception {
        byte[] wire = fixture("/released/v1/" + record + ".bin");
        Schema v1 = ReleasedSchemas.of(record).get(0);

        Class<? extends SpecificRecord> type = currentClass(record);
        SpecificRecord decoded = AvroCodec.of(type).decode(wire);
        GenericRecord asWritten = decodeGeneric(v1, wire);

        // Every field the old writer wrote arrives with its value; fields added since take
        // defaults.
        for (Schema.Field field : v1.getFields()) {
            Object now = decoded.get(decoded.getSchema().getField(field.name()).pos());
            assertSameOnWrittenFields(
                    record + "." + field.name(), field.schema(), now, asWritten.get(field.name()));
        }
    }

    /**
     * Compares what the old writer wrote with what the current class holds, field by field of the
     * writer's schema, down into nested records and arrays (fields added since are skipped: they
     * hold their defaults).
     */
    private static void assertSameOnWrittenFields(
            String path, Schema writer, Object now, Object written) {
        if (writer.getType() == Schema.Type.RECORD
                && now instanceof org.apache.avro.generic.IndexedRecord current
                && written instanceof GenericRecord old) {
            for (Schema.Field field : writer.getFields()) {
                assertSameOnWrittenFields(
                        path + "." + field.name(),
                        field.schema(),
                        current.get(current.getSchema().getField(field.name()).pos()),
                        old.get(field.name()));
            }
        } else if (writer.getType() == Schema.Type.ARRAY
                && now instanceof List<?> currentItems
                && written instanceof List<?> oldItems) {
            assertThat(currentItems).as(path).hasSameSizeAs(oldItems);
            for (int i = 0; i < oldItems.size(); i++) {
                assertSameOnWrittenFields(
                        path + "[" + i + "]",
                        writer.getElementType(),
                        currentItems.get(i),
                        oldItems.get(i));
            }
        } else {
            assertThat(canonical(now)).as(path).isEqualTo(canonical(written));
        }
    }

    @ParameterizedTest
    @MethodSource("records")
    void everyRecordAndFieldIsDocumented(String record) throws Exception {
        List<String> undocumented = new ArrayList<>();
        walkNamedTypes(
                currentSchema(record),
                schema -> {
                    if (isBlank(schema.getDoc())) {
                        undocumented.add(schema.getFullName());
                    }
                    if (schema.getType() == Schema.Type.RECORD) {
                        for (Schema.Field field : schema.getFields()) {
                            if (isBlank(field.doc())) {
                                undocumented.add(schema.getName() + "." + field.name());
                            }
                        }
                    }
                });
        assertThat(undocumented).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("records")
    void everyEnumHasADefaultSymbolSoNewValuesNeverBreakOldReaders(String record) throws Exception {
        List<String> withoutDefault = new ArrayList<>();
        walkNamedTypes(
                currentSchema(record),
                schema -> {
                    if (schema.getType() == Schema.Type.ENUM && schema.getEnumDefault() == null) {
                        withoutDefault.add(schema.getFullName());
                    }
                });
        assertThat(withoutDefault).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("records")
    void eventTimesAreTimestampMillisAndIdsAreStrings(String record) throws Exception {
        walkNamedTypes(
                currentSchema(record),
                schema -> {
                    if (schema.getType() != Schema.Type.RECORD) {
                        return;
                    }
                    for (Schema.Field field : schema.getFields()) {
                        Schema type = nonNull(field.schema());
                        if (EVENT_TIME_FIELDS.contains(field.name())) {
                            assertThat(type.getLogicalType())
                                    .as("%s.%s", schema.getName(), field.name())
                                    .isNotNull();
                            assertThat(type.getLogicalType().getName())
                                    .isEqualTo("timestamp-millis");
                        }
                        if (field.name().endsWith("Id") || ID_FIELDS.contains(field.name())) {
                            assertThat(type.getType())
                                    .as("%s.%s", schema.getName(), field.name())
                                    .isEqualTo(Schema.Type.STRING);
                        }
                    }
                });
    }

    @ParameterizedTest
    @MethodSource("records")
    void releasedSchemaIsSelfContained(String record) {
        // A writer schema must parse alone: shared enums are inlined when a release is cut.
        for (Schema released : ReleasedSchemas.of(record)) {
            assertThat(released.getName()).isEqualTo(record);
        }
    }

    @org.junit.jupiter.api.Test
    void codecRoundTripsAndRejectsBytesThatAreNotAKnownSchema() throws Exception {
        AvroCodec<Bar> codec = AvroCodec.of(Bar.class);
        Bar bar =
                Bar.newBuilder()
                        .setSymbol("MSFT")
                        .setTime(Instant.parse("2000-09-27T00:00:00Z"))
                        .setIntervalMillis(86_400_000L)
                        .setOpen(63.4375)
                        .setHigh(63.5625)
                        .setLow(59.8125)
                        .setClose(60.625)
                        .setVolume(53_077_800)
                        .build();
        assertThat(codec.decode(codec.encode(bar))).isEqualTo(bar);

        assertThatThrownBy(() -> codec.decode("not avro".getBytes()))
                .hasMessageContaining("header");
        byte[] unknownFingerprint = codec.encode(bar);
        unknownFingerprint[5] ^= 0x5a;
        assertThatThrownBy(() -> codec.decode(unknownFingerprint)).hasMessageContaining("schema");
        assertThatThrownBy(() -> codec.decode(null)).isInstanceOf(IOException.class);
    }

    /** Avro's JSON text of a value, with map keys sorted (map order is not part of the data). */
    private static String canonical(Object value) {
        if (value instanceof java.util.Map<?, ?> map) {
            java.util.Map<String, String> sorted = new java.util.TreeMap<>();
            map.forEach((k, v) -> sorted.put(k.toString(), canonical(v)));
            return sorted.toString();
        }
        return GenericData.get().toString(value);
    }

    private static GenericRecord decodeGeneric(Schema writer, byte[] wire) throws IOException {
        GenericData model = new GenericData();
        model.addLogicalTypeConversion(new TimeConversions.TimestampMillisConversion());
        return new BinaryMessageDecoder<GenericRecord>(model, writer).decode(wire);
    }

    private static byte[] fixture(String path) throws IOException {
        try (InputStream in = SchemaContractTest.class.getResourceAsStream(path)) {
            assertThat(in).as("fixture %s", path).isNotNull();
            return in.readAllBytes();
        }
    }

    @SuppressWarnings("unchecked")
    private static Class<? extends SpecificRecord> currentClass(String record)
            throws ClassNotFoundException {
        return (Class<? extends SpecificRecord>) Class.forName("io.arbiter.schemas." + record);
    }

    private static Schema currentSchema(String record) throws ClassNotFoundException {
        return SpecificData.get().getSchema(currentClass(record));
    }

    private static Schema nonNull(Schema schema) {
        if (schema.getType() != Schema.Type.UNION) {
            return schema;
        }
        return schema.getTypes().stream()
                .filter(s -> s.getType() != Schema.Type.NULL)
                .findFirst()
                .orElseThrow();
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    /** Visits each named type (record, enum) reachable from {@code root} once. */
    private static void walkNamedTypes(Schema root, java.util.function.Consumer<Schema> visitor) {
        walk(root, visitor, new java.util.HashSet<>());
    }

    private static void walk(
            Schema schema, java.util.function.Consumer<Schema> visitor, Set<String> seen) {
        switch (schema.getType()) {
            case RECORD:
                if (seen.add(schema.getFullName())) {
                    visitor.accept(schema);
                    schema.getFields().forEach(f -> walk(f.schema(), visitor, seen));
                }
                break;
            case ENUM:
                if (seen.add(schema.getFullName())) {
                    visitor.accept(schema);
                }
                break;
            case ARRAY:
                walk(schema.getElementType(), visitor, seen);
                break;
            case MAP:
                walk(schema.getValueType(), visitor, seen);
                break;
            case UNION:
                schema.getTypes().forEach(t -> walk(t, visitor, seen));
                break;
            default:
                break;
        }
    }
}
