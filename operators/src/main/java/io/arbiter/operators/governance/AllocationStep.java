package io.arbiter.operators.governance;

import io.arbiter.operators.allocation.Allocator;
import io.arbiter.operators.allocation.Arm;
import io.arbiter.operators.allocation.Percent;
import io.arbiter.operators.allocation.Tier;
import io.arbiter.operators.policy.AllocationPolicy;
import io.arbiter.operators.policy.BookRiskPolicy;
import io.arbiter.schemas.AllocationEvent;
import io.arbiter.schemas.ModelState;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns the governor's standings into the allocator's input (DOMAIN.md §3): one {@link Arm} per
 * model with its tier (off, fixed at the start share, bandit, winner), its cap and the reasons that
 * placed it there, and the book's own reasons (risk scaler, stops). The allocator does the rest;
 * see {@link io.arbiter.operators.allocation.ShareRule} for how shares follow from tiers.
 */
final class AllocationStep {

    private final GovernorState s;
    private final BookBreakers breakers;

    AllocationStep(GovernorState state, BookBreakers breakers) {
        this.s = state;
        this.breakers = breakers;
    }

    AllocationEvent allocate(long time, String trigger) {
        AllocationPolicy a = s.policy.allocation();
        String bookStop = breakers.stopReason(time);
        List<Arm> arms = new ArrayList<>(s.models.size());
        for (ModelRecord r : s.models.values()) {
            arms.add(arm(r, time, bookStop));
        }
        List<String> bookReasons = new ArrayList<>();
        if (s.riskCut) {
            BookRiskPolicy p = s.policy.governance().book();
            bookReasons.add(
                    "risk scaler "
                            + Percent.number(p.riskScaler())
                            + ": book drawdown "
                            + Percent.of(s.equity.drawdown(s.capital()))
                            + " (cut above "
                            + Percent.of(p.scaleAbove())
                            + ", lifted below "
                            + Percent.of(p.restoreBelow())
                            + ")");
        }
        if (bookStop != null) {
            bookReasons.add(bookStop);
        }
        return new Allocator(a, s.policy.version())
                .allocate(s.book, time, trigger, s.riskScaler(), arms, bookReasons);
    }

    /** The model's arm: the first condition that applies decides its tier. */
    private Arm arm(ModelRecord r, long time, String bookStop) {
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
                                + s.policy.governance().minTrades()
                                + " closed trades in the window");
            }
            if (r.correlationCut) {
                why.add("correlation flag: cut to the start share until approved");
            }
        } else if (r.state == ModelState.ACTIVE
                && r.metrics != null
                && MetricRules.judge(r.metrics, s.policy).winner()) {
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
        double cap =
                Double.isNaN(r.approvedCap)
                        ? s.policy.allocation().capWithoutApproval()
                        : r.approvedCap;
        why.add(
                Double.isNaN(r.approvedCap)
                        ? "cap " + Percent.of(cap) + " without approval"
                        : "approved cap " + Percent.of(cap));
        return new Arm(
                r.model,
                r.version,
                r.state,
                r.posterior.alpha(),
                r.posterior.beta(),
                tier,
                cap,
                why);
    }
}
