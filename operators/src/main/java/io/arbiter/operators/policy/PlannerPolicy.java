package io.arbiter.operators.policy;

import java.io.Serializable;
import java.time.Duration;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * The trade planner's guardrails and sizing (DOMAIN.md §5).
 *
 * @param accountCash the cash the book trades with: open positions and pending intents together
 *     never commit more (entry fees included)
 * @param perTradeTarget notional one routed trade aims for before the risk scaler shrinks it (the
 *     traffic share decides whether a trade is routed, not its size)
 * @param maxOpenPositions open positions and pending intents of the book, together
 * @param maxPerTicker open positions and pending intents in one ticker, over all models
 * @param feeBps fee on the entry and on the exit notional, in basis points
 * @param exposure the concentration limits, as fractions of {@code accountCash}
 * @param sigmaPerAtr the per-bar standard deviation of price moves, in ATRs, that the expected time
 *     to hit assumes (see the planner's ETTH proxy)
 * @param defaultBarInterval the bar length assumed for a signal whose bar interval is unknown
 * @param fillIdHorizon how long fill ids are remembered to recognise a redelivered fill
 * @param sectors symbol → sector, for the sector limit
 * @param unknownSector the sector of a symbol missing from {@code sectors}: all of them share it,
 *     so unmapped symbols cannot escape the sector limit
 */
public record PlannerPolicy(
        double accountCash,
        double perTradeTarget,
        int maxOpenPositions,
        int maxPerTicker,
        double feeBps,
        ExposurePolicy exposure,
        double sigmaPerAtr,
        Duration defaultBarInterval,
        Duration fillIdHorizon,
        Map<String, String> sectors,
        String unknownSector)
        implements Serializable {

    private static final double BPS = 10_000.0;

    public PlannerPolicy {
        // Sorted and unmodifiable: equal maps compare equal and serialise in one order.
        sectors = Collections.unmodifiableMap(new TreeMap<>(sectors));
    }

    /** The fee as a fraction of notional (5 bps = 0.0005). */
    public double feeRate() {
        return feeBps / BPS;
    }

    /** The sector of {@code symbol}, or {@link #unknownSector()} when the map does not name it. */
    public String sectorOf(String symbol) {
        return sectors.getOrDefault(symbol, unknownSector);
    }
}
