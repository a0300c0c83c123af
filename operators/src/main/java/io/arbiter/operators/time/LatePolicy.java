package io.arbiter.operators.time;

/**
 * What {@link EventTimeBuffer#offer} does with an item that is late: its time is at or before the
 * watermark, so the release that would have taken it has already happened.
 */
public enum LatePolicy {
    /** Not held: {@link Admission#LATE}, and the caller dead-letters it with reason "late". */
    REFUSE,
    /**
     * Held as if its time were watermark + 1, so it is released with the next watermark advance,
     * after everything already released and in tie-break order among the items moved with it.
     */
    NEXT_INSTANT,
    /** Not held: {@link Admission#DUE_NOW}, and the caller applies it immediately. */
    AT_ONCE
}
