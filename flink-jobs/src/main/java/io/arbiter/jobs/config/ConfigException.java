package io.arbiter.jobs.config;

import java.util.List;

/** A configuration that cannot be used, with every violation found, one per line. */
public final class ConfigException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final List<String> violations;

    public ConfigException(String source, List<String> violations) {
        super(
                source
                        + " has "
                        + violations.size()
                        + (violations.size() == 1 ? " error" : " errors")
                        + ":\n  - "
                        + String.join("\n  - ", violations));
        this.violations = List.copyOf(violations);
    }

    public List<String> violations() {
        return violations;
    }
}
