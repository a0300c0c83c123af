package io.arbiter.operators.governance;

import io.arbiter.operators.allocation.Percent;
import io.arbiter.operators.policy.BreakerPolicy;
import io.arbiter.operators.policy.GovernancePolicy;
import io.arbiter.operators.policy.PolicyKey;
import io.arbiter.schemas.GovernanceKind;
import io.arbiter.schemas.ModelState;
import io.arbiter.schemas.Severity;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The rules a model's performance snapshot drives (DOMAIN.md §2, §4, and the accuracy breaker of
 * §7): halt on profit factor, drawdown or accuracy; warn in the profit-factor band and on drawdown;
 * probation complete and "performing"; the escalation of a profit factor below the floor for too
 * long; and what a RESUME acknowledges of the breaches a model still has.
 */
final class ModelRules {

    private final GovernorState s;

    ModelRules(GovernorState state) {
        this.s = state;
    }

    /** A performance snapshot of the model: the profit-factor, drawdown and accuracy rules. */
    void onMetrics(GovernorStep step, ModelRecord r, ModelMetrics metrics) {
        long time = step.time();
        boolean wasWinner = r.metrics != null && MetricRules.judge(r.metrics, s.policy).winner();
        r.metrics = metrics;
        MetricRules v = MetricRules.judge(metrics, s.policy);
        rearm(r, v);
        if (v.pfBelowFloor()) {
            if (r.pfBelowSince == GovernorState.NONE) {
                r.pfBelowSince = time;
            }
        } else {
            r.pfBelowSince = GovernorState.NONE;
            r.escalated = false;
        }
        if (r.state != ModelState.HALTED) {
            if (!haltOnMetrics(step, r, v)) {
                applyWarnings(step, r, v);
            }
        }
        if (r.state == ModelState.ACTIVE && wasWinner != v.winner()) {
            // Passing or failing the scale gate moves a share between the bandit and the cap.
            step.allocate(GovernorStep.TRIGGER_GOVERNANCE);
        }
        checkEscalation(step, r);
    }

    /** PF below the floor for longer than {@code governance.escalation-after}: once per episode. */
    void checkEscalation(GovernorStep step, ModelRecord r) {
        long time = step.time();
        Duration after = s.policy.governance().escalationAfter();
        if (r.pfBelowSince == GovernorState.NONE
                || r.escalated
                || time - r.pfBelowSince <= after.toMillis()) {
            return;
        }
        r.escalated = true;
        double hours = (time - r.pfBelowSince) / 3_600_000.0;
        step.add(
                withMetrics(
                        s.entry(time, GovernanceKind.ESCALATE, Severity.ERROR, RuleIds.PF_ESCALATE)
                                .states(r.state, r.state)
                                .reason(
                                        "profit factor below "
                                                + Percent.number(s.policy.governance().pfHalt())
                                                + " since "
                                                + Instant.ofEpochMilli(r.pfBelowSince)
                                                + ", longer than "
                                                + after.toHours()
                                                + " h: needs a person")
                                .metric("hoursBelowFloor", hours)
                                .threshold(
                                        PolicyKey.GOVERNANCE_PF_HALT,
                                        s.policy.governance().pfHalt())
                                .threshold(PolicyKey.GOVERNANCE_ESCALATION_AFTER, after.toMillis()),
                        r.metrics),
                r);
    }

    /** When the escalation of {@code r} falls due; NONE when its clock is not running. */
    long escalationDue(ModelRecord r) {
        if (r.pfBelowSince == GovernorState.NONE || r.escalated) {
            return GovernorState.NONE;
        }
        return r.pfBelowSince + s.policy.governance().escalationAfter().toMillis() + 1;
    }

    /**
     * A RESUME of a halted model: it returns to probation (not proven yet) or to ACTIVE / WARNING
     * as its last snapshot says, and the halting rules it still breaches are acknowledged (they
     * fire again only after the metric has recovered and breached anew). Returns the rule ids
     * acknowledged.
     */
    List<String> resumeHalted(ModelRecord r) {
        MetricRules v = r.metrics == null ? null : MetricRules.judge(r.metrics, s.policy);
        List<String> acknowledged = new ArrayList<>();
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
        return acknowledged;
    }

