package io.arbiter.operators.governance;

import io.arbiter.operators.policy.PolicyKey;
import io.arbiter.schemas.GovernanceKind;
import io.arbiter.schemas.ModelState;
import io.arbiter.schemas.Severity;

import java.time.Duration;
import java.time.Instant;

/**
 * What stops one model whatever its results (DOMAIN.md §7, and the model failure of §2): the
 * trades-per-day breaker, which pauses it until the next UTC day; the scoring-latency breaker; and
 * a failure to load or to score. The last two halt it until a RESUME or a new version.
 */
final class ModelBreakers {

    private final GovernorState s;

    ModelBreakers(GovernorState state) {
        this.s = state;
    }

    /** One more closed trade of the model today; beyond the maximum it pauses until tomorrow. */
    void countTradeOfDay(GovernorStep step, ModelRecord r) {
        long time = step.time();
        long day = UtcPeriods.day(time);
        if (day != r.tradeDay) {
            r.tradeDay = day;
            r.tradesThatDay = 0;
        }
        r.tradesThatDay++;
        int max = s.policy.breakers().maxTradesPerDay();
        if (r.tradesThatDay > max && !r.pausedAt(time) && r.state != ModelState.HALTED) {
            r.pausedUntil = UtcPeriods.nextDayStart(time);
            step.add(
                    s.entry(
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
                            .threshold(PolicyKey.BREAKERS_MAX_TRADES_PER_DAY, max));
        }
    }

    /** Ends the pauses whose day is over, each with an entry and a reallocation. */
    void endPauses(GovernorStep step) {
        long time = step.time();
        for (ModelRecord r : s.models.values()) {
            if (r.pausedUntil != GovernorState.NONE && time >= r.pausedUntil) {
                r.pausedUntil = GovernorState.NONE;
                step.add(
                        s.entry(
                                        time,
                                        GovernanceKind.INFO,
                                        Severity.INFO,
                                        RuleIds.BREAKER_MAX_TRADES)
                                .model(r.model, r.version)
                                .states(r.state, r.state)
                                .reason("pause over: a new day")
                                .build(s.policy.version()));
                step.allocate(GovernorStep.TRIGGER_GOVERNANCE);
            }
        }
    }

    /** A scoring latency above {@code breakers.max-scoring-latency} halts the model. */
    void onScoringLatency(GovernorStep step, ModelRecord r, Duration latency) {
        long time = step.time();
        Duration max = s.policy.breakers().maxScoringLatency();
        if (r.state != ModelState.HALTED && latency.compareTo(max) > 0) {
            step.halt(
                    r,
                    s.entry(
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
                            .threshold(PolicyKey.BREAKERS_MAX_SCORING_LATENCY, max.toMillis()));
        }
    }

    /** The model failed to load or to score: traffic 0, the book falls back to its baseline. */
    void onModelFailure(GovernorStep step, ModelRecord r, String cause) {
        if (r.state != ModelState.HALTED) {
            step.halt(
                    r,
                    s.entry(step.time(), GovernanceKind.HALT, Severity.ERROR, RuleIds.MODEL_FAILURE)
                            .reason(
                                    cause
                                            + "; traffic 0, the book falls back to its baseline"
                                            + " model"));
        }
    }
}
