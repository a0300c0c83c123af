package io.arbiter.jobs.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces {@code ${env:NAME}} and {@code ${file:PATH}} in configuration values, so passwords and
 * keys live in the environment or in mounted files (Kubernetes secrets), never in the YAML.
 */
final class SecretResolver {

    private static final Pattern REFERENCE = Pattern.compile("\\$\\{(env|file):([^}]+)}");

    private final Map<String, String> environment;

    SecretResolver(Map<String, String> environment) {
        this.environment = environment;
    }

    /** The value with references replaced; a reference that cannot be resolved is a violation. */
    String resolve(String key, String value, List<String> violations) {
        Matcher matcher = REFERENCE.matcher(value);
        StringBuilder resolved = new StringBuilder();
        while (matcher.find()) {
            String replacement = lookup(key, matcher.group(1), matcher.group(2), violations);
            matcher.appendReplacement(resolved, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(resolved);
        return resolved.toString();
    }

    private String lookup(String key, String kind, String name, List<String> violations) {
        if (kind.equals("env")) {
            String value = environment.get(name);
            if (value == null) {
                violations.add(key + ": environment variable " + name + " is not set");
                return "";
            }
            return value;
        }
        try {
            return Files.readString(Path.of(name), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            violations.add(key + ": cannot read secret file " + name + " (" + e + ")");
            return "";
        }
    }
}
