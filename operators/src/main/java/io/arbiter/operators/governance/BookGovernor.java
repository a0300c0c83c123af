package io.arbiter.operators.governance;

import io.arbiter.operators.policy.Policy;
import io.arbiter.schemas.GovernanceKind;
import io.arbiter.schemas.ModelState;
import io.arbiter.schemas.Severity;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * One book's governor (DOMAIN.md §2, §3, §7): a state machine per model, the book's equity, risk
 * scaler and circuit breakers, and the Thompson allocator over the book's models. Plain Java: a
 * Flink function keyed by book holds one and forwards its inputs; the stream, replays and tests run
 * the same class.
 *
 * <p>Every input is a method taking its event time and returning a {@link Decision}: the journal
 * entries it caused, in order, and the allocation it called for. Nothing reads a clock, nothing is
 * random but the seeded draws: the same inputs give byte-identical outputs.
 *
 * <h2>Model states</h2>
 *
 * <ul>
 *   <li>{@code PROBATION}: registered (or a new version), unproven: fixed at the start share until
 *       it has {@code governance.min-trades} closed trades in the window. Drawdown and breakers
 *       apply; the profit-factor rules wait for the trade count. ({@code REGISTERED} is not used: a
 *       registered model is on probation at once, there is no step between.)
 *   <li>{@code ACTIVE}: proven; shares the bandit flow, and scales as a winner when performing.
 *   <li>{@code WARNING}: proven with PF in [pf-halt, pf-performing) or drawdown above the warn
 *       level; keeps its bandit share, never scales.
 *   <li>{@code HALTED}: traffic 0, by a rule, a breaker, a model failure or a command. Stays halted
 *       until a RESUME command or a registration with a new version.
 *   <li>{@code RETIRED}: written in the retiring event; the model's state is then dropped.
 * </ul>
 *
 * Two conditions are not states, because they sit on top of any state and end on their own: a
 * correlation cut (the newer model of a flagged pair, fixed at the start share until approved) and
 * a pause (the trades-per-day breaker, until the next UTC day).
 *
 * <h2>Allocation</h2>
 *
 * Recomputed on every closed round trip, on the timer ({@code allocation.timer-period}, aligned to
 * the epoch), and after every command or rule that changed a model's or the book's standing. See
 * {@link io.arbiter.operators.allocation.ShareRule} for how shares follow from tiers.
 *
 * <h2>Journal</h2>
 *
 * Every transition, breaker trip, flag, escalation and command (refused ones too) is a {@link
 * GovernanceEvent} with its rule id ({@link RuleIds}), the metrics that decided, the thresholds by
 * policy key ({@link io.arbiter.operators.policy.PolicyKey}; durations in milliseconds), the policy
 * version and the command id. Event ids are derived from the book, its event sequence number, the
 * rule, the model and the time.
 *
 * <pre>{@code
 * BookGovernor governor = new BookGovernor("book-1", Policy.defaults());
 * governor.register(t0, Registration.withDefaultPrior("gbdt", "v1"), "cmd-1");
 * Decision d = governor.onRoundTrip(t1, "gbdt", 12.5);
 * d.events().forEach(journal::add);
 * if (d.hasAllocation()) allocations.add(d.allocation());
 * long wakeUp = governor.nextTimer(); // register an event-time timer for it
 * }</pre>
 */
public final class BookGovernor {

    /** No time: a sentinel for "not set" in state. */
    public static final long NONE = GovernorState.NONE;

    private final GovernorState state;
    private final ModelRules rules;
    private final ModelBreakers modelBreakers;
    private final CorrelationRule correlation;
    private final BookBreakers bookBreakers;
    private final GovernorCommands commands;
    private final AllocationStep allocation;

    /**
     * A book with no models yet under {@code policy} (validated: a bad file was already refused
     * with every violation by {@link Policy#load}).
     */
    public BookGovernor(String book, Policy policy) {
        this(new GovernorState(book, policy));
    }

    private BookGovernor(GovernorState state) {
        this.state = state;
        this.rules = new ModelRules(state);
        this.modelBreakers = new ModelBreakers(state);
        this.correlation = new CorrelationRule(state);
        this.bookBreakers = new BookBreakers(state);
        this.allocation = new AllocationStep(state, bookBreakers);
        this.commands = new GovernorCommands(state, rules, correlation, bookBreakers, this::begin);
    }

    public String book() {
        return state.book;
    }

