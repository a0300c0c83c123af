package io.arbiter.models.scoring;

/**
 * A batch that a model could not score (ONNX Runtime failed, or its output was not a probability
 * per row). The caller stops that model's signals and reports it; other models carry on.
 */
public final class ScoringException extends Exception {

    public ScoringException(String message) {
        super(message);
    }

    public ScoringException(String message, Throwable cause) {
        super(message, cause);
    }
}
