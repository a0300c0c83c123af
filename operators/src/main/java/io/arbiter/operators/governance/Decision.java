package io.arbiter.operators.governance;

import io.arbiter.schemas.AllocationEvent;
import io.arbiter.schemas.GovernanceEvent;

import java.util.List;

/**
 * What one input to a book's governor caused: its journal entries, in order, and the new allocation
 * if the input called for one.
 *
 * @param allocation the recomputed allocation, or null when none was due
 */
public record Decision(List<GovernanceEvent> events, AllocationEvent allocation) {

    public Decision {
        events = List.copyOf(events);
    }

    public boolean hasAllocation() {
        return allocation != null;
    }
}
