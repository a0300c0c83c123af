package io.arbiter.jobs.cli;

/** A wrong subcommand or option: printed as one line, exit code 2. */
public final class UsageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public UsageException(String message) {
        super(message);
    }
}
