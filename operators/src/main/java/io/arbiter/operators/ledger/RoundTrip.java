package io.arbiter.operators.ledger;

import java.time.Instant;

/**
 * One entry fill's lot from opening to fully closed (DOMAIN: "an entry fill and the exit fill(s)
 * that close it"), with its realised PnL net of fees. A lot closed by several exit fills is one
 * round trip whose exit price is the quantity-weighted mean of those exits.
 *
 * @param modelVersion the version on the entry fill (the one that decided the trade); null when the
 *     execution service did not know it
 * @param qty units opened by the entry fill (its opening part, for a fill that also closed a
 *     position) and closed by the exits, always positive
 * @param entryTime event time of the entry fill, epoch milliseconds
 * @param exitTime event time of the exit fill that closed the last unit, epoch milliseconds
 * @param exitPrice quantity-weighted mean price of the exits
 * @param grossPnl Σ sign × (exit price − entry price) × units, before fees
 * @param fees the lot's share of the entry fill's fee plus its shares of each exit fill's fee (a
 *     fill's fee is split pro rata by quantity over what it closes and what it opens)
 * @param netPnl gross PnL − fees
 * @param returnOnNotional net PnL / (entry price × qty)
 * @param exitFillId the fill that closed the last unit
 * @param exitFills how many exit fills closed this lot
 */
public record RoundTrip(
        String book,
        String model,
        String modelVersion,
        String symbol,
        Direction direction,
        double qty,
        long entryTime,
        long exitTime,
        double entryPrice,
        double exitPrice,
        double grossPnl,
        double fees,
        double netPnl,
        double returnOnNotional,
        String entryFillId,
        String exitFillId,
        int exitFills) {

    /**
     * Exit time − entry time in milliseconds (negative only if fills were applied out of order).
     */
    public long holdingMillis() {
        return exitTime - entryTime;
    }

    public Instant entryInstant() {
        return Instant.ofEpochMilli(entryTime);
    }

    public Instant exitInstant() {
        return Instant.ofEpochMilli(exitTime);
    }

    /** A win for the allocator and the win rate: net PnL above zero. */
    public boolean isWin() {
        return netPnl > 0;
    }
}
