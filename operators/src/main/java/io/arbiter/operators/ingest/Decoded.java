package io.arbiter.operators.ingest;

import io.arbiter.schemas.DeadLetter;

import java.util.Objects;

/** The outcome of decoding one raw record: either a usable value or the dead letter for it. */
public final class Decoded<T> {

    private final T value;
    private final DeadLetter deadLetter;

    private Decoded(T value, DeadLetter deadLetter) {
        this.value = value;
        this.deadLetter = deadLetter;
    }

    public static <T> Decoded<T> accepted(T value) {
        return new Decoded<>(Objects.requireNonNull(value), null);
    }

    public static <T> Decoded<T> rejected(DeadLetter deadLetter) {
        return new Decoded<>(null, Objects.requireNonNull(deadLetter));
    }

    public boolean isAccepted() {
        return value != null;
    }

    /** The decoded, valid record; only when {@link #isAccepted()}. */
    public T value() {
        if (value == null) {
            throw new IllegalStateException("rejected record has no value: " + deadLetter);
        }
        return value;
    }

    /** The dead letter; only when not {@link #isAccepted()}. */
    public DeadLetter deadLetter() {
        if (deadLetter == null) {
            throw new IllegalStateException("accepted record has no dead letter");
        }
        return deadLetter;
    }
}
