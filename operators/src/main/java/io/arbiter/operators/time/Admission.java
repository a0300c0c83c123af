package io.arbiter.operators.time;

/** What {@link EventTimeBuffer#offer} did with an item. */
public enum Admission {
    /**
     * Held until the watermark passes its time (or watermark + 1 under {@link
     * LatePolicy#NEXT_INSTANT}).
     */
    HELD,
    /** Late under {@link LatePolicy#REFUSE}: not held; the caller dead-letters it ("late"). */
    LATE,
    /** Late under {@link LatePolicy#AT_ONCE}: not held; the caller applies it immediately. */
    DUE_NOW,
    /**
     * Not held: the buffer already holds its maximum; the caller dead-letters it ("buffer-full").
     */
    FULL,
    /**
     * Not held: an item with the same time that compares equal under the tie-break is already held.
     * Only held items are compared; one already released is the caller's to remember.
     */
    DUPLICATE
}
