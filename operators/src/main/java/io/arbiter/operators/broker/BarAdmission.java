package io.arbiter.operators.broker;

/** What the paper broker did with a bar ({@link PaperBroker#onBar}). */
public enum BarAdmission {
    /** Entered waiting orders and moved open positions. */
    APPLIED,
    /** A bar of the same time was already processed; the first one counts. */
    DUPLICATE,
    /** Older than the last processed bar: fills already made cannot be redone. */
    LATE,
    /** Prices not finite and positive, a range that does not hold the body, or another symbol. */
    UNUSABLE
}
