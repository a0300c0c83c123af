package io.arbiter.operators.control;

import java.util.List;

/** A command whose content cannot be used, with every violation found (not just the first). */
public final class MalformedCommandException extends Exception {

    private static final long serialVersionUID = 1L;

    private final List<String> violations;

    public MalformedCommandException(List<String> violations) {
        super(String.join("; ", violations));
        if (violations.isEmpty()) {
            throw new IllegalArgumentException("a malformed command has at least one violation");
        }
        this.violations = List.copyOf(violations);
    }

    /** What is wrong, one entry per problem, each naming the field. */
    public List<String> violations() {
        return violations;
    }
}
