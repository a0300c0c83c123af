package io.arbiter.jobs.control;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.arbiter.schemas.ControlCommand;

import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A control command as one line of JSON, fields in canonical order, for {@code --dry-run} and for
 * people: {@code time} as ISO-8601 and {@code timeMillis} as the number the signature covers.
 */
public final class CommandJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private CommandJson() {}

    public static String of(ControlCommand command) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("commandId", command.getCommandId());
        fields.put("book", command.getBook());
        fields.put("type", command.getType().name());
        fields.put("model", command.getModel());
        fields.put("payload", command.getPayload());
        fields.put("issuer", command.getIssuer());
        fields.put("time", command.getTime().toString());
        fields.put("timeMillis", command.getTime().toEpochMilli());
        fields.put("signature", command.getSignature());
        try {
            return MAPPER.writeValueAsString(fields);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
