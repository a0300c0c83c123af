package io.arbiter.models.scoring;

/** A model directory that cannot be scored from: the message says why, in one sentence. */
public final class ModelLoadException extends Exception {

    public ModelLoadException(String message) {
        super(message);
    }

    public ModelLoadException(String message, Throwable cause) {
        super(message, cause);
    }
}
