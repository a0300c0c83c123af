package io.arbiter.operators.governance;

import io.arbiter.schemas.GovernanceEvent;
import io.arbiter.schemas.ModelState;

import java.util.ArrayList;
import java.util.List;

/**
 * One input's bookkeeping: the journal entries it caused, in order, and whether (and why) it calls
 * for an allocation. The rule classes add to it; {@link #done()} turns it into the input's {@link
 * Decision}, computing the allocation once at the end however many rules asked for one.
 */
final class GovernorStep {

    /** Allocation triggers, written into the allocation event. */
    static final String TRIGGER_ROUND_TRIP = "round-trip";

    static final String TRIGGER_TIMER = "timer";
    static final String TRIGGER_COMMAND = "command";
    static final String TRIGGER_POLICY = "policy";
    static final String TRIGGER_GOVERNANCE = "governance";

    private final GovernorState state;
    private final AllocationStep allocation;
    private final long time;
    private final List<GovernanceEvent> events = new ArrayList<>();
    private String trigger;

    GovernorStep(GovernorState state, AllocationStep allocation, long time) {
        this.state = state;
        this.allocation = allocation;
        this.time = time;
    }

    long time() {
        return time;
    }

    void add(GovernanceEvent event) {
        events.add(event);
    }

    /**
     * Adds the entry under the policy in force now (a SET_POLICY's own entry names the new one).
     */
    void add(Journal.Entry entry) {
        events.add(entry.build(state.policy.version()));
    }

    /** Adds the entry as one about {@code r}, at its current version. */
    void add(Journal.Entry entry, ModelRecord r) {
        add(entry.model(r.model, r.version));
    }

    /**
     * Halts {@code r} with {@code event} (its rule is kept as the halt's reason) and reallocates.
     */
    void halt(ModelRecord r, Journal.Entry event) {
        ModelState from = r.halt(event.rule());
        add(event.states(from, ModelState.HALTED), r);
        allocate(TRIGGER_GOVERNANCE);
    }

    /** Asks for an allocation; an input's own trigger wins over "governance". */
    void allocate(String why) {
        if (trigger == null || TRIGGER_GOVERNANCE.equals(trigger)) {
            trigger = why;
        }
    }

    Decision done() {
        return new Decision(events, trigger == null ? null : allocation.allocate(time, trigger));
    }
}
