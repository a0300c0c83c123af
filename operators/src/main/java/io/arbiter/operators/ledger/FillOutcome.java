package io.arbiter.operators.ledger;

import java.util.List;

/**
 * What the ledger did with one fill.
 *
 * @param status applied, ignored as a duplicate, or rejected
 * @param reason why it was rejected (for the dead letter); null otherwise
 * @param closed the round trips the fill completed, oldest lot first; empty unless applied
 */
public record FillOutcome(Status status, String reason, List<RoundTrip> closed) {

    public enum Status {
        /** Booked: opened, added to or closed lots. */
        APPLIED,
        /** Its fill id was already applied; nothing changed except the duplicate count. */
        DUPLICATE,
        /**
         * Not booked; {@link #reason()} says why, and the fill belongs in the dead-letter queue.
         */
        REJECTED
    }

    private static final FillOutcome DUPLICATE = new FillOutcome(Status.DUPLICATE, null, List.of());

    static FillOutcome applied(List<RoundTrip> closed) {
        return new FillOutcome(Status.APPLIED, null, closed);
    }

    static FillOutcome duplicate() {
        return DUPLICATE;
    }

    static FillOutcome rejected(String reason) {
        return new FillOutcome(Status.REJECTED, reason, List.of());
    }

    public boolean isApplied() {
        return status == Status.APPLIED;
    }
}