    public Policy policy() {
        return state.policy;
    }

    /** The sizing multiplier in force: 1, or {@code governance.book.risk-scaler} while cut. */
    public double riskScaler() {
        return state.riskScaler();
    }

    /** The book's drawdown from its peak equity. */
    public double bookDrawdown() {
        return state.equity.drawdown(state.capital());
    }

    /** A model's governance state, empty for a model the book does not hold. */
    public Optional<ModelState> state(String model) {
        ModelRecord r = state.models.get(model);
        return r == null ? Optional.empty() : Optional.of(r.state);
    }

    /** The models the book holds, in id order. */
    public List<String> models() {
        return List.copyOf(state.models.keySet());
    }

    // ---------------------------------------------------------------------------------------
    // Results
    // ---------------------------------------------------------------------------------------

    /**
     * A closed round trip of {@code model}: updates its posterior (a win when {@code netPnl > 0}),
     * the book's equity, the trade-count and loss breakers and the risk scaler, then reallocates.
     * The PnL of a model the book does not hold still counts toward the book's equity.
     */
    public Decision onRoundTrip(long time, String model, double netPnl) {
        GovernorStep step = begin(time);
        if (!Double.isFinite(netPnl)) {
            step.add(
                    state.entry(time, GovernanceKind.INFO, Severity.WARNING, RuleIds.INPUT_IGNORED)
                            .model(model, state.versionOf(model))
                            .reason("round trip with a non-finite net PnL ignored: " + netPnl));
            return step.done();
        }
        state.equity.add(netPnl);
        ModelRecord r = state.models.get(model);
        if (r != null) {
            r.posterior.record(netPnl, state.policy.allocation().discount());
            r.closedTrades++;
            modelBreakers.countTradeOfDay(step, r);
        }
        bookBreakers.checkRiskScaler(step);
        bookBreakers.checkLossBreakers(step);
        step.allocate(GovernorStep.TRIGGER_ROUND_TRIP);
        return step.done();
    }

    /** A performance snapshot of {@code model}: the profit-factor, drawdown and accuracy rules. */
    public Decision onMetrics(long time, String model, ModelMetrics metrics) {
        GovernorStep step = begin(time);
        ModelRecord r = state.models.get(model);
        if (r != null) {
            rules.onMetrics(step, r, metrics);
        }
        return step.done();
    }

    /**
     * The correlation of two models' signals over the window. Above {@code
     * governance.correlation.flag-above} with enough observations, both are flagged and the newer
     * one is cut to the start share until an APPROVE_ALLOCATION for it. A pair is flagged once
     * while it stays correlated; once a correlation at or below the threshold is seen it may be
     * flagged again.
     */
    public Decision onCorrelation(
            long time, String modelA, String modelB, double correlation, long observations) {
        GovernorStep step = begin(time);
        ModelRecord a = state.models.get(modelA);
        ModelRecord b = state.models.get(modelB);
        if (a != null && b != null) {
            this.correlation.onCorrelation(step, a, b, correlation, observations);
        }
        return step.done();
    }

    /** The share of valid input records: below {@code breakers.min-valid-share} halts the book. */
    public Decision onDataQuality(long time, long validRecords, long totalRecords) {
        GovernorStep step = begin(time);
        bookBreakers.onDataQuality(step, validRecords, totalRecords);
        return step.done();
    }

    /** A scoring latency of {@code model}: above {@code breakers.max-scoring-latency} halts it. */
    public Decision onScoringLatency(long time, String model, Duration latency) {
        GovernorStep step = begin(time);
        ModelRecord r = state.models.get(model);
        if (r != null) {
            modelBreakers.onScoringLatency(step, r, latency);
        }
        return step.done();
    }

    /**
     * {@code model} failed to load or to score: traffic 0 (the book falls back to its baseline
     * model); a new version or a RESUME brings it back.
     *
     * @param cause the scoring side's rule and message, e.g. "model.score: session closed"
     */
    public Decision onModelFailure(long time, String model, String cause) {
        GovernorStep step = begin(time);
        ModelRecord r = state.models.get(model);
        if (r != null) {
            modelBreakers.onModelFailure(step, r, cause);
        }
        return step.done();
    }