    /** Halts on the first breached, unacknowledged halting rule; whether it did. */
    private boolean haltOnMetrics(GovernorStep step, ModelRecord r, MetricRules v) {
        long time = step.time();
        GovernancePolicy g = s.policy.governance();
        BreakerPolicy b = s.policy.breakers();
        ModelMetrics m = r.metrics;
        Journal.Entry e = null;
        if (v.ddHalt() && (r.acknowledged & ModelRecord.ACK_DD) == 0) {
            e =
                    s.entry(time, GovernanceKind.HALT, Severity.WARNING, RuleIds.DD_HALT)
                            .reason(
                                    "drawdown "
                                            + Percent.of(m.drawdown())
                                            + " above "
                                            + Percent.of(g.modelDrawdownHalt())
                                            + ": halted, traffic 0")
                            .threshold(
                                    PolicyKey.GOVERNANCE_MODEL_DRAWDOWN_HALT,
                                    g.modelDrawdownHalt());
        } else if (v.pfBelowFloor() && (r.acknowledged & ModelRecord.ACK_PF) == 0) {
            e =
                    s.entry(time, GovernanceKind.HALT, Severity.WARNING, RuleIds.PF_HALT)
                            .reason(
                                    "profit factor "
                                            + Percent.number(m.profitFactor())
                                            + " below "
                                            + Percent.number(g.pfHalt())
                                            + " after "
                                            + m.closedTrades()
                                            + " closed trades: halted, traffic 0")
                            .threshold(PolicyKey.GOVERNANCE_PF_HALT, g.pfHalt())
                            .threshold(PolicyKey.GOVERNANCE_MIN_TRADES, g.minTrades());
        } else if (v.accuracyHalt() && (r.acknowledged & ModelRecord.ACK_ACCURACY) == 0) {
            e =
                    s.entry(
                                    time,
                                    GovernanceKind.BREAKER,
                                    Severity.WARNING,
                                    RuleIds.BREAKER_ACCURACY)
                            .reason(
                                    "win rate "
                                            + Percent.of(m.winRate())
                                            + " below "
                                            + Percent.of(b.minAccuracy())
                                            + " over "
                                            + m.closedTrades()
                                            + " trades: halted")
                            .threshold(PolicyKey.BREAKERS_MIN_ACCURACY, b.minAccuracy())
                            .threshold(
                                    PolicyKey.BREAKERS_MIN_ACCURACY_TRADES, b.minAccuracyTrades());
        }
        if (e == null) {
            return false;
        }
        step.halt(r, withMetrics(e, m));
        return true;
    }

    /** WARN once per newly raised condition; moves between PROBATION, ACTIVE and WARNING. */
    private void applyWarnings(GovernorStep step, ModelRecord r, MetricRules v) {
        long time = step.time();
        GovernancePolicy g = s.policy.governance();
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
                            s.entry(time, GovernanceKind.WARN, Severity.WARNING, RuleIds.PF_WARN)
                                    .states(current, target)
                                    .reason(
                                            "profit factor "
                                                    + Percent.number(m.profitFactor())
                                                    + " below "
                                                    + Percent.number(g.pfPerforming())
                                                    + " (halt below "
                                                    + Percent.number(g.pfHalt())
                                                    + ")")
                                    .threshold(PolicyKey.GOVERNANCE_PF_HALT, g.pfHalt())
                                    .threshold(
                                            PolicyKey.GOVERNANCE_PF_PERFORMING, g.pfPerforming()),
                            m),
                    r);
            current = target;
        }
        if ((raised & ModelRecord.WARN_DD) != 0) {
            step.add(
                    withMetrics(
                            s.entry(time, GovernanceKind.WARN, Severity.WARNING, RuleIds.DD_WARN)
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
                                            PolicyKey.GOVERNANCE_MODEL_DRAWDOWN_WARN,
                                            g.modelDrawdownWarn())
                                    .threshold(
                                            PolicyKey.GOVERNANCE_MODEL_DRAWDOWN_HALT,
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
                            s.entry(time, GovernanceKind.INFO, Severity.INFO, rule)
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
                                    .threshold(PolicyKey.GOVERNANCE_MIN_TRADES, g.minTrades())
                                    .threshold(
                                            PolicyKey.GOVERNANCE_PF_PERFORMING, g.pfPerforming()),
                            m),
                    r);
        }
        if (target != from) {
            step.allocate(GovernorStep.TRIGGER_GOVERNANCE);
        }
        r.state = target;
        if (v.performing() && !r.performing && target == ModelState.ACTIVE && !performingWritten) {
            step.add(
                    withMetrics(
                            s.entry(time, GovernanceKind.INFO, Severity.INFO, RuleIds.PF_PERFORMING)
                                    .states(target, target)
                                    .reason(
                                            "performing (PF "
                                                    + Percent.number(m.profitFactor())
                                                    + "): eligible to scale")
                                    .threshold(
                                            PolicyKey.GOVERNANCE_PF_PERFORMING, g.pfPerforming()),
                            m),
                    r);
            step.allocate(GovernorStep.TRIGGER_GOVERNANCE);
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

    /** The snapshot's numbers on an entry about the model's performance. */
    static Journal.Entry withMetrics(Journal.Entry e, ModelMetrics m) {
        if (m == null) {
            return e;
        }
        return e.metric("profitFactor", m.profitFactor())
                .metric("closedTrades", m.closedTrades())
                .metric("winRate", m.winRate())
                .metric("drawdown", m.drawdown())
                .metric("maxDrawdown", m.maxDrawdown());
    }
}
