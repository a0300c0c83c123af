package io.arbiter.operators.time;

/**
 * What {@link EventTimeBuffer#offer} did with an item. A refusal's {@link #reason()} is the error
 * class of the dead letter the caller writes for it, the same word in every operator.
 */
public enum Admission {
    /**
     * Held until the watermark passes its time (or watermark + 1 under {@link
     * LatePolicy#NEXT_INSTANT}).
     */
    HELD("held"),
    /** Late under {@link LatePolicy#REFUSE}: not held; the caller dead-letters it ("late"). */
    LATE("late"),
    /** Late under {@link LatePolicy#AT_ONCE}: not held; the caller applies it immediately. */
    DUE_NOW("due-now"),
    /**
     * Not held: the buffer already holds its maximum; the caller dead-letters it ("buffer-full").
     */
    FULL("buffer-full"),
    /**
     * Not held: an item with the same time that compares equal under the tie-break is already held.
     * Only held items are compared; one already released is the caller's to remember.
     */
    DUPLICATE("duplicate");

    private final String reason;

    Admission(String reason) {
        this.reason = reason;
    }

    /** The dead-letter error class: "late", "buffer-full", "duplicate" (issue #3's words). */
    public String reason() {
        return reason;
    }
}
