package io.arbiter.operators.governance;

import io.arbiter.operators.allocation.Percent;
import io.arbiter.operators.policy.BookRiskPolicy;
import io.arbiter.operators.policy.BreakerPolicy;
import io.arbiter.operators.policy.PolicyKey;
import io.arbiter.schemas.GovernanceEvent;
import io.arbiter.schemas.GovernanceKind;
import io.arbiter.schemas.Severity;

import java.time.Instant;

/**
 * What one book's results and inputs do to the whole book (DOMAIN.md §2, §7): the risk scaler with
 * hysteresis on the book's drawdown, the daily and weekly loss stops (until the next UTC day or ISO
 * week, or a RESUME for the book), and the data-quality halt (until a RESUME for the book).
 */
final class BookBreakers {

    private final GovernorState s;

    BookBreakers(GovernorState state) {
        this.s = state;
    }

    /** The share of valid input records: below {@code breakers.min-valid-share} halts the book. */
    void onDataQuality(GovernorStep step, long validRecords, long totalRecords) {
        if (totalRecords <= 0 || s.dataQualityHalt) {
            return;
        }
        double share = (double) validRecords / totalRecords;
        double min = s.policy.breakers().minValidShare();
        if (share < min) {
            s.dataQualityHalt = true;
            step.add(
                    s.entry(
                                    step.time(),
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
                            .threshold(PolicyKey.BREAKERS_MIN_VALID_SHARE, min));
            step.allocate(GovernorStep.TRIGGER_GOVERNANCE);
        }
    }

    /** Cuts or restores the sizing as the book's drawdown crosses the scaler's thresholds. */
    void checkRiskScaler(GovernorStep step) {
        BookRiskPolicy p = s.policy.governance().book();
        double dd = s.equity.drawdown(p.capital());
        boolean cut = RiskScaler.cutAfter(s.riskCut, dd, p);
        if (cut == s.riskCut) {
            return;
        }
        s.riskCut = cut;
        step.add(
                s.entry(
                                step.time(),
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
                        .metric("equity", s.equity.equity(p.capital()))
                        .metric("peakEquity", s.equity.peak(p.capital()))
                        .metric("riskScaler", s.riskScaler())
                        .threshold(PolicyKey.GOVERNANCE_BOOK_SCALE_ABOVE, p.scaleAbove())
                        .threshold(PolicyKey.GOVERNANCE_BOOK_RESTORE_BELOW, p.restoreBelow())
                        .threshold(PolicyKey.GOVERNANCE_BOOK_RISK_SCALER, p.riskScaler()));
        step.allocate(GovernorStep.TRIGGER_GOVERNANCE);
    }

    /** Stops the book when its loss since the day's or the week's opening exceeds the limit. */
    void checkLossBreakers(GovernorStep step) {
        long time = step.time();
        BreakerPolicy b = s.policy.breakers();
        double capital = s.capital();
        if (s.dailyStopUntil == GovernorState.NONE && s.equity.dailyLoss(capital) > b.dailyLoss()) {
            s.dailyStopUntil = UtcPeriods.nextDayStart(time);
            step.add(
                    lossTrip(
                            time,
                            RuleIds.BREAKER_DAILY_LOSS,
                            "day",
                            s.equity.dailyLoss(capital),
                            s.equity.dayOpen(capital),
                            b.dailyLoss(),
                            PolicyKey.BREAKERS_DAILY_LOSS,
                            s.dailyStopUntil));
            step.allocate(GovernorStep.TRIGGER_GOVERNANCE);
        }
        if (s.weeklyStopUntil == GovernorState.NONE
                && s.equity.weeklyLoss(capital) > b.weeklyLoss()) {
            s.weeklyStopUntil = UtcPeriods.nextWeekStart(time);
            step.add(
                    lossTrip(
                            time,
                            RuleIds.BREAKER_WEEKLY_LOSS,
                            "week",
                            s.equity.weeklyLoss(capital),
                            s.equity.weekOpen(capital),
                            b.weeklyLoss(),
                            PolicyKey.BREAKERS_WEEKLY_LOSS,
                            s.weeklyStopUntil));
            step.allocate(GovernorStep.TRIGGER_GOVERNANCE);
        }
    }

    /** Ends the loss stops whose period is over, each with an entry and a reallocation. */
    void endStops(GovernorStep step) {
        long time = step.time();
        if (s.dailyStopUntil != GovernorState.NONE && time >= s.dailyStopUntil) {
            step.add(stopEnded(time, RuleIds.BREAKER_DAILY_LOSS, s.dailyStopUntil));
            s.dailyStopUntil = GovernorState.NONE;
            step.allocate(GovernorStep.TRIGGER_GOVERNANCE);
        }
        if (s.weeklyStopUntil != GovernorState.NONE && time >= s.weeklyStopUntil) {
            step.add(stopEnded(time, RuleIds.BREAKER_WEEKLY_LOSS, s.weeklyStopUntil));
            s.weeklyStopUntil = GovernorState.NONE;
            step.allocate(GovernorStep.TRIGGER_GOVERNANCE);
        }
    }

    /** Whether anything stops the book at {@code time} (a RESUME for the book would lift it). */
    boolean anyStop(long time) {
        return s.dataQualityHalt || s.stopped(time);
    }

    /** A RESUME for the book: the data-quality halt and both loss stops end. */
    void lift() {
        s.dataQualityHalt = false;
        s.dailyStopUntil = GovernorState.NONE;
        s.weeklyStopUntil = GovernorState.NONE;
    }

    /** Why the whole book is stopped at {@code time}, for the allocation; null when it is not. */
    String stopReason(long time) {
        if (s.dataQualityHalt) {
            return "book halted by " + RuleIds.BREAKER_DATA_QUALITY + " until a RESUME";
        }
        if (s.weeklyStopUntil != GovernorState.NONE && s.weeklyStopUntil > time) {
            return "book stopped by "
                    + RuleIds.BREAKER_WEEKLY_LOSS
                    + " until "
                    + Instant.ofEpochMilli(s.weeklyStopUntil);
        }
        if (s.dailyStopUntil != GovernorState.NONE && s.dailyStopUntil > time) {
            return "book stopped by "
                    + RuleIds.BREAKER_DAILY_LOSS
                    + " until "
                    + Instant.ofEpochMilli(s.dailyStopUntil);
        }
        return null;
    }

    private GovernanceEvent lossTrip(
            long time,
            String rule,
            String period,
            double loss,
            double open,
            double limit,
            PolicyKey key,
            long until) {
        return s.entry(time, GovernanceKind.BREAKER, Severity.ERROR, rule)
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
                .metric("equity", s.equity.equity(s.capital()))
                .threshold(key, limit)
                .build(s.policy.version());
    }

    private GovernanceEvent stopEnded(long time, String rule, long until) {
        return s.entry(time, GovernanceKind.INFO, Severity.INFO, rule)
                .reason("book stop over at " + Instant.ofEpochMilli(until) + ": a new period")
                .build(s.policy.version());
    }
}
