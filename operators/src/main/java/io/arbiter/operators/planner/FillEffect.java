package io.arbiter.operators.planner;

/** What a fill did to the planner's view of the book. */
public enum FillEffect {
    /** Booked: it entered or closed (part of) a position. */
    APPLIED,
    /** Its id was already applied; ignored. */
    DUPLICATE,
    /**
     * Older than the fill-id horizon behind the newest fill: it cannot be told from a duplicate.
     */
    TOO_OLD,
    /** Another book's fill; ignored. */
    OTHER_BOOK,
    /** Unusable numbers (quantity, price, fee, side) or a missing id; ignored. */
    INVALID
}
