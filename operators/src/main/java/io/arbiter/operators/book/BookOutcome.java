package io.arbiter.operators.book;

import io.arbiter.schemas.AllocationEvent;
import io.arbiter.schemas.GovernanceEvent;

import java.util.List;

/**
 * What one input did to a book: the journal entries and allocations it caused, and for a fill that
 * could not be booked, why (it then belongs on the dead-letter topic).
 *
 * @param rejection null unless the input was refused
 * @param duplicate a fill whose id was already booked: ignored, counted
 */
public record BookOutcome(
        List<GovernanceEvent> events,
        List<AllocationEvent> allocations,
        String rejection,
        boolean duplicate) {

    public BookOutcome {
        events = List.copyOf(events);
        allocations = List.copyOf(allocations);
    }

    public static BookOutcome rejected(String reason) {
        return new BookOutcome(List.of(), List.of(), reason, false);
    }

    public boolean isRejected() {
        return rejection != null;
    }
}
