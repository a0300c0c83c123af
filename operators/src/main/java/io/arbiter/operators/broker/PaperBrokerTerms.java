package io.arbiter.operators.broker;

import io.arbiter.schemas.Side;

import java.io.Serializable;
import java.time.Duration;

/**
 * What the paper broker charges and how long it holds an order: slippage and fee rate (DOMAIN.md
 * §9, policy {@code paper-broker}), the bound of the queue of orders waiting for their first bar,
 * and how long after its decision an order may still be entered.
 *
 * <p>The broker's state never keeps these: they are passed to every call, so a state restored from
 * a savepoint follows the terms in force now (as {@code SymbolFeatures} does with its policy).
 *
 * <pre>{@code
 * PaperBrokerTerms terms =
 *         new PaperBrokerTerms(policy.paperBroker().slippage(), policy.paperBroker().fee(),
 *                 1000, Duration.ofDays(4));
 * }</pre>
 *
 * @param slippage fraction of the reference price a fill loses: a buy pays {@code price × (1 +
 *     slippage)}, a sell gets {@code price × (1 − slippage)}
 * @param feeRate fee of a fill as a fraction of its notional ({@code fill price × qty})
 * @param maxQueuedIntents orders of one symbol that may wait for their entry bar at once; beyond
 *     this a new order is refused ({@link IntentAdmission#QUEUE_FULL}), so a symbol that never
 *     trades cannot grow state without bound
 * @param maxEntryDelay longest event time from an order's decision to the bar that enters it; an
 *     order whose next bar of the symbol comes later is dropped as stale, not entered at a price
 *     the planner never saw (the next bar after a weekend plus a holiday is 4 days away on daily
 *     bars)
 */
public record PaperBrokerTerms(
        double slippage, double feeRate, int maxQueuedIntents, Duration maxEntryDelay)
        implements Serializable {

    public PaperBrokerTerms {
        if (!(Double.isFinite(slippage) && slippage >= 0 && slippage < 1)) {
            throw new IllegalArgumentException("slippage must lie in [0, 1), was " + slippage);
        }
        if (!(Double.isFinite(feeRate) && feeRate >= 0)) {
            throw new IllegalArgumentException("fee rate must be ≥ 0, was " + feeRate);
        }
        if (maxQueuedIntents < 1) {
            throw new IllegalArgumentException(
                    "max queued intents must be at least 1, was " + maxQueuedIntents);
        }
        if (maxEntryDelay == null || maxEntryDelay.isNegative() || maxEntryDelay.isZero()) {
            throw new IllegalArgumentException("max entry delay must be positive");
        }
    }

    /** The price a fill on {@code side} gets for a reference price: buys pay up, sells get less. */
    public double fillPrice(Side side, double reference) {
        return side == Side.BUY ? reference * (1 + slippage) : reference * (1 - slippage);
    }

    /** The fee of a fill: fee rate × notional at the fill's own price. */
    public double fee(double fillPrice, double qty) {
        return feeRate * fillPrice * qty;
    }

    /** The last event time at which an order decided at {@code decided} may still be entered. */
    public long entryDeadline(long decided) {
        long delay = maxEntryDelay.toMillis();
        return decided > Long.MAX_VALUE - delay ? Long.MAX_VALUE : decided + delay;
    }
}
