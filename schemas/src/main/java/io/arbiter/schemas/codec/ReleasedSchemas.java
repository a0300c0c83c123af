package io.arbiter.schemas.codec;

import org.apache.avro.Schema;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The writer schemas of every released version of a record, kept as resources so that a reader
 * built today still decodes what an older producer wrote.
 *
 * <p>Each release adds a folder {@code released/vN/} beside this class's package; a schema change
 * that an older writer's data cannot be resolved against fails {@code SchemaContractTest}.
 */
public final class ReleasedSchemas {

    /** Released versions, oldest first. Add the new folder here when a schema change ships. */
    public static final List<String> VERSIONS = List.of("v1");

    private static final String ROOT = "/io/arbiter/schemas/released/";

    private ReleasedSchemas() {}

    /** Every released writer schema of the record with this simple name, oldest first. */
    public static List<Schema> of(String recordName) {
        List<Schema> schemas = new ArrayList<>();
        for (String version : VERSIONS) {
            String path = ROOT + version + "/" + recordName + ".avsc";
            try (InputStream in = ReleasedSchemas.class.getResourceAsStream(path)) {
                if (in != null) {
                    schemas.add(new Schema.Parser().parse(in));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read released schema " + path, e);
            }
        }
        return schemas;
    }
}
