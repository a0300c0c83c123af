package io.arbiter.operators.planner;

import java.util.Locale;

/**
 * The whole units a trade may take under every limit at once, or the limit that leaves it less than
 * one. Each limit is a room in currency and a cost per unit; a limit allows the largest whole q
 * with q × cost ≤ room, checked on the product itself (so a rounded quotient never lets a limit be
 * exceeded by a hair). When some limit allows no unit, the first of them in the order target, cash,
 * ticker, top five, sector names the reason.
 *
 * @param qty whole units (0 when rejected)
 * @param reason why it is rejected, or null
 * @param detail the limit and its numbers in words, or null
 */
record Sizing(long qty, RejectReason reason, String detail) {

    /** The limits in the order they are reported. */
    enum Limit {
        TARGET(RejectReason.GUARDRAIL, "per-trade target × risk scaler"),
        CASH(RejectReason.GUARDRAIL, "account cash left"),
        TICKER(RejectReason.EXPOSURE, "single-ticker exposure room"),
        TOP(RejectReason.EXPOSURE, "top-five exposure room"),
        SECTOR(RejectReason.EXPOSURE, "sector exposure room");

        final RejectReason reason;
        final String words;

        Limit(RejectReason reason, String words) {
            this.reason = reason;
            this.words = words;
        }
    }

    /**
     * @param entry entry price per unit
     * @param feeRate entry fee per unit of notional (cash must cover it)
     * @param rooms the room of each {@link Limit}, in its order, in currency
     */
    static Sizing of(double entry, double feeRate, double... rooms) {
        Limit[] limits = Limit.values();
        long qty = Long.MAX_VALUE;
        for (int i = 0; i < limits.length; i++) {
            double unitCost = limits[i] == Limit.CASH ? entry * (1 + feeRate) : entry;
            long allowed = wholeUnits(rooms[i], unitCost);
            if (allowed < 1) {
                return new Sizing(
                        0,
                        limits[i].reason,
                        String.format(
                                Locale.ROOT,
                                "%s %.4f buys no whole unit at %.4f",
                                limits[i].words,
                                rooms[i],
                                unitCost));
            }
            qty = Math.min(qty, allowed);
        }
        return new Sizing(qty, null, null);
    }

    /** The largest whole q ≥ 0 with q × unitCost ≤ room. */
    static long wholeUnits(double room, double unitCost) {
        if (!(room > 0)) {
            return 0;
        }
        double quotient = Math.floor(room / unitCost);
        // Far more units than any book trades: the other limits decide.
        long q = quotient >= 1e15 ? (long) 1e15 : (long) quotient;
        while (q > 0 && q * unitCost > room) {
            q--;
        }
        return q;
    }
}
