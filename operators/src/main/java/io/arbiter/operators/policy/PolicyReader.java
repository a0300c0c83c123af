package io.arbiter.operators.policy;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Reads typed values out of a parsed policy tree, collecting every violation instead of stopping at
 * the first, and noticing keys nobody asked for (a misspelt threshold must not silently fall back
 * to its default).
 */
final class PolicyReader {

    private final JsonNode root;
    private final List<String> violations = new ArrayList<>();
    private final Set<String> read = new HashSet<>();

    PolicyReader(JsonNode root) {
        this.root = root;
    }

    List<String> violations() {
        return violations;
    }

    String text(String path, String fallback) {
        JsonNode node = node(path);
        if (node == null) {
            return fallback;
        }
        if (!node.isValueNode() || node.asText().isBlank()) {
            violations.add(path + ": must be a non-empty text");
            return fallback;
        }
        return node.asText();
    }

    int integer(String path, int fallback, int min, int max) {
        JsonNode node = node(path);
        if (node == null) {
            return fallback;
        }
        if (!node.isIntegralNumber()) {
            violations.add(path + ": '" + node.asText() + "' is not a whole number");
            return fallback;
        }
        int value = node.asInt();
        if (value < min || value > max) {
            violations.add(path + ": " + value + " is outside [" + min + ", " + max + "]");
        }
        return value;
    }

    double number(String path, double fallback, double min, double max) {
        JsonNode node = node(path);
        if (node == null) {
            return fallback;
        }
        if (!node.isNumber()) {
            violations.add(path + ": '" + node.asText() + "' is not a number");
            return fallback;
        }
        double value = node.asDouble();
        if (!(value >= min && value <= max)) {
            violations.add(path + ": " + value + " is outside [" + min + ", " + max + "]");
        }
        return value;
    }

    /** A list of numbers, or null when the key is absent or null. */
    double[] numbers(String path) {
        JsonNode node = node(path);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isArray()) {
            violations.add(path + ": must be a list of numbers");
            return null;
        }
        double[] values = new double[node.size()];
        for (int i = 0; i < node.size(); i++) {
            if (!node.get(i).isNumber()) {
                violations.add(
                        path + "[" + i + "]: '" + node.get(i).asText() + "' is not a number");
            }
            values[i] = node.get(i).asDouble();
        }
        return values;
    }

    void violation(String message) {
        violations.add(message);
    }

    /** Adds a violation for every leaf key of the file that no reader asked for. */
    void rejectUnread() {
        collectUnread("", root);
    }

    private void collectUnread(String prefix, JsonNode node) {
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            String path = prefix + name;
            JsonNode child = node.get(name);
            if (read.contains(path)) {
                continue;
            }
            if (child.isObject()) {
                collectUnread(path + ".", child);
            } else {
                violations.add(path + ": unknown key");
            }
        }
    }

    private JsonNode node(String path) {
        read.add(path);
        JsonNode node = root;
        for (String part : path.split("\\.")) {
            node = node == null ? null : node.get(part);
        }
        return node == null || node.isMissingNode() || node.isNull() ? null : node;
    }
}
