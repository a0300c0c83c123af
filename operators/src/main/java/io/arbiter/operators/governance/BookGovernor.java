package io.arbiter.operators.governance;

import io.arbiter.operators.allocation.Allocator;
import io.arbiter.operators.allocation.Arm;
import io.arbiter.operators.allocation.BetaPosterior;
import io.arbiter.operators.allocation.Percent;
import io.arbiter.operators.allocation.Tier;
import io.arbiter.operators.policy.BookRiskPolicy;
import io.arbiter.operators.policy.BreakerPolicy;
import io.arbiter.operators.policy.GovernancePolicy;
import io.arbiter.operators.policy.Policy;
import io.arbiter.operators.policy.PolicyBinary;
import io.arbiter.operators.policy.PolicyException;
import io.arbiter.schemas.AllocationEvent;
import io.arbiter.schemas.GovernanceEvent;
import io.arbiter.schemas.GovernanceKind;
import io.arbiter.schemas.ModelState;
import io.arbiter.schemas.Severity;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

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
 * policy key (durations in milliseconds), the policy version and the command id. Event ids are
 * derived from the book, its event sequence number, the rule, the model and the time.
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
    public static final long NONE = Long.MIN_VALUE;

    private static final byte FORMAT = 1;
    private static final int MAX_ID_LENGTH = 200;
    private static final int MAX_MODELS_IN_STATE = 10_000;

    private static final String TRIGGER_ROUND_TRIP = "round-trip";
    private static final String TRIGGER_TIMER = "timer";
    private static final String TRIGGER_COMMAND = "command";
    private static final String TRIGGER_POLICY = "policy";
    private static final String TRIGGER_GOVERNANCE = "governance";

    private final String book;
    private Policy policy;
    private final TreeMap<String, ModelRecord> models = new TreeMap<>();

    /**
     * Pairs "a|b" (a < b) flagged and still correlated: not flagged again until they decorrelate.
     */
    private final TreeSet<String> flaggedPairs = new TreeSet<>();

    private BookEquity equity = new BookEquity();
    private boolean riskCut;
    private long dailyStopUntil = NONE;
    private long weeklyStopUntil = NONE;
    private boolean dataQualityHalt;
    private long eventSeq;
    private long registrationSeq;
    private long nextAllocationAt = NONE;

    /**
     * A book with no models yet under {@code policy} (validated: a bad file was already refused
     * with every violation by {@link Policy#load}).
     */
    public BookGovernor(String book, Policy policy) {
        this.book = book;
        this.policy = policy;
    }

    public String book() {
        return book;
    }

    public Policy policy() {
        return policy;
    }

    /** The sizing multiplier in force: 1, or {@code governance.book.risk-scaler} while cut. */
    public double riskScaler() {
        return riskCut ? policy.governance().book().riskScaler() : 1.0;
    }

    /** The book's drawdown from its peak equity. */
    public double bookDrawdown() {
        return equity.drawdown(capital());
    }

    /** A model's governance state, empty for a model the book does not hold. */
    public Optional<ModelState> state(String model) {
        ModelRecord r = models.get(model);
        return r == null ? Optional.empty() : Optional.of(r.state);
    }

    /** The models the book holds, in id order. */
    public List<String> models() {
        return List.copyOf(models.keySet());
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
        Step step = begin(time);
        if (!Double.isFinite(netPnl)) {
            step.add(
                    entry(time, GovernanceKind.INFO, Severity.WARNING, RuleIds.INPUT_IGNORED)
                            .model(model, versionOf(model))
                            .reason("round trip with a non-finite net PnL ignored: " + netPnl));
            return step.done();
        }
        equity.add(netPnl);
        ModelRecord r = models.get(model);
        if (r != null) {
            r.posterior.record(netPnl, policy.allocation().discount());
            r.closedTrades++;
            countTradeOfDay(step, r, time);
        }
        checkRiskScaler(step, time);
        checkLossBreakers(step, time);
        step.allocate(TRIGGER_ROUND_TRIP);
        return step.done();
    }

    /** A performance snapshot of {@code model}: the profit-factor, drawdown and accuracy rules. */
    public Decision onMetrics(long time, String model, ModelMetrics metrics) {
        Step step = begin(time);
        ModelRecord r = models.get(model);
        if (r == null) {
            return step.done();
        }
        boolean wasWinner = r.metrics != null && MetricRules.judge(r.metrics, policy).winner();
        r.metrics = metrics;
        MetricRules v = MetricRules.judge(metrics, policy);
        rearm(r, v);
        if (v.pfBelowFloor()) {
            if (r.pfBelowSince == NONE) {
                r.pfBelowSince = time;
            }
        } else {
            r.pfBelowSince = NONE;
            r.escalated = false;
        }
        if (r.state != ModelState.HALTED) {
            if (!haltOnMetrics(step, r, v, time)) {
                applyWarnings(step, r, v, time);
            }
        }
        if (r.state == ModelState.ACTIVE && wasWinner != v.winner()) {
            // Passing or failing the scale gate moves a share between the bandit and the cap.
            step.allocate(TRIGGER_GOVERNANCE);
        }
        checkEscalation(step, r, time);
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
        Step step = begin(time);
        ModelRecord a = models.get(modelA);
        ModelRecord b = models.get(modelB);
        var c = policy.governance().correlation();
        if (a == null || b == null || a == b || observations < c.minObservations()) {
            return step.done();
        }
        String pair = pairKey(modelA, modelB);
        if (!(correlation > c.flagAbove())) {
            if (!Double.isNaN(correlation)) {
                flaggedPairs.remove(pair);
            }
            return step.done();
        }
        if (!flaggedPairs.add(pair)) {
            return step.done();
        }
        ModelRecord newer = a.newerThan(b) ? a : b;
        ModelRecord older = newer == a ? b : a;
        newer.correlationCut = true;
        for (ModelRecord r : List.of(older, newer)) {
            ModelRecord other = r == newer ? older : newer;
            String what =
                    r == newer
                            ? "the newer of the pair: cut to the start share until an"
                                    + " APPROVE_ALLOCATION for it"
                            : "the older of the pair keeps its traffic";
            step.add(
                    entry(time, GovernanceKind.FLAG, Severity.WARNING, RuleIds.CORRELATION_FLAG)
                            .model(r.model, r.version)
                            .states(r.state, r.state)
                            .reason(
                                    "signals correlate "
                                            + Percent.number(correlation)
                                            + " with "
                                            + other.model
                                            + " over "
                                            + observations
                                            + " observations, above "
                                            + Percent.number(c.flagAbove())
                                            + ": review (blend or reject); "
                                            + what)
                            .metric("correlation", correlation)
                            .metric("observations", observations)
                            .threshold("governance.correlation.flag-above", c.flagAbove())
                            .threshold(
                                    "governance.correlation.min-observations",
                                    c.minObservations()));
        }
        step.allocate(TRIGGER_GOVERNANCE);
        return step.done();
    }

    /** The share of valid input records: below {@code breakers.min-valid-share} halts the book. */
    public Decision onDataQuality(long time, long validRecords, long totalRecords) {
        Step step = begin(time);
        if (totalRecords <= 0 || dataQualityHalt) {
            return step.done();
        }
        double share = (double) validRecords / totalRecords;
        double min = policy.breakers().minValidShare();
        if (share < min) {
            dataQualityHalt = true;
            step.add(
                    entry(
                                    time,
                                    GovernanceKind.BREAKER,
                                    Severity.ERROR,
                                    RuleIds.BREAKER_DATA_QUALITY)
                            .reason(
                                    "valid records "
                                            + Percent.of(share)
                                            + " below "
                                            + Percent.of(min)
                                            + ": book halted until a RESUME for the book")
                            .metric("validShare", share)
                            .metric("validRecords", validRecords)
                            .metric("records", totalRecords)
                            .threshold("breakers.min-valid-share", min));
            step.allocate(TRIGGER_GOVERNANCE);
        }
        return step.done();
    }

    /** A scoring latency of {@code model}: above {@code breakers.max-scoring-latency} halts it. */
    public Decision onScoringLatency(long time, String model, Duration latency) {
        Step step = begin(time);
        ModelRecord r = models.get(model);
        Duration max = policy.breakers().maxScoringLatency();
        if (r != null && r.state != ModelState.HALTED && latency.compareTo(max) > 0) {
            halt(
                    step,
                    r,
                    time,
                    entry(
                                    time,
                                    GovernanceKind.BREAKER,
                                    Severity.WARNING,
                                    RuleIds.BREAKER_SCORING_LATENCY)
                            .reason(
                                    "scoring latency "
                                            + latency.toMillis()
                                            + " ms above "
                                            + max.toMillis()
                                            + " ms: halted")
                            .metric("latencyMs", latency.toMillis())
                            .threshold("breakers.max-scoring-latency", max.toMillis()));
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
        Step step = begin(time);
        ModelRecord r = models.get(model);
        if (r != null && r.state != ModelState.HALTED) {
            halt(
                    step,
                    r,
                    time,
                    entry(time, GovernanceKind.HALT, Severity.ERROR, RuleIds.MODEL_FAILURE)
                            .reason(
                                    cause
                                            + "; traffic 0, the book falls back to its baseline"
                                            + " model"));
        }
        return step.done();
    }

    /**
     * The event-time timer: due escalations, expired pauses and stops, and the periodic allocation.
     * Call it at (or after) {@link #nextTimer()}.
     */
    public Decision onTimer(long time) {
        Step step = begin(time);
        for (ModelRecord r : models.values()) {
            checkEscalation(step, r, time);
        }
        if (nextAllocationAt != NONE && time >= nextAllocationAt) {
            nextAllocationAt = UtcPeriods.nextTick(time, timerPeriod());
            step.allocate(TRIGGER_TIMER);
        }
        return step.done();
    }

    /**
     * The next event time at which {@link #onTimer} has something to do: the periodic allocation,
     * the end of a pause or of a loss stop, or an escalation deadline. {@link Long#MAX_VALUE}
     * before the first input.
     */
    public long nextTimer() {
        long next = nextAllocationAt == NONE ? Long.MAX_VALUE : nextAllocationAt;
        next = earliest(next, dailyStopUntil);
        next = earliest(next, weeklyStopUntil);
        long after = policy.governance().escalationAfter().toMillis();
        for (ModelRecord r : models.values()) {
            next = earliest(next, r.pausedUntil);
            if (r.pfBelowSince != NONE && !r.escalated) {
                next = earliest(next, r.pfBelowSince + after + 1);
            }
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
        Step step = begin(time);
        String model = registration.model();
        String version = registration.version();
        double alpha =
                Double.isNaN(registration.priorAlpha())
                        ? policy.allocation().priorAlpha()
                        : registration.priorAlpha();
        double beta =
                Double.isNaN(registration.priorBeta())
                        ? policy.allocation().priorBeta()
                        : registration.priorBeta();
        String invalid = null;
        if (!validId(model) || !validId(version)) {
            invalid = "model id and version must be 1 to " + MAX_ID_LENGTH + " characters";
        } else if (!(alpha > 0 && beta > 0 && alpha < 1e12 && beta < 1e12)) {
            invalid =
                    "prior Beta(" + alpha + ", " + beta + ") must have positive finite parameters";
        }
        ModelRecord r = invalid == null ? models.get(model) : null;
        if (invalid == null && r == null && models.size() >= policy.governance().maxModels()) {
            invalid = "the book already holds " + models.size() + " models (governance.max-models)";
        }
        if (invalid == null && r != null && r.version.equals(version)) {
            invalid = "already registered at version " + version;
        }
        if (invalid != null) {
            return refuse(step, time, RuleIds.COMMAND_REGISTER, model, commandId, invalid);
        }
        BetaPosterior prior = new BetaPosterior(alpha, beta);
        String probation =
                "on probation at the start share until "
                        + policy.governance().minTrades()
                        + " closed trades in the window; prior Beta("
                        + Percent.number(alpha)
                        + ", "
                        + Percent.number(beta)
                        + ")";
        if (r == null) {
            r = new ModelRecord(model);
            r.start(version, time, ++registrationSeq, prior);
            models.put(model, r);
            step.add(
                    entry(time, GovernanceKind.INFO, Severity.INFO, RuleIds.COMMAND_REGISTER)
                            .model(model, version)
                            .states(ModelState.UNKNOWN, ModelState.PROBATION)
                            .reason("registered version " + version + ", " + probation)
                            .metric("priorAlpha", alpha)
                            .metric("priorBeta", beta)
                            .threshold("governance.min-trades", policy.governance().minTrades())
                            .command(commandId));
        } else {
            ModelState from = r.state;
            String old = r.version;
            r.start(version, time, ++registrationSeq, prior);
            dropPairsOf(model);
            step.add(
                    entry(
                                    time,
                                    from == ModelState.HALTED
                                            ? GovernanceKind.RESUME
                                            : GovernanceKind.INFO,
                                    Severity.INFO,
                                    RuleIds.MODEL_NEW_VERSION)
                            .model(model, version)
                            .states(from, ModelState.PROBATION)
                            .reason(
                                    "new version "
                                            + version
                                            + " replaces "
                                            + old
                                            + (from == ModelState.HALTED
                                                    ? " and resumes the halted model"
                                                    : "")
                                            + ": results start over, "
                                            + probation)
                            .metric("priorAlpha", alpha)
                            .metric("priorBeta", beta)
                            .threshold("governance.min-trades", policy.governance().minTrades())
                            .command(commandId));
        }
        step.allocate(TRIGGER_COMMAND);
        return step.done();
    }

    /** RETIRE_MODEL: the model leaves the book; its state is dropped after the event. */
    public Decision retire(long time, String model, String commandId) {
        Step step = begin(time);
        ModelRecord r = models.get(model);
        if (r == null) {
            return refuse(step, time, RuleIds.COMMAND_RETIRE, model, commandId, "unknown model");
        }
        models.remove(model);
        dropPairsOf(model);
        step.add(
                entry(time, GovernanceKind.INFO, Severity.INFO, RuleIds.COMMAND_RETIRE)
                        .model(model, r.version)
                        .states(r.state, ModelState.RETIRED)
                        .reason("retired by command: no more traffic, its state is dropped")
                        .command(commandId));
        step.allocate(TRIGGER_COMMAND);
        return step.done();
    }

    /** HALT: traffic 0 until a RESUME or a new version. */
    public Decision halt(long time, String model, String commandId) {
        Step step = begin(time);
        ModelRecord r = models.get(model);
        if (r == null || r.state == ModelState.HALTED) {
            return refuse(
                    step,
                    time,
                    RuleIds.COMMAND_HALT,
                    model,
                    commandId,
                    r == null ? "unknown model" : "already halted (" + r.haltRule + ")");
        }
        halt(
                step,
                r,
                time,
                entry(time, GovernanceKind.HALT, Severity.WARNING, RuleIds.COMMAND_HALT)
                        .reason("halted by command: traffic 0 until a RESUME or a new version")
                        .command(commandId));
        step.allocate(TRIGGER_COMMAND);
        return step.done();
    }

    /**
     * RESUME. For a model: a halted one returns to probation (not proven yet) or to ACTIVE /
     * WARNING as its last snapshot says; the halting rules it still breaches are acknowledged (they
     * fire again only after the metric has recovered and breached anew); a pause ends. For the book
     * ({@code model == null}): ends the data-quality halt and any loss stop.
     */
    public Decision resume(long time, String model, String commandId) {
        Step step = begin(time);
        if (model == null) {
            return resumeBook(step, time, commandId);
        }
        ModelRecord r = models.get(model);
        if (r == null) {
            return refuse(step, time, RuleIds.COMMAND_RESUME, model, commandId, "unknown model");
        }
        ModelState from = r.state;
        boolean paused = r.pausedAt(time);
        if (from != ModelState.HALTED && !paused) {
            return refuse(
                    step,
                    time,
                    RuleIds.COMMAND_RESUME,
                    model,
                    commandId,
                    "neither halted nor paused (" + from + ")");
        }
        r.pausedUntil = NONE;
        List<String> acknowledged = new ArrayList<>();
        if (from == ModelState.HALTED) {
            MetricRules v = r.metrics == null ? null : MetricRules.judge(r.metrics, policy);
            r.acknowledged = 0;
            if (v != null && v.pfBelowFloor()) {
                r.acknowledged |= ModelRecord.ACK_PF;
                acknowledged.add(RuleIds.PF_HALT);
            }
            if (v != null && v.ddHalt()) {
                r.acknowledged |= ModelRecord.ACK_DD;
                acknowledged.add(RuleIds.DD_HALT);
            }
            if (v != null && v.accuracyHalt()) {
                r.acknowledged |= ModelRecord.ACK_ACCURACY;
                acknowledged.add(RuleIds.BREAKER_ACCURACY);
            }
            r.warnings = v == null ? 0 : warningsOf(r, v);
            r.performing = v != null && v.performing();
            r.state =
                    v == null || !v.proven()
                            ? ModelState.PROBATION
                            : r.warnings != 0 ? ModelState.WARNING : ModelState.ACTIVE;
            r.haltRule = null;
        }
        GovernanceEvent event =
                entry(time, GovernanceKind.RESUME, Severity.INFO, RuleIds.COMMAND_RESUME)
                        .model(r.model, r.version)
                        .states(from, r.state)
                        .reason(
                                "resumed by command"
                                        + (paused ? "; pause lifted" : "")
                                        + (acknowledged.isEmpty()
                                                ? ""
                                                : "; still breaching, acknowledged: "
                                                        + String.join(", ", acknowledged)))
                        .command(commandId)
                        .build(policy.version());
        step.add(event);
        step.allocate(TRIGGER_COMMAND);
        return step.done();
    }

    /**
     * APPROVE_ALLOCATION: {@code maxShare} becomes the model's cap (above or below the cap without
     * approval), and a correlation cut on it is lifted.
     */
    public Decision approve(long time, String model, double maxShare, String commandId) {
        Step step = begin(time);
        ModelRecord r = models.get(model);
        if (r == null || !(maxShare > 0 && maxShare <= 1)) {
            return refuse(
                    step,
                    time,
                    RuleIds.COMMAND_APPROVE,
                    model,
                    commandId,
                    r == null ? "unknown model" : "max share must be in (0, 1]: " + maxShare);
        }
        boolean wasCut = r.correlationCut;
        r.approvedCap = maxShare;
        r.correlationCut = false;
        step.add(
                entry(time, GovernanceKind.INFO, Severity.INFO, RuleIds.COMMAND_APPROVE)
                        .model(r.model, r.version)
                        .states(r.state, r.state)
                        .reason(
                                "allocation approved up to "
                                        + Percent.of(maxShare)
                                        + (wasCut ? "; correlation cut lifted" : ""))
                        .metric("approvedMaxShare", maxShare)
                        .threshold(
                                "allocation.cap-without-approval",
                                policy.allocation().capWithoutApproval())
                        .command(commandId));
        step.allocate(TRIGGER_COMMAND);
        return step.done();
    }

    /**
     * SET_POLICY with the command's YAML payload. A policy with errors is refused with every
     * violation listed, and the book keeps its policy.
     */
    public Decision setPolicy(long time, String policyYaml, String commandId) {
        Policy next;
        try {
            next = Policy.fromYaml("SET_POLICY " + commandId, policyYaml);
        } catch (PolicyException e) {
            Step step = begin(time);
            step.add(
                    entry(time, GovernanceKind.INFO, Severity.ERROR, RuleIds.COMMAND_SET_POLICY)
                            .reason(
                                    "policy refused, "
                                            + policy.version()
                                            + " stays in force: "
                                            + String.join("; ", e.violations()))
                            .metric("violations", e.violations().size())
                            .command(commandId));
            return step.done();
        }
        return setPolicy(time, next, commandId);
    }

    /** SET_POLICY with an already validated policy (or a new policy file at a restart). */
    public Decision setPolicy(long time, Policy next, String commandId) {
        String old = policy.version();
        long oldPeriod = timerPeriod();
        policy = next;
        Step step = begin(time);
        if (oldPeriod != timerPeriod() && nextAllocationAt != NONE) {
            nextAllocationAt = UtcPeriods.nextTick(time, timerPeriod());
        }
        step.add(
                entry(time, GovernanceKind.INFO, Severity.INFO, RuleIds.COMMAND_SET_POLICY)
                        .reason("policy " + next.version() + " replaces " + old)
                        .command(commandId));
        checkRiskScaler(step, time);
        step.allocate(TRIGGER_POLICY);
        return step.done();
    }

    // ---------------------------------------------------------------------------------------
    // Rules
    // ---------------------------------------------------------------------------------------

    /** Halts on the first breached, unacknowledged halting rule; whether it did. */
    private boolean haltOnMetrics(Step step, ModelRecord r, MetricRules v, long time) {
        GovernancePolicy g = policy.governance();
        BreakerPolicy b = policy.breakers();
        ModelMetrics m = r.metrics;
        Journal.Entry e = null;
        if (v.ddHalt() && (r.acknowledged & ModelRecord.ACK_DD) == 0) {
            e =
                    entry(time, GovernanceKind.HALT, Severity.WARNING, RuleIds.DD_HALT)
                            .reason(
                                    "drawdown "
                                            + Percent.of(m.drawdown())
                                            + " above "
                                            + Percent.of(g.modelDrawdownHalt())
                                            + ": halted, traffic 0")
                            .threshold("governance.model-drawdown-halt", g.modelDrawdownHalt());
        } else if (v.pfBelowFloor() && (r.acknowledged & ModelRecord.ACK_PF) == 0) {
            e =
                    entry(time, GovernanceKind.HALT, Severity.WARNING, RuleIds.PF_HALT)
                            .reason(
                                    "profit factor "
                                            + Percent.number(m.profitFactor())
                                            + " below "
                                            + Percent.number(g.pfHalt())
                                            + " after "
                                            + m.closedTrades()
                                            + " closed trades: halted, traffic 0")
                            .threshold("governance.pf-halt", g.pfHalt())
                            .threshold("governance.min-trades", g.minTrades());
        } else if (v.accuracyHalt() && (r.acknowledged & ModelRecord.ACK_ACCURACY) == 0) {
            e =
                    entry(time, GovernanceKind.BREAKER, Severity.WARNING, RuleIds.BREAKER_ACCURACY)
                            .reason(
                                    "win rate "
                                            + Percent.of(m.winRate())
                                            + " below "
                                            + Percent.of(b.minAccuracy())
                                            + " over "
                                            + m.closedTrades()
                                            + " trades: halted")
                            .threshold("breakers.min-accuracy", b.minAccuracy())
                            .threshold("breakers.min-accuracy-trades", b.minAccuracyTrades());
        }
        if (e == null) {
            return false;
        }
        halt(step, r, time, withMetrics(e, m));
        return true;
    }

    /** WARN once per newly raised condition; moves between PROBATION, ACTIVE and WARNING. */
    private void applyWarnings(Step step, ModelRecord r, MetricRules v, long time) {
        GovernancePolicy g = policy.governance();
        ModelMetrics m = r.metrics;
        int conditions = warningsOf(r, v);
        int raised = conditions & ~r.warnings;
        int cleared = r.warnings & ~conditions;
        ModelState from = r.state;
        ModelState target =
                from == ModelState.PROBATION && !v.proven()
                        ? ModelState.PROBATION
                        : conditions != 0 ? ModelState.WARNING : ModelState.ACTIVE;
        r.warnings = conditions;
        boolean performingWritten = false;
        ModelState current = from;
        if (target == ModelState.WARNING && from != ModelState.WARNING && raised == 0) {
            // Leaving probation into a warning raised while still on probation.
            raised = conditions;
        }
        if ((raised & ModelRecord.WARN_PF) != 0) {
            step.add(
                    withMetrics(
                            entry(time, GovernanceKind.WARN, Severity.WARNING, RuleIds.PF_WARN)
                                    .states(current, target)
                                    .reason(
                                            "profit factor "
                                                    + Percent.number(m.profitFactor())
                                                    + " below "
                                                    + Percent.number(g.pfPerforming())
                                                    + " (halt below "
                                                    + Percent.number(g.pfHalt())
                                                    + ")")
                                    .threshold("governance.pf-halt", g.pfHalt())
                                    .threshold("governance.pf-performing", g.pfPerforming()),
                            m),
                    r);
            current = target;
        }
        if ((raised & ModelRecord.WARN_DD) != 0) {
            step.add(
                    withMetrics(
                            entry(time, GovernanceKind.WARN, Severity.WARNING, RuleIds.DD_WARN)
                                    .states(current, target)
                                    .reason(
                                            "drawdown "
                                                    + Percent.of(m.drawdown())
                                                    + " above "
                                                    + Percent.of(g.modelDrawdownWarn())
                                                    + " (halt above "
                                                    + Percent.of(g.modelDrawdownHalt())
                                                    + ")")
                                    .threshold(
                                            "governance.model-drawdown-warn", g.modelDrawdownWarn())
                                    .threshold(
                                            "governance.model-drawdown-halt",
                                            g.modelDrawdownHalt()),
                            m),
                    r);
            current = target;
        }
        if (target == ModelState.ACTIVE && from != ModelState.ACTIVE) {
            String rule =
                    v.performing()
                            ? RuleIds.PF_PERFORMING
                            : from == ModelState.PROBATION
                                    ? RuleIds.PROBATION_COMPLETE
                                    : (cleared & ModelRecord.WARN_PF) != 0
                                            ? RuleIds.PF_WARN
                                            : RuleIds.DD_WARN;
            performingWritten = v.performing();
            step.add(
                    withMetrics(
                            entry(time, GovernanceKind.INFO, Severity.INFO, rule)
                                    .states(from, target)
                                    .reason(
                                            (from == ModelState.PROBATION
                                                            ? "probation complete after "
                                                                    + m.closedTrades()
                                                                    + " closed trades"
                                                            : "warnings cleared")
                                                    + (v.performing()
                                                            ? "; performing (PF "
                                                                    + Percent.number(
                                                                            m.profitFactor())
                                                                    + "): eligible to scale"
                                                            : ""))
                                    .threshold("governance.min-trades", g.minTrades())
                                    .threshold("governance.pf-performing", g.pfPerforming()),
                            m),
                    r);
        }
        if (target != from) {
            step.allocate(TRIGGER_GOVERNANCE);
        }
        r.state = target;
        if (v.performing() && !r.performing && target == ModelState.ACTIVE && !performingWritten) {
            step.add(
                    withMetrics(
                            entry(time, GovernanceKind.INFO, Severity.INFO, RuleIds.PF_PERFORMING)
                                    .states(target, target)
                                    .reason(
                                            "performing (PF "
                                                    + Percent.number(m.profitFactor())
                                                    + "): eligible to scale")
                                    .threshold("governance.pf-performing", g.pfPerforming()),
                            m),
                    r);
            step.allocate(TRIGGER_GOVERNANCE);
        }
        r.performing = v.performing();
    }

    /** The warning conditions of a snapshot; an acknowledged halting breach still warns. */
    private static int warningsOf(ModelRecord r, MetricRules v) {
        int w = 0;
        if (v.pfWarn() || (v.pfBelowFloor() && (r.acknowledged & ModelRecord.ACK_PF) != 0)) {
            w |= ModelRecord.WARN_PF;
        }
        if (v.ddWarn()) {
            w |= ModelRecord.WARN_DD;
        }
        return w;
    }

    /** An acknowledged rule re-arms once its metric is seen back on the safe side. */
    private static void rearm(ModelRecord r, MetricRules v) {
        if (!v.pfBelowFloor()) {
            r.acknowledged &= ~ModelRecord.ACK_PF;
        }
        if (!v.ddHalt()) {
            r.acknowledged &= ~ModelRecord.ACK_DD;
        }
        if (!v.accuracyHalt()) {
            r.acknowledged &= ~ModelRecord.ACK_ACCURACY;
        }
    }

    /** PF below the floor for longer than {@code governance.escalation-after}: once per episode. */
    private void checkEscalation(Step step, ModelRecord r, long time) {
        Duration after = policy.governance().escalationAfter();
        if (r.pfBelowSince == NONE || r.escalated || time - r.pfBelowSince <= after.toMillis()) {
            return;
        }
        r.escalated = true;
        double hours = (time - r.pfBelowSince) / 3_600_000.0;
        step.add(
                withMetrics(
                        entry(time, GovernanceKind.ESCALATE, Severity.ERROR, RuleIds.PF_ESCALATE)
                                .states(r.state, r.state)
                                .reason(
                                        "profit factor below "
                                                + Percent.number(policy.governance().pfHalt())
                                                + " since "
                                                + Instant.ofEpochMilli(r.pfBelowSince)
                                                + ", longer than "
                                                + after.toHours()
                                                + " h: needs a person")
                                .metric("hoursBelowFloor", hours)
                                .threshold("governance.pf-halt", policy.governance().pfHalt())
                                .threshold("governance.escalation-after", after.toMillis()),
                        r.metrics),
                r);
    }

    /** One more closed trade of the model today; beyond the maximum it pauses until tomorrow. */
    private void countTradeOfDay(Step step, ModelRecord r, long time) {
        long day = UtcPeriods.day(time);
        if (day != r.tradeDay) {
            r.tradeDay = day;
            r.tradesThatDay = 0;
        }
        r.tradesThatDay++;
        int max = policy.breakers().maxTradesPerDay();
        if (r.tradesThatDay > max && !r.pausedAt(time) && r.state != ModelState.HALTED) {
            r.pausedUntil = UtcPeriods.nextDayStart(time);
            step.add(
                    entry(
                                    time,
                                    GovernanceKind.BREAKER,
                                    Severity.WARNING,
                                    RuleIds.BREAKER_MAX_TRADES)
                            .model(r.model, r.version)
                            .states(r.state, r.state)
                            .reason(
                                    r.tradesThatDay
                                            + " closed trades today, more than "
                                            + max
                                            + ": paused until "
                                            + Instant.ofEpochMilli(r.pausedUntil))
                            .metric("tradesToday", r.tradesThatDay)
                            .threshold("breakers.max-trades-per-day", max));
        }
    }

    private void checkRiskScaler(Step step, long time) {
        BookRiskPolicy p = policy.governance().book();
        double dd = equity.drawdown(p.capital());
        boolean cut = RiskScaler.cutAfter(riskCut, dd, p);
        if (cut == riskCut) {
            return;
        }
        riskCut = cut;
        step.add(
                entry(
                                time,
                                GovernanceKind.RISK_SCALE,
                                cut ? Severity.WARNING : Severity.INFO,
                                RuleIds.BOOK_RISK_SCALE)
                        .reason(
                                cut
                                        ? "book drawdown "
                                                + Percent.of(dd)
                                                + " above "
                                                + Percent.of(p.scaleAbove())
                                                + ": all sizing × "
                                                + Percent.number(p.riskScaler())
                                                + " until it recovers below "
                                                + Percent.of(p.restoreBelow())
                                        : "book drawdown "
                                                + Percent.of(dd)
                                                + " back below "
                                                + Percent.of(p.restoreBelow())
                                                + ": sizing restored")
                        .metric("bookDrawdown", dd)
                        .metric("equity", equity.equity(p.capital()))
                        .metric("peakEquity", equity.peak(p.capital()))
                        .metric("riskScaler", riskScaler())
                        .threshold("governance.book.scale-above", p.scaleAbove())
                        .threshold("governance.book.restore-below", p.restoreBelow())
                        .threshold("governance.book.risk-scaler", p.riskScaler()));
        step.allocate(TRIGGER_GOVERNANCE);
    }

    private void checkLossBreakers(Step step, long time) {
        BreakerPolicy b = policy.breakers();
        double capital = capital();
        if (dailyStopUntil == NONE && equity.dailyLoss(capital) > b.dailyLoss()) {
            dailyStopUntil = UtcPeriods.nextDayStart(time);
            step.add(
                    lossTrip(
                            time,
                            RuleIds.BREAKER_DAILY_LOSS,
                            "day",
                            equity.dailyLoss(capital),
                            equity.dayOpen(capital),
                            b.dailyLoss(),
                            "breakers.daily-loss",
                            dailyStopUntil));
            step.allocate(TRIGGER_GOVERNANCE);
        }
        if (weeklyStopUntil == NONE && equity.weeklyLoss(capital) > b.weeklyLoss()) {
            weeklyStopUntil = UtcPeriods.nextWeekStart(time);
            step.add(
                    lossTrip(
                            time,
                            RuleIds.BREAKER_WEEKLY_LOSS,
                            "week",
                            equity.weeklyLoss(capital),
                            equity.weekOpen(capital),
                            b.weeklyLoss(),
                            "breakers.weekly-loss",
                            weeklyStopUntil));
            step.allocate(TRIGGER_GOVERNANCE);
        }
    }

    private GovernanceEvent lossTrip(
            long time,
            String rule,
            String period,
            double loss,
            double open,
            double limit,
            String key,
            long until) {
        return entry(time, GovernanceKind.BREAKER, Severity.ERROR, rule)
                .reason(
                        "book lost "
                                + Percent.of(loss)
                                + " of its equity since the "
                                + period
                                + " opened, more than "
                                + Percent.of(limit)
                                + ": book stopped until "
                                + Instant.ofEpochMilli(until))
                .metric("loss", loss)
                .metric("openingEquity", open)
                .metric("equity", equity.equity(capital()))
                .threshold(key, limit)
                .build(policy.version());
    }

    private Decision resumeBook(Step step, long time, String commandId) {
        if (!dataQualityHalt && !stopped(time)) {
            return refuse(
                    step, time, RuleIds.COMMAND_RESUME, null, commandId, "the book is not stopped");
        }
        dataQualityHalt = false;
        dailyStopUntil = NONE;
        weeklyStopUntil = NONE;
        step.add(
                entry(time, GovernanceKind.RESUME, Severity.INFO, RuleIds.COMMAND_RESUME)
                        .reason("book resumed by command: breaker stops lifted")
                        .command(commandId)
                        .build(policy.version()));
        step.allocate(TRIGGER_COMMAND);
        return step.done();
    }

    private void halt(Step step, ModelRecord r, long time, Journal.Entry event) {
        ModelState from = r.state;
        r.state = ModelState.HALTED;
        r.haltRule = event.rule();
        r.warnings = 0;
        r.pausedUntil = NONE; // the halt supersedes a pause; only a RESUME brings it back
        r.performing = false;
        step.add(event.model(r.model, r.version).states(from, ModelState.HALTED), r);
        step.allocate(TRIGGER_GOVERNANCE);
    }

    private Decision refuse(
            Step step, long time, String rule, String model, String commandId, String why) {
        ModelRecord r = model == null ? null : models.get(model);
        ModelState state = r == null ? ModelState.UNKNOWN : r.state;
        step.add(
                entry(time, GovernanceKind.INFO, Severity.WARNING, rule)
                        .model(model, r == null ? null : r.version)
                        .states(state, state)
                        .reason("command refused: " + why)
                        .command(commandId)
                        .build(policy.version()));
        return step.done();
    }

    // ---------------------------------------------------------------------------------------
    // Allocation
    // ---------------------------------------------------------------------------------------

    private AllocationEvent allocation(long time, String trigger) {
        var a = policy.allocation();
        List<Arm> arms = new ArrayList<>(models.size());
        String bookStop = bookStopReason(time);
        for (ModelRecord r : models.values()) {
            List<String> why = new ArrayList<>();
            Tier tier;
            if (bookStop != null) {
                tier = Tier.OFF;
                why.add(bookStop);
            } else if (r.state == ModelState.HALTED) {
                tier = Tier.OFF;
                why.add("halted (" + r.haltRule + ")");
            } else if (r.pausedAt(time)) {
                tier = Tier.OFF;
                why.add(
                        "paused by "
                                + RuleIds.BREAKER_MAX_TRADES
                                + " until "
                                + Instant.ofEpochMilli(r.pausedUntil));
            } else if (r.state == ModelState.PROBATION || r.correlationCut) {
                tier = Tier.FIXED;
                if (r.state == ModelState.PROBATION) {
                    why.add(
                            "unproven: on probation until "
                                    + policy.governance().minTrades()
                                    + " closed trades in the window");
                }
                if (r.correlationCut) {
                    why.add("correlation flag: cut to the start share until approved");
                }
            } else if (r.state == ModelState.ACTIVE
                    && r.metrics != null
                    && MetricRules.judge(r.metrics, policy).winner()) {
                tier = Tier.WINNER;
                why.add(
                        "winner: PF "
                                + Percent.number(r.metrics.profitFactor())
                                + " and max drawdown "
                                + Percent.of(r.metrics.maxDrawdown())
                                + " pass the scale gate");
            } else {
                tier = Tier.BANDIT;
            }
            double cap = Double.isNaN(r.approvedCap) ? a.capWithoutApproval() : r.approvedCap;
            why.add(
                    Double.isNaN(r.approvedCap)
                            ? "cap " + Percent.of(cap) + " without approval"
                            : "approved cap " + Percent.of(cap));
            arms.add(
                    new Arm(
                            r.model,
                            r.version,
                            r.state,
                            r.posterior.alpha(),
                            r.posterior.beta(),
                            tier,
                            cap,
                            why));
        }
        List<String> bookReasons = new ArrayList<>();
        if (riskCut) {
            BookRiskPolicy p = policy.governance().book();
            bookReasons.add(
                    "risk scaler "
                            + Percent.number(p.riskScaler())
                            + ": book drawdown "
                            + Percent.of(bookDrawdown())
                            + " (cut above "
                            + Percent.of(p.scaleAbove())
                            + ", lifted below "
                            + Percent.of(p.restoreBelow())
                            + ")");
        }
        if (bookStop != null) {
            bookReasons.add(bookStop);
        }
        return new Allocator(a, policy.version())
                .allocate(book, time, trigger, riskScaler(), arms, bookReasons);
    }

    private String bookStopReason(long time) {
        if (dataQualityHalt) {
            return "book halted by " + RuleIds.BREAKER_DATA_QUALITY + " until a RESUME";
        }
        if (weeklyStopUntil != NONE && weeklyStopUntil > time) {
            return "book stopped by "
                    + RuleIds.BREAKER_WEEKLY_LOSS
                    + " until "
                    + Instant.ofEpochMilli(weeklyStopUntil);
        }
        if (dailyStopUntil != NONE && dailyStopUntil > time) {
            return "book stopped by "
                    + RuleIds.BREAKER_DAILY_LOSS
                    + " until "
                    + Instant.ofEpochMilli(dailyStopUntil);
        }
        return null;
    }

    private boolean stopped(long time) {
        return (dailyStopUntil != NONE && dailyStopUntil > time)
                || (weeklyStopUntil != NONE && weeklyStopUntil > time);
    }

    // ---------------------------------------------------------------------------------------
    // One input's bookkeeping
    // ---------------------------------------------------------------------------------------

    /**
     * Starts handling an input at {@code time}: rolls the day and week forward, and ends the pauses
     * and loss stops whose time is up (each with an entry, and a reallocation).
     */
    private Step begin(long time) {
        Step step = new Step(time);
        if (nextAllocationAt == NONE) {
            nextAllocationAt = UtcPeriods.nextTick(time, timerPeriod());
        }
        equity.roll(time);
        if (dailyStopUntil != NONE && time >= dailyStopUntil) {
            step.add(stopEnded(time, RuleIds.BREAKER_DAILY_LOSS, dailyStopUntil));
            dailyStopUntil = NONE;
            step.allocate(TRIGGER_GOVERNANCE);
        }
        if (weeklyStopUntil != NONE && time >= weeklyStopUntil) {
            step.add(stopEnded(time, RuleIds.BREAKER_WEEKLY_LOSS, weeklyStopUntil));
            weeklyStopUntil = NONE;
            step.allocate(TRIGGER_GOVERNANCE);
        }
        for (ModelRecord r : models.values()) {
            if (r.pausedUntil != NONE && time >= r.pausedUntil) {
                r.pausedUntil = NONE;
                step.add(
                        entry(time, GovernanceKind.INFO, Severity.INFO, RuleIds.BREAKER_MAX_TRADES)
                                .model(r.model, r.version)
                                .states(r.state, r.state)
                                .reason("pause over: a new day")
                                .build(policy.version()));
                step.allocate(TRIGGER_GOVERNANCE);
            }
        }
        return step;
    }

    private GovernanceEvent stopEnded(long time, String rule, long until) {
        return entry(time, GovernanceKind.INFO, Severity.INFO, rule)
                .reason("book stop over at " + Instant.ofEpochMilli(until) + ": a new period")
                .build(policy.version());
    }

    /** The entries and the allocation trigger of the input being handled. */
    private final class Step {
        private final long time;
        private final List<GovernanceEvent> events = new ArrayList<>();
        private String trigger;

        Step(long time) {
            this.time = time;
        }

        void add(GovernanceEvent event) {
            events.add(event);
        }

        void add(Journal.Entry entry) {
            events.add(entry.build(policy.version()));
        }

        void add(Journal.Entry entry, ModelRecord r) {
            events.add(entry.model(r.model, r.version).build(policy.version()));
        }

        /** Asks for an allocation; an input's own trigger wins over "governance". */
        void allocate(String why) {
            if (trigger == null || TRIGGER_GOVERNANCE.equals(trigger)) {
                trigger = why;
            }
        }

        Decision done() {
            return new Decision(events, trigger == null ? null : allocation(time, trigger));
        }
    }

    private Journal.Entry entry(long time, GovernanceKind kind, Severity severity, String rule) {
        return Journal.entry(book, ++eventSeq, time, kind, severity, rule);
    }

    private static Journal.Entry withMetrics(Journal.Entry e, ModelMetrics m) {
        if (m == null) {
            return e;
        }
        return e.metric("profitFactor", m.profitFactor())
                .metric("closedTrades", m.closedTrades())
                .metric("winRate", m.winRate())
                .metric("drawdown", m.drawdown())
                .metric("maxDrawdown", m.maxDrawdown());
    }

    private String versionOf(String model) {
        ModelRecord r = model == null ? null : models.get(model);
        return r == null ? null : r.version;
    }

    private double capital() {
        return policy.governance().book().capital();
    }

    private long timerPeriod() {
        return policy.allocation().timerPeriod().toMillis();
    }

    private void dropPairsOf(String model) {
        Iterator<String> it = flaggedPairs.iterator();
        while (it.hasNext()) {
            String pair = it.next();
            int bar = pair.indexOf('|');
            if (pair.substring(0, bar).equals(model) || pair.substring(bar + 1).equals(model)) {
                it.remove();
            }
        }
        for (ModelRecord r : models.values()) {
            // A cut belongs to a flagged pair; with the partner gone or restarted, re-check on the
            // next correlation instead of cutting forever.
            if (r.correlationCut && !hasPair(r.model)) {
                r.correlationCut = false;
            }
        }
    }

    private boolean hasPair(String model) {
        for (String pair : flaggedPairs) {
            int bar = pair.indexOf('|');
            if (pair.substring(0, bar).equals(model) || pair.substring(bar + 1).equals(model)) {
                return true;
            }
        }
        return false;
    }

    private static String pairKey(String a, String b) {
        return a.compareTo(b) < 0 ? a + "|" + b : b + "|" + a;
    }

    private static boolean validId(String id) {
        return id != null && !id.isBlank() && id.length() <= MAX_ID_LENGTH && id.indexOf('|') < 0;
    }

    private static long earliest(long current, long candidate) {
        return candidate == NONE ? current : Math.min(current, candidate);
    }

    // ---------------------------------------------------------------------------------------
    // State
    // ---------------------------------------------------------------------------------------

    public void writeTo(DataOutput out) throws IOException {
        out.writeByte(FORMAT);
        out.writeUTF(book);
        PolicyBinary.writeTo(policy, out);
        equity.writeTo(out);
        out.writeBoolean(riskCut);
        out.writeLong(dailyStopUntil);
        out.writeLong(weeklyStopUntil);
        out.writeBoolean(dataQualityHalt);
        out.writeLong(eventSeq);
        out.writeLong(registrationSeq);
        out.writeLong(nextAllocationAt);
        out.writeInt(models.size());
        for (ModelRecord r : models.values()) {
            r.writeTo(out);
        }
        out.writeInt(flaggedPairs.size());
        for (String pair : flaggedPairs) {
            out.writeUTF(pair);
        }
    }

    public static BookGovernor readFrom(DataInput in) throws IOException {
        byte format = in.readByte();
        if (format != FORMAT) {
            throw new IOException("unknown governor state format " + format);
        }
        BookGovernor g = new BookGovernor(in.readUTF(), PolicyBinary.readFrom(in));
        g.equity = BookEquity.readFrom(in);
        g.riskCut = in.readBoolean();
        g.dailyStopUntil = in.readLong();
        g.weeklyStopUntil = in.readLong();
        g.dataQualityHalt = in.readBoolean();
        g.eventSeq = in.readLong();
        g.registrationSeq = in.readLong();
        g.nextAllocationAt = in.readLong();
        int n = StateIo.readCount(in, MAX_MODELS_IN_STATE, "models");
        for (int i = 0; i < n; i++) {
            ModelRecord r = ModelRecord.readFrom(in);
            g.models.put(r.model, r);
        }
        StateIo.check(g.models.size() == n, "duplicate model ids");
        int pairs = StateIo.readCount(in, n * (n - 1) / 2, "flagged pairs");
        for (int i = 0; i < pairs; i++) {
            g.flaggedPairs.add(in.readUTF());
        }
        return g;
    }
}
