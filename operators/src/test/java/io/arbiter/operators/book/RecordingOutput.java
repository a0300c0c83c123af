package io.arbiter.operators.book;

import io.arbiter.schemas.AllocationEvent;
import io.arbiter.schemas.GovernanceEvent;
import io.arbiter.schemas.SourcedFill;
import io.arbiter.schemas.TradeIntent;

import java.util.ArrayList;
import java.util.List;

/** A {@link BookOutput} that keeps everything, for tests. */
public final class RecordingOutput implements BookOutput {

    public final List<GovernanceEvent> events = new ArrayList<>();
    public final List<AllocationEvent> allocations = new ArrayList<>();
    public final List<TradeIntent> intents = new ArrayList<>();
    public final List<String> refused = new ArrayList<>();
    public int booked;
    public int duplicates;

    @Override
    public void event(GovernanceEvent event) {
        events.add(event);
    }

    @Override
    public void allocation(AllocationEvent allocation) {
        allocations.add(allocation);
    }

    @Override
    public void intent(TradeIntent intent) {
        intents.add(intent);
    }

    @Override
    public void refusedFill(SourcedFill fill, String errorClass, String reason) {
        refused.add(fill.getOffset() + " " + errorClass + ": " + reason);
    }

    @Override
    public void bookedFill(boolean duplicate) {
        if (duplicate) {
            duplicates++;
        } else {
            booked++;
        }
    }

    /** Everything in the order it was produced per kind, as one comparable text. */
    public String transcript() {
        return events + "\n" + allocations + "\n" + intents + "\n" + refused;
    }
}