    /**
     * The event-time timer: due escalations, expired pauses and stops, and the periodic allocation.
     * Call it at (or after) {@link #nextTimer()}.
     */
    public Decision onTimer(long time) {
        GovernorStep step = begin(time);
        for (ModelRecord r : state.models.values()) {
            rules.checkEscalation(step, r);
        }
        if (state.nextAllocationAt != NONE && time >= state.nextAllocationAt) {
            state.nextAllocationAt = UtcPeriods.nextTick(time, state.timerPeriod());
            step.allocate(GovernorStep.TRIGGER_TIMER);
        }
        return step.done();
    }

    /**
     * The next event time at which {@link #onTimer} has something to do: the periodic allocation,
     * the end of a pause or of a loss stop, or an escalation deadline. {@link Long#MAX_VALUE}
     * before the first input.
     */
    public long nextTimer() {
        long next = state.nextAllocationAt == NONE ? Long.MAX_VALUE : state.nextAllocationAt;
        next = earliest(next, state.dailyStopUntil);
        next = earliest(next, state.weeklyStopUntil);
        for (ModelRecord r : state.models.values()) {
            next = earliest(next, r.pausedUntil);
            next = earliest(next, rules.escalationDue(r));
        }
        return next;
    }

    // ---------------------------------------------------------------------------------------
    // Commands (already verified: signature, freshness and replay are checked before)
    // ---------------------------------------------------------------------------------------

    /**
     * REGISTER_MODEL: a new model starts on probation with the registration's prior. A new version
     * of a known model starts over the same way (probation, its prior, no approval, no flags) and
     * resumes it if it was halted.
     */
    public Decision register(long time, Registration registration, String commandId) {
        return commands.register(time, registration, commandId);
    }

    /** RETIRE_MODEL: the model leaves the book; its state is dropped after the event. */
    public Decision retire(long time, String model, String commandId) {
        return commands.retire(time, model, commandId);
    }

    /** HALT: traffic 0 until a RESUME or a new version. */
    public Decision halt(long time, String model, String commandId) {
        return commands.halt(time, model, commandId);
    }

    /**
     * RESUME. For a model: a halted one returns to probation (not proven yet) or to ACTIVE /
     * WARNING as its last snapshot says; the halting rules it still breaches are acknowledged (they
     * fire again only after the metric has recovered and breached anew); a pause ends. For the book
     * ({@code model == null}): ends the data-quality halt and any loss stop.
     */
    public Decision resume(long time, String model, String commandId) {
        return commands.resume(time, model, commandId);
    }

    /**
     * APPROVE_ALLOCATION: {@code maxShare} becomes the model's cap (above or below the cap without
     * approval), and a correlation cut on it is lifted.
     */
    public Decision approve(long time, String model, double maxShare, String commandId) {
        return commands.approve(time, model, maxShare, commandId);
    }

    /**
     * SET_POLICY with the command's YAML payload. A policy with errors is refused with every
     * violation listed, and the book keeps its policy.
     */
    public Decision setPolicy(long time, String policyYaml, String commandId) {
        return commands.setPolicy(time, policyYaml, commandId);
    }

    /** SET_POLICY with an already validated policy (or a new policy file at a restart). */
    public Decision setPolicy(long time, Policy next, String commandId) {
        return commands.setPolicy(time, next, commandId);
    }

    // ---------------------------------------------------------------------------------------
    // One input's bookkeeping
    // ---------------------------------------------------------------------------------------

    /**
     * Starts handling an input at {@code time}: rolls the day and week forward, and ends the pauses
     * and loss stops whose time is up (each with an entry, and a reallocation).
     */
    private GovernorStep begin(long time) {
        GovernorStep step = new GovernorStep(state, allocation, time);
        if (state.nextAllocationAt == NONE) {
            state.nextAllocationAt = UtcPeriods.nextTick(time, state.timerPeriod());
        }
        state.equity.roll(time);
        bookBreakers.endStops(step);
        modelBreakers.endPauses(step);
        return step;
    }

    private static long earliest(long current, long candidate) {
        return candidate == NONE ? current : Math.min(current, candidate);
    }

    // ---------------------------------------------------------------------------------------
    // State
    // ---------------------------------------------------------------------------------------

    /** Writes the state in the current format of {@link GovernorStateCodec}. */
    public void writeTo(DataOutput out) throws IOException {
        GovernorStateCodec.write(state, out);
    }

    /** Reads a state written by {@link #writeTo} of this or an earlier version. */
    public static BookGovernor readFrom(DataInput in) throws IOException {
        return new BookGovernor(GovernorStateCodec.read(in));
    }
}
