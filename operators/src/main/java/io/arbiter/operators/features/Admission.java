package io.arbiter.operators.features;

/** What happened to a bar offered to {@link SymbolFeatures}. */
public enum Admission {
    /** Held until the watermark passes its time, then processed in time order. */
    ACCEPTED("accepted"),
    /** A bar of the same symbol and time is already held or was the last processed. */
    DUPLICATE("duplicate"),
    /** Its time is at or behind the watermark, or behind bars already processed. */
    LATE("late"),
    /** The symbol already holds the policy's maximum of pending bars. */
    BUFFER_FULL("buffer-full");

    private final String reason;

    Admission(String reason) {
        this.reason = reason;
    }

    /** The dead-letter reason word (issue #3: "duplicate", "late"). */
    public String reason() {
        return reason;
    }
}
