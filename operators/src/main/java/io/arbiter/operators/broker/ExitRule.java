package io.arbiter.operators.broker;

import io.arbiter.schemas.Side;

/**
 * Whether an open position leaves on a bar, and at which reference price (before slippage).
 *
 * <p>A bar has no intraday order except that its open comes first, so:
 *
 * <ol>
 *   <li>An open beyond a level fills that level's order at the open: a gap through the stop exits
 *       at the (worse) open, not at the stop; a gap through the take-profit exits at the (better)
 *       open. On the entry bar the open is the entry price itself, so such a position leaves at
 *       once, paying slippage and fees both ways, as stop and limit orders resting beside a market
 *       entry would.
 *   <li>Otherwise the bar's range decides, the stop first: a bar whose low and high touch both
 *       levels counts as the stop, the conservative reading that {@code FirstTouchLabeler} uses for
 *       the training labels too. Touches are inclusive ({@code low ≤ stop}, {@code high ≥ target}),
 *       as in the labels.
 *   <li>Otherwise, once the position has been held for {@code horizonBars} bars (the entry bar
 *       counts as the first, so the window is the label's bars t+1 … t+h after the signal bar t),
 *       it exits at that bar's close.
 * </ol>
 *
 * A level that is not a number is never touched (the validator refuses such orders before they get
 * here; this only keeps a bad one from throwing).
 */
final class ExitRule {

    private ExitRule() {}

    /** An exit: why, and the reference price before slippage. */
    record Exit(ExitReason reason, double reference) {}

    /**
     * @param position the position, its bars held counting this bar (1 on its entry bar)
     * @return the exit on this bar, or null when the position stays open
     */
    static Exit on(Position position, double open, double high, double low, double close) {
        double stop = position.intent().getStopLoss();
        double target = position.intent().getTakeProfit();
        boolean isLong = position.intent().getSide() == Side.BUY;
        if (isLong ? open <= stop : open >= stop) {
            return new Exit(ExitReason.STOP_LOSS, open);
        }
        if (isLong ? open >= target : open <= target) {
            return new Exit(ExitReason.TAKE_PROFIT, open);
        }
        if (isLong ? low <= stop : high >= stop) {
            return new Exit(ExitReason.STOP_LOSS, stop);
        }
        if (isLong ? high >= target : low <= target) {
            return new Exit(ExitReason.TAKE_PROFIT, target);
        }
        if (position.barsHeld() >= position.intent().getHorizonBars()) {
            return new Exit(ExitReason.HORIZON, close);
        }
        return null;
    }
}
