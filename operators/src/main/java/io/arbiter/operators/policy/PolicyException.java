package io.arbiter.operators.policy;

import java.util.List;

/** A policy that cannot be used, with every violation found, one per line. */
public final class PolicyException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final List<String> violations;

    public PolicyException(String source, List<String> violations) {
        super(
                source
                        + " is not a valid policy ("
                        + violations.size()
                        + (violations.size() == 1 ? " error" : " errors")
                        + "):\n  - "
                        + String.join("\n  - ", violations));
        this.violations = List.copyOf(violations);
    }

    public List<String> violations() {
        return violations;
    }
}
