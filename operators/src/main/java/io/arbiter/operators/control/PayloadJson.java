package io.arbiter.operators.control;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Writing of {@link CommandPayload}s as the JSON text a command carries. */
final class PayloadJson {

    static final String REASON = "reason";

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private PayloadJson() {}

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    /** Adds the reason unless it is empty (optional reasons are left out rather than ""). */
    static ObjectNode withReason(ObjectNode json, String reason) {
        return reason == null || reason.isEmpty() ? json : json.put(REASON, reason);
    }
}
