package io.arbiter.operators.book;

import io.arbiter.operators.planner.PlanResult;
import io.arbiter.schemas.AllocationEvent;
import io.arbiter.schemas.GovernanceEvent;
import io.arbiter.schemas.SourcedFill;
import io.arbiter.schemas.TradeIntent;

/**
 * Where a book's decisions go: the journal (gov.events), allocations (alloc.events), trade intents
 * (orders.intents), fills it refuses (the dead-letter topic), and what it counts. The stream
 * implements it over Flink's collector and side outputs; tests collect into lists.
 */
public interface BookOutput {

    void event(GovernanceEvent event);

    void allocation(AllocationEvent allocation);

    void intent(TradeIntent intent);

    /**
     * A fill that cannot be booked, with its source position.
     *
     * @param errorClass the dead letter's error class ({@code ledger})
     */
    void refusedFill(SourcedFill fill, String errorClass, String reason);

    /** A fill that was booked ({@code duplicate}: its id was booked before; nothing changed). */
    default void bookedFill(boolean duplicate) {}

    /** One planning step's result (intents are also given one by one to {@link #intent}). */
    default void planned(PlanResult result) {}
}
