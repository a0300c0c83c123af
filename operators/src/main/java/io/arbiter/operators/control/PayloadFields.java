package io.arbiter.operators.control;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads the fields of one command payload (a JSON object), collecting every violation instead of
 * stopping at the first. Parsing is strict because the payload is what a person signed: a
 * duplicated key (which value counts?), trailing text or a misspelt field is refused, never guessed
 * at.
 */
final class PayloadFields {

    private static final ObjectMapper STRICT =
            new ObjectMapper()
                    .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                    .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private final JsonNode root;
    private final List<String> violations;

    private PayloadFields(JsonNode root, List<String> violations) {
        this.root = root;
        this.violations = violations;
    }

    /**
     * The fields of {@code text}; when it is not a JSON object, the violation is recorded and every
     * field reads as absent.
     */
    static PayloadFields parse(String text, String example, List<String> violations) {
        if (text == null || text.isBlank()) {
            violations.add("payload: empty; expected a JSON object such as " + example);
            return new PayloadFields(null, violations);
        }
        JsonNode root;
        try {
            root = STRICT.readTree(text);
        } catch (IOException e) {
            violations.add("payload: not valid JSON (" + firstLine(e.getMessage()) + ")");
            return new PayloadFields(null, violations);
        }
        if (root == null || !root.isObject()) {
            violations.add("payload: must be a JSON object such as " + example);
            return new PayloadFields(null, violations);
        }
        return new PayloadFields(root, violations);
    }

    /** A non-blank text; null (and a violation) when absent or not text. */
    String requiredText(String name) {
        JsonNode node = node(name);
        if (node == null) {
            violations.add("payload." + name + ": missing");
            return null;
        }
        if (!node.isTextual() || node.asText().isBlank()) {
            violations.add("payload." + name + ": must be a non-blank text");
            return null;
        }
        return node.asText();
    }

    /** A text, "" when absent. */
    String optionalText(String name) {
        JsonNode node = node(name);
        if (node == null) {
            return "";
        }
        if (!node.isTextual()) {
            violations.add("payload." + name + ": must be a text");
            return "";
        }
        return node.asText();
    }

    /** A number, NaN when absent (no violation) or not a number (a violation). */
    double number(String name) {
        JsonNode node = node(name);
        if (node == null) {
            return Double.NaN;
        }
        if (!node.isNumber()) {
            violations.add("payload." + name + ": '" + node.asText() + "' is not a number");
            return Double.NaN;
        }
        double value = node.asDouble();
        if (!Double.isFinite(value)) {
            violations.add("payload." + name + ": " + node.asText() + " is not a finite number");
            return Double.NaN;
        }
        return value;
    }

    boolean has(String name) {
        return node(name) != null;
    }

    /** Records a violation for every field not in {@code accepted}. */
    void rejectOthers(Set<String> accepted) {
        if (root == null) {
            return;
        }
        Iterator<String> names = root.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!accepted.contains(name)) {
                violations.add(
                        "payload."
                                + name
                                + ": unknown field (accepted: "
                                + String.join(", ", new TreeSet<>(accepted))
                                + ")");
            }
        }
    }

    void violation(String message) {
        violations.add(message);
    }

    List<String> violations() {
        return new ArrayList<>(violations);
    }

    private JsonNode node(String name) {
        if (root == null) {
            return null;
        }
        JsonNode node = root.get(name);
        return node == null || node.isNull() ? null : node;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
