package io.arbiter.operators.policy;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads typed values out of a parsed policy tree by their {@link PolicyKey}, collecting every
 * violation instead of stopping at the first, and noticing keys nobody asked for (a misspelt
 * threshold must not silently fall back to its default).
 */
final class PolicyReader {

    /** "48 h", "10 min", "1 s", "500 ms", "7 d": a whole number and a unit. */
    private static final Pattern DURATION = Pattern.compile("(\\d{1,12})\\s*(ms|s|min|h|d)");

    private final JsonNode root;
    private final List<String> violations = new ArrayList<>();
    private final Set<String> read = new HashSet<>();

    PolicyReader(JsonNode root) {
        this.root = root;
    }

    List<String> violations() {
        return violations;
    }

    String text(PolicyKey key, String fallback) {
        String path = key.path();
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

    boolean flag(PolicyKey key, boolean fallback) {
        String path = key.path();
        JsonNode node = node(path);
        if (node == null) {
            return fallback;
        }
        if (!node.isBoolean()) {
            violations.add(path + ": '" + node.asText() + "' is not true or false");
            return fallback;
        }
        return node.asBoolean();
    }

    int integer(PolicyKey key, int fallback, int min, int max) {
        String path = key.path();
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

    double number(PolicyKey key, double fallback, double min, double max) {
        String path = key.path();
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

    long longInteger(PolicyKey key, long fallback) {
        String path = key.path();
        JsonNode node = node(path);
        if (node == null) {
            return fallback;
        }
        if (!node.isIntegralNumber() || !node.canConvertToLong()) {
            violations.add(path + ": '" + node.asText() + "' is not a whole number");
            return fallback;
        }
        return node.asLong();
    }

    /**
     * A duration written as a whole number and a unit ({@code ms}, {@code s}, {@code min}, {@code
     * h}, {@code d}), e.g. {@code "48 h"}.
     */
    Duration duration(PolicyKey key, Duration fallback, Duration min, Duration max) {
        String path = key.path();
        JsonNode node = node(path);
        if (node == null) {
            return fallback;
        }
        Matcher m = DURATION.matcher(node.asText().trim());
        if (!node.isTextual() || !m.matches()) {
            violations.add(
                    path
                            + ": '"
                            + node.asText()
                            + "' is not a duration such as \"48 h\" (units ms, s, min, h, d)");
            return fallback;
        }
        long amount = Long.parseLong(m.group(1));
        Duration value =
                switch (m.group(2)) {
                    case "ms" -> Duration.ofMillis(amount);
                    case "s" -> Duration.ofSeconds(amount);
                    case "min" -> Duration.ofMinutes(amount);
                    case "h" -> Duration.ofHours(amount);
                    default -> Duration.ofDays(amount);
                };
        if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
            violations.add(
                    path
                            + ": "
                            + node.asText().trim()
                            + " is outside ["
                            + readable(min)
                            + ", "
                            + readable(max)
                            + "]");
        }
        return value;
    }

    /** How a duration bound is written back in a message: the largest whole unit. */
    static String readable(Duration d) {
        long ms = d.toMillis();
        if (ms % 86_400_000L == 0 && ms != 0) {
            return ms / 86_400_000L + " d";
        }
        if (ms % 3_600_000L == 0 && ms != 0) {
            return ms / 3_600_000L + " h";
        }
        if (ms % 60_000L == 0 && ms != 0) {
            return ms / 60_000L + " min";
        }
        if (ms % 1000L == 0 && ms != 0) {
            return ms / 1000L + " s";
        }
        return ms + " ms";
    }

    /** A list of numbers, or null when the key is absent or null. */
    double[] numbers(PolicyKey key) {
        String path = key.path();
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

    /**
     * A mapping of names to non-blank texts (e.g. symbol → sector), or null when the key is absent
     * or null. Its entries are read as one value: none of them is an unknown key.
     */
    Map<String, String> textMap(PolicyKey key) {
        String path = key.path();
        JsonNode node = node(path);
        if (node == null) {
            return null;
        }
        if (!node.isObject()) {
            violations.add(path + ": must be a mapping of names to texts");
            return null;
        }
        Map<String, String> values = new TreeMap<>();
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            JsonNode value = node.get(name);
            if (!value.isValueNode() || value.isNull() || value.asText().isBlank()) {
                violations.add(path + "." + name + ": must be a non-empty text");
            } else {
                values.put(name, value.asText());
            }
        }
        return values;
    }

    /** A violation of {@code key}: its path, then what is wrong with its value. */
    void violation(PolicyKey key, String problem) {
        violations.add(key.path() + ": " + problem);
    }

    /** A violation unless {@code value} is below {@code limit}, another key's value (NaN fails). */
    void requireBelow(PolicyKey key, double value, PolicyKey limitKey, double limit) {
        if (!(value < limit)) {
            violation(key, value + " must be below " + limitKey.path() + " " + limit);
        }
    }

    /**
     * A violation unless {@code value} is at most {@code limit}, another key's value (NaN fails).
     */
    void requireAtMost(PolicyKey key, double value, PolicyKey limitKey, double limit) {
        if (!(value <= limit)) {
            violation(key, value + " must not exceed " + limitKey.path() + " " + limit);
        }
    }

    /** A violation when the count {@code value} is more than {@code limit}, another key's count. */
    void requireNoMoreThan(PolicyKey key, int value, PolicyKey limitKey, int limit) {
        if (value > limit) {
            violation(key, value + " exceeds " + limitKey.path() + " " + limit);
        }
    }

    /**
     * Accepts a {@link PolicyKey#retired() retired} key, whatever its value, so that it is not
     * reported as unknown; nothing is read from it.
     */
    void ignore(PolicyKey key) {
        if (!key.retired()) {
            throw new IllegalArgumentException(key.path() + " is not retired");
        }
        node(key.path());
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
