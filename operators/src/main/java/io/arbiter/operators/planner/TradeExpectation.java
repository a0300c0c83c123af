package io.arbiter.operators.planner;

import io.arbiter.operators.policy.LabelPolicy;
import io.arbiter.operators.policy.PlannerPolicy;
import io.arbiter.schemas.SignalSide;

/**
 * The expected economics of one unit of a candidate's trade (DOMAIN.md §5): E[PnL] = p·target −
 * (1−p)·stop − fees, and its rate per day of expected time to hit. Everything is linear in the
 * quantity, so a trade of {@code q} units expects {@code q} times these numbers.
 *
 * <p>Target and stop are the label distances ({@code labels.take-profit-atr} and {@code
 * stop-loss-atr} ATRs) the models were trained to predict; fees are {@code planner.fee-bps} on the
 * entry notional and on the expected exit notional (take-profit price with probability p, stop-loss
 * price otherwise).
 *
 * @param takeProfit take-profit price (above the entry for a long, below for a short)
 * @param stopLoss stop-loss price (below the entry for a long, above for a short)
 * @param expPnl expected PnL per unit before fees
 * @param fees expected entry and exit fees per unit
 * @param etthDays expected time to hit, in days
 */
record TradeExpectation(
        double takeProfit, double stopLoss, double expPnl, double fees, double etthDays) {

    private static final double MILLIS_PER_DAY = 86_400_000.0;

    /**
     * The expectation of {@code c}, whose numbers must be usable ({@link Candidate#unusable()}).
     */
    static TradeExpectation of(Candidate c, LabelPolicy labels, PlannerPolicy planner) {
        double direction = c.side() == SignalSide.SHORT ? -1 : 1;
        double target = labels.takeProfitAtr() * c.atr();
        double stop = labels.stopLossAtr() * c.atr();
        double takeProfit = c.close() + direction * target;
        double stopLoss = c.close() - direction * stop;
        double p = c.pCal();
        double expPnl = p * target - (1 - p) * stop;
        double expectedExit = p * takeProfit + (1 - p) * stopLoss;
        double fees = planner.feeRate() * (c.close() + expectedExit);
        double bars =
                ExpectedTimeToHit.bars(
                        labels.takeProfitAtr(),
                        labels.stopLossAtr(),
                        planner.sigmaPerAtr(),
                        labels.horizonBars());
        return new TradeExpectation(
                takeProfit, stopLoss, expPnl, fees, bars * barMillis(c, planner) / MILLIS_PER_DAY);
    }

    /**
     * The calibrated probability at which {@code c}'s expected net PnL is zero (the gate's floor).
     * With target T and stop S in price, entry C, fee rate f and direction d (+1 long, −1 short),
     * the fees are f·(2C + d·g) for the gross expectation g = p·(T + S) − S, so the net is g·(1 −
     * f·d) − 2fC, zero at p* = (S + 2fC / (1 − f·d)) / (T + S). Above p* a trade expects a profit.
     */
    static double breakEven(Candidate c, LabelPolicy labels, PlannerPolicy planner) {
        double direction = c.side() == SignalSide.SHORT ? -1 : 1;
        double target = labels.takeProfitAtr() * c.atr();
        double stop = labels.stopLossAtr() * c.atr();
        double f = planner.feeRate();
        return (stop + 2 * f * c.close() / (1 - f * direction)) / (target + stop);
    }

    /** The candidate's bar length, or the policy's default when the candidate does not know it. */
    static long barMillis(Candidate c, PlannerPolicy planner) {
        return c.barIntervalMillis() > 0
                ? c.barIntervalMillis()
                : planner.defaultBarInterval().toMillis();
    }

    /** Expected PnL per unit net of fees. */
    double expPnlNet() {
        return expPnl - fees;
    }

    /** Expected net PnL per unit per day: the ranking rate. */
    double expPnlNetPerDay() {
        return expPnlNet() / etthDays;
    }
}
