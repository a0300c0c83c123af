package io.arbiter.operators.performance;

/**
 * A trade or daily-equity file that cannot be read, with the file and 1-based line in the message.
 */
public final class PerformanceInputException extends Exception {

    private static final long serialVersionUID = 1L;

    public PerformanceInputException(String message) {
        super(message);
    }
}
