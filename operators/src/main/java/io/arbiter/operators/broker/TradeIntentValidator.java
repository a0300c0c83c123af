package io.arbiter.operators.broker;

import io.arbiter.operators.validation.RecordValidator;
import io.arbiter.operators.validation.Violation;
import io.arbiter.schemas.Side;
import io.arbiter.schemas.TradeIntent;

import java.util.ArrayList;
import java.util.List;

/**
 * What an order needs before the paper broker can fill it: ids, a side, a positive whole quantity,
 * finite positive take-profit and stop-loss on the right sides of each other (a long's stop below
 * its target, a short's above), and a horizon of at least one bar. These are properties of any
 * executable order, not thresholds, so they are not in the policy file.
 */
public final class TradeIntentValidator implements RecordValidator<TradeIntent> {

    private static final long serialVersionUID = 1L;

    @Override
    public List<Violation> validate(TradeIntent intent) {
        List<Violation> violations = new ArrayList<>(0);
        requireText("intentId", intent.getIntentId(), violations);
        requireText("book", intent.getBook(), violations);
        requireText("symbol", intent.getSymbol(), violations);
        requireText("model", intent.getModel(), violations);
        Side side = intent.getSide();
        if (side != Side.BUY && side != Side.SELL) {
            violations.add(
                    new Violation(
                            "side", "intent.side-unknown", side + " is neither BUY nor SELL"));
        }
        if (intent.getQty() <= 0) {
            violations.add(
                    new Violation(
                            "qty",
                            "intent.qty-not-positive",
                            intent.getQty() + " is not positive"));
        }
        boolean levelsUsable =
                checkLevel("takeProfit", intent.getTakeProfit(), violations)
                        & checkLevel("stopLoss", intent.getStopLoss(), violations);
        if (levelsUsable && (side == Side.BUY || side == Side.SELL)) {
            boolean ordered =
                    side == Side.BUY
                            ? intent.getStopLoss() < intent.getTakeProfit()
                            : intent.getTakeProfit() < intent.getStopLoss();
            if (!ordered) {
                violations.add(
                        new Violation(
                                "stopLoss",
                                "intent.levels-crossed",
                                "stop-loss "
                                        + intent.getStopLoss()
                                        + " is not "
                                        + (side == Side.BUY ? "below" : "above")
                                        + " take-profit "
                                        + intent.getTakeProfit()
                                        + " of a "
                                        + side));
            }
        }
        if (intent.getHorizonBars() < 1) {
            violations.add(
                    new Violation(
                            "horizonBars",
                            "intent.horizon-not-positive",
                            intent.getHorizonBars() + " is below 1 bar"));
        }
        return violations;
    }

    private static void requireText(String field, String value, List<Violation> violations) {
        if (value == null || value.isBlank()) {
            violations.add(new Violation(field, "intent." + field + "-blank", "is blank"));
        }
    }

    /** Adds a violation unless the price level is finite and positive; says whether it was. */
    private static boolean checkLevel(String field, double level, List<Violation> violations) {
        if (!(Double.isFinite(level) && level > 0)) {
            violations.add(
                    new Violation(
                            field,
                            "intent.level-not-positive",
                            level + " is not a positive price"));
            return false;
        }
        return true;
    }
}
